package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.Map;

/**
 * The typed parameters every generated {@code <Model>ExistsNode.Params} shares; {@code id} is generated with
 * the key's type.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class ExistsParams<P extends ExistsParams<P>> extends NodeParams {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ExistsParams(String nodeType) {
    super(nodeType);
  }

  @SuppressWarnings("unchecked")
  private P self() {
    return (P) this;
  }

  /** Looks for a row matching filters instead of by key: a MongoDB-style filter map of column names to values or operators. */
  public final P filters(Map<String, ?> filters) {
    set(CrudNode.FILTERS, filters);
    return self();
  }
}
