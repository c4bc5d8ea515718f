package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.Map;

/**
 * The parameters of the node kinds that select rows by a filter map: Read, Exists, Update and Delete (by filters
 * instead of by key), List, Count and BulkUpdate.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class FilteredParams<P extends FilteredParams<P>> extends ModelParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected FilteredParams(String nodeType) {
    super(nodeType);
  }

  /**
   * Selects the rows by a MongoDB-style filter map of column names to values or operators; for Read, Exists, Update
   * and Delete instead of by key.
   */
  public final P filters(Map<String, ?> filters) {
    set(CrudNode.FILTERS, filters);
    return self();
  }
}
