package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.ReadNode;
import java.util.Map;

/**
 * The typed parameters every generated {@code <Model>ReadNode.Params} shares; {@code id} is generated with the
 * key's type.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class ReadParams<P extends ReadParams<P>> extends NodeParams {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ReadParams(String nodeType) {
    super(nodeType);
  }

  @SuppressWarnings("unchecked")
  private P self() {
    return (P) this;
  }

  /** Selects the row by filters instead of by key: a MongoDB-style filter map of column names to values or operators. */
  public final P filters(Map<String, ?> filters) {
    set(CrudNode.FILTERS, filters);
    return self();
  }

  /** Whether a missing row fails the node (true) or yields an empty result (false). */
  public final P raiseOnNotFound(boolean raiseOnNotFound) {
    set(ReadNode.RAISE_ON_NOT_FOUND, raiseOnNotFound);
    return self();
  }
}
