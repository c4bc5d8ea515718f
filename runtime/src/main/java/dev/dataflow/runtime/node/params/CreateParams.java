package dev.dataflow.runtime.node.params;


/**
 * The typed parameters every generated {@code <Model>CreateNode.Params} shares: the upsert settings. The
 * column setters are generated.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class CreateParams<P extends CreateParams<P>> extends InsertParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected CreateParams(String nodeType) {
    super(nodeType);
  }
}
