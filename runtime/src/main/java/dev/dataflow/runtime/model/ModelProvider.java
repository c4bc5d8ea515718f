package dev.dataflow.runtime.model;

import dev.dataflow.runtime.node.Node;
import java.util.List;

/**
 * The service through which the runtime finds compiled models on the classpath. The processor writes one
 * implementation per {@code @Model} (its {@code <Model>Schema} class) and lists them in
 * {@code META-INF/services/dev.dataflow.runtime.model.ModelProvider}; no registration code is needed.
 */
public interface ModelProvider {
  /** The model's table, columns, DDL and SQL. */
  ModelDescriptor descriptor();

  /** The model's nine generated nodes. */
  List<Node> nodes();
}
