package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeKind;

/** The base of the nine generated node types: one model, one operation. */
public abstract class CrudNode implements Node {
  protected final ModelDescriptor model;
  private final NodeKind kind;
  private final String type;

  protected CrudNode(ModelDescriptor model, NodeKind kind) {
    this.model = model;
    this.kind = kind;
    this.type = model.modelName() + kind.suffix();
  }

  @Override
  public final String type() {
    return type;
  }

  /** The model this node reads or writes. */
  public final ModelDescriptor model() {
    return model;
  }

  /** The operation. */
  public final NodeKind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return type;
  }
}
