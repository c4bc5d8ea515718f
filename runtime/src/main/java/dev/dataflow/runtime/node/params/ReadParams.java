package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.ReadNode;

/**
 * The typed parameters every generated {@code <Model>ReadNode.Params} shares; {@code id} is generated with the
 * key's type.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class ReadParams<P extends ReadParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ReadParams(String nodeType) {
    super(nodeType);
  }

  /** Whether a missing row fails the node (true) or yields an empty result (false). */
  public final P raiseOnNotFound(boolean raiseOnNotFound) {
    set(ReadNode.RAISE_ON_NOT_FOUND, raiseOnNotFound);
    return self();
  }
}
