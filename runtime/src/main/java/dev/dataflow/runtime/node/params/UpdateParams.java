package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.Map;

/**
 * The typed parameters every generated {@code <Model>UpdateNode.Params} shares; {@code id}, {@code version}
 * and the column setters are generated.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class UpdateParams<P extends UpdateParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected UpdateParams(String nodeType) {
    super(nodeType);
  }

  /** The columns to set, by column name; the typed setters add to the same map. */
  public final P fields(Map<String, ?> fields) {
    set(CrudNode.FIELDS, fields);
    return self();
  }

  /** Must be true to update with empty filters, that is, every row. */
  public final P confirmAll(boolean confirmAll) {
    set(CrudNode.CONFIRM_ALL, confirmAll);
    return self();
  }
}
