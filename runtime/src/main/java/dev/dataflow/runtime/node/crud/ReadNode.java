package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamSpec;
import java.util.List;
import java.util.Map;

/** TODO */
public abstract class ReadNode extends CrudNode {
  protected ReadNode(ModelDescriptor model) {
    super(model, NodeKind.READ);
  }

  @Override
  public List<ParamSpec> params() {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
    throw new UnsupportedOperationException("not yet");
  }
}
