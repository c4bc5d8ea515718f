package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.BulkCreateNode;
import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters every generated {@code <Model>BulkCreateNode.Params} shares; {@code record} is
 * generated with the create node's typed parameters.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class BulkCreateParams<P extends BulkCreateParams<P>> extends InsertParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected BulkCreateParams(String nodeType) {
    super(nodeType);
  }

  private final List<Map<String, ?>> records = new ArrayList<>();

  /** The rows to insert, one map of column names to values per row; replaces earlier records. */
  public final P records(List<? extends Map<String, ?>> records) {
    this.records.clear();
    this.records.addAll(records);
    set(CrudNode.RECORDS, List.copyOf(this.records));
    return self();
  }

  /** Adds one row, given as the parameters of the model's create node; the generated {@code record} calls this. */
  protected final P addRecord(NodeParams record) {
    records.add(record.toMap());
    set(CrudNode.RECORDS, List.copyOf(records));
    return self();
  }

  /** How many records go into one batch (one COPY, or one round of upserts). */
  public final P batchSize(int batchSize) {
    set(BulkCreateNode.BATCH_SIZE, batchSize);
    return self();
  }

  /** Whether the output lists the new rows' ids (default true). */
  public final P returnIds(boolean returnIds) {
    set(BulkCreateNode.RETURN_IDS, returnIds);
    return self();
  }
}
