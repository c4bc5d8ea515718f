package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.DeleteNode;
import dev.dataflow.runtime.node.params.DeleteParams;
import javax.annotation.processing.Generated;

/**
 * Deletes rows by key or filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionDeleteNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionDeleteNode extends DeleteNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionDeleteNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionDeleteNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionDeleteNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends DeleteParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * The key (column {@code id}) of the row to delete.
     */
    public Params id(Long id) {
      set(CrudNode.ID, id);
      return this;
    }
  }
}
