package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters every generated {@code <Model>BulkUpdateNode.Params} shares; the column setters are
 * generated.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class BulkUpdateParams<P extends BulkUpdateParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected BulkUpdateParams(String nodeType) {
    super(nodeType);
  }

  /** The columns to set, by column name; the typed setters add to the same map. */
  public final P fields(Map<String, ?> fields) {
    set(CrudNode.FIELDS, fields);
    return self();
  }

  /**
   * One map per row to update, each holding the key ({@code id}), the version read ({@code version})
   * on a versioned model, and the columns to set; a stale version fails the whole call.
   */
  public final P records(List<? extends Map<String, ?>> records) {
    set(CrudNode.RECORDS, records);
    return self();
  }

  /** Must be true to update with empty filters, that is, every row. */
  public final P confirmAll(boolean confirmAll) {
    set(CrudNode.CONFIRM_ALL, confirmAll);
    return self();
  }
}
