package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.ExistsNode;
import dev.dataflow.runtime.node.params.ExistsParams;
import javax.annotation.processing.Generated;

/**
 * Tells whether a row exists, by key or filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionExistsNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionExistsNode extends ExistsNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionExistsNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionExistsNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionExistsNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends ExistsParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * The key (column {@code id}) of the row to look for.
     */
    public Params id(Long id) {
      set(CrudNode.ID, id);
      return this;
    }
  }
}
