package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.BulkCreateNode;
import dev.dataflow.runtime.node.params.BulkCreateParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Inserts many rows in batches in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionBulkCreateNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionBulkCreateNode extends BulkCreateNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionBulkCreateNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionBulkCreateNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * Parameters whose records are {@code models}, each filled as {@link ConversationSessionCreateNode#params(ConversationSession)} fills one.
   */
  public static Params params(List<ConversationSession> models) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (ConversationSession model : models) {
      records.add(ConversationSessionCreateNode.params(model).toMap());
    }
    return new Params().records(records);
  }

  /**
   * The parameters of {@code ConversationSessionBulkCreateNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends BulkCreateParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * Adds one row, built with the create node's typed parameters.
     */
    public Params record(ConversationSessionCreateNode.Params record) {
      return addRecord(record);
    }
  }
}
