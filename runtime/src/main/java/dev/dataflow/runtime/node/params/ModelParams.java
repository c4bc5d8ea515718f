package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.NodeParams;

/**
 * The base of every generated {@code <Model><Kind>Node.Params}: the node type, and the builder's own type, which every
 * setter returns.
 *
 * @param <P> the generated {@code Params} class itself
 */
public abstract class ModelParams<P extends ModelParams<P>> extends NodeParams {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ModelParams(String nodeType) {
    super(nodeType);
  }

  /** This builder, as the generated class. */
  @SuppressWarnings("unchecked")
  protected final P self() {
    return (P) this;
  }
}
