package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.ListNode;
import dev.dataflow.runtime.node.params.ListParams;
import javax.annotation.processing.Generated;

/**
 * Lists rows matching filters, ordered and paged in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionListNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionListNode extends ListNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionListNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionListNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionListNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends ListParams<Params> {
    private Params() {
      super(TYPE);
    }
  }
}
