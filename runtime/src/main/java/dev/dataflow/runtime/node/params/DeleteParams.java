package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CrudNode;

/**
 * The typed parameters every generated {@code <Model>DeleteNode.Params} shares; {@code id} is generated with
 * the key's type.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class DeleteParams<P extends DeleteParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected DeleteParams(String nodeType) {
    super(nodeType);
  }

  /** Must be true to delete with empty filters, that is, every row. */
  public final P confirmAll(boolean confirmAll) {
    set(CrudNode.CONFIRM_ALL, confirmAll);
    return self();
  }
}
