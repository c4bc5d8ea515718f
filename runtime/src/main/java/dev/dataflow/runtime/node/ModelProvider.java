package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.List;

/**
 * The service through which the runtime finds compiled models on the classpath. The processor writes one
 * implementation per {@code @Model} (its {@code <Model>Schema} class) and lists them in
 * {@code META-INF/services/dev.dataflow.runtime.node.ModelProvider}; no registration code is needed.
 */
public interface ModelProvider {
  /** The model's table, columns, DDL and SQL. */
  ModelDescriptor descriptor();

  /** The model's nine generated nodes. */
  List<Node> nodes();
}
