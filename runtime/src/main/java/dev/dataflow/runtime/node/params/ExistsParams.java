package dev.dataflow.runtime.node.params;


/**
 * The typed parameters every generated {@code <Model>ExistsNode.Params} shares; {@code id} is generated with
 * the key's type.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class ExistsParams<P extends ExistsParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ExistsParams(String nodeType) {
    super(nodeType);
  }
}
