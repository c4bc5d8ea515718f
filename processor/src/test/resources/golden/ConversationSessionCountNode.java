package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CountNode;
import dev.dataflow.runtime.node.params.CountParams;
import javax.annotation.processing.Generated;

/**
 * Counts rows matching filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionCountNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionCountNode extends CountNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionCountNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionCountNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionCountNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends CountParams<Params> {
    private Params() {
      super(TYPE);
    }
  }
}
