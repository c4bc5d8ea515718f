package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.ReadNode;
import dev.dataflow.runtime.node.params.ReadParams;
import javax.annotation.processing.Generated;

/**
 * Reads one row by key or filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionReadNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionReadNode extends ReadNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionReadNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionReadNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionReadNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends ReadParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * The key (column {@code id}) of the row to read.
     */
    public Params id(Long id) {
      set(CrudNode.ID, id);
      return this;
    }
  }
}
