package dev.dataflow.models;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.BulkCreateNode;
import dev.dataflow.runtime.node.crud.CrudNode;
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
  public static final class Params extends NodeParams {
    private final List<Map<String, ?>> records = new ArrayList<>();

    private Params() {
      super(TYPE);
    }

    /**
     * The rows to insert, one map of column names to values per row; replaces earlier records.
     */
    public Params records(List<? extends Map<String, ?>> records) {
      this.records.clear();
      this.records.addAll(records);
      set(CrudNode.RECORDS, List.copyOf(this.records));
      return this;
    }

    /**
     * Adds one row, built with the create node's typed parameters.
     */
    public Params record(ConversationSessionCreateNode.Params record) {
      records.add(record.toMap());
      set(CrudNode.RECORDS, List.copyOf(records));
      return this;
    }

    /**
     * How many records go into one batch (one COPY, or one round of upserts).
     */
    public Params batchSize(int batchSize) {
      set(BulkCreateNode.BATCH_SIZE, batchSize);
      return this;
    }

    /**
     * Whether the output lists the new rows' ids (default true).
     */
    public Params returnIds(boolean returnIds) {
      set(BulkCreateNode.RETURN_IDS, returnIds);
      return this;
    }

    /**
     * What a row that duplicates a unique value does: {@code "error"} (the default: the insert fails), {@code "ignore"} (it is skipped) or {@code "update"} (the existing row is updated; needs {@link #conflictColumns}).
     */
    public Params onConflict(String mode) {
      set(CrudNode.ON_CONFLICT, mode);
      return this;
    }

    /**
     * The columns of the unique constraint, unique index or key that decide a conflict, for example {@code conflictColumns("code")}.
     */
    public Params conflictColumns(String... columns) {
      set(CrudNode.CONFLICT_COLUMNS, List.of(columns));
      return this;
    }
  }
}
