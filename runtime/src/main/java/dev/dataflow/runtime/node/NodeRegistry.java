package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.model.ErDiagram;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The node types a workflow may use, by name: every generated model's nine nodes (found through
 * {@link ModelProvider} service entries on the classpath) plus any nodes added with {@link Builder#add(Node)}.
 */
public final class NodeRegistry {
  private static volatile NodeRegistry classpath;

  private final Map<String, Node> nodesByType;
  private final Map<Class<?>, String> typesByClass;
  private final List<ModelDescriptor> models;

  private NodeRegistry(Map<String, Node> nodesByType, List<ModelDescriptor> models) {
    this.nodesByType = Collections.unmodifiableMap(new LinkedHashMap<>(nodesByType));
    Map<Class<?>, String> byClass = new LinkedHashMap<>();
    for (Node node : nodesByType.values()) {
      byClass.put(node.getClass(), node.type());
    }
    this.typesByClass = Collections.unmodifiableMap(byClass);
    this.models = List.copyOf(models);
  }

  /** Every model compiled onto the classpath, loaded once per JVM. */
  public static NodeRegistry classpath() {
    NodeRegistry registry = classpath;
    if (registry == null) {
      synchronized (NodeRegistry.class) {
        registry = classpath;
        if (registry == null) {
          registry = builder().addBuiltins().addClasspathModels().build();
          classpath = registry;
        }
      }
    }
    return registry;
  }

  /** An empty registry builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The node of this type, or null. */
  public Node node(String type) {
    return nodesByType.get(type);
  }

  /** Every registered type name, in registration order. */
  public Set<String> types() {
    return nodesByType.keySet();
  }

  /** The type name of a registered node class, or null. */
  public String typeOf(Class<? extends Node> nodeClass) {
    return typesByClass.get(nodeClass);
  }

  /** The registered models, in registration order. */
  public List<ModelDescriptor> models() {
    return models;
  }

  /**
   * Every registered model as a Mermaid entity-relationship diagram: tables, columns with their SQL types, keys,
   * unique columns, and foreign keys with their {@code ON DELETE}. See {@link ErDiagram}.
   *
   * <pre>{@code
   * Files.writeString(Path.of("schema.mmd"), NodeRegistry.classpath().toMermaidErDiagram());
   * }</pre>
   */
  public String toMermaidErDiagram() {
    return ErDiagram.render(models);
  }

  /** Collects nodes and models; a type name may be registered once. */
  public static final class Builder {
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<ModelDescriptor> models = new ArrayList<>();

    private Builder() {}

    /** Adds the built-in nodes: {@link SwitchNode}. */
    public Builder addBuiltins() {
      return add(new SwitchNode());
    }

    /** Adds every {@link ModelProvider} found by {@link ServiceLoader} on the context (or this) class loader. */
    public Builder addClasspathModels() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = NodeRegistry.class.getClassLoader();
      }
      List<ModelProvider> providers = new ArrayList<>();
      ServiceLoader.load(ModelProvider.class, loader).forEach(providers::add);
      providers.sort((a, b) -> a.descriptor().modelName().compareTo(b.descriptor().modelName()));
      for (ModelProvider provider : providers) {
        addModel(provider);
      }
      return this;
    }

    /** Adds one model and its nodes. */
    public Builder addModel(ModelProvider provider) {
      ModelDescriptor model = provider.descriptor();
      for (ModelDescriptor existing : models) {
        if (existing.table().equals(model.table())) {
          if (existing.modelClassName().equals(model.modelClassName())) {
            return this; // the same model found twice (for example on two class-path entries)
          }
          throw new DataFlowException("Models " + existing.modelClassName() + " and " + model.modelClassName()
              + " both map to table '" + model.table() + "'. Give one of them @Model(table = \"...\").");
        }
      }
      models.add(model);
      for (Node node : provider.nodes()) {
        add(node);
      }
      return this;
    }

    /** Adds a node under its {@link Node#type()}. */
    public Builder add(Node node) {
      Node previous = nodes.putIfAbsent(node.type(), node);
      if (previous != null && previous.getClass() != node.getClass()) {
        throw new DataFlowException("Node type '" + node.type() + "' is registered twice (" + previous.getClass().getName()
            + " and " + node.getClass().getName() + "). Give the second node another type name.");
      }
      return this;
    }

    /** Adds each node. */
    public Builder addAll(java.util.Collection<? extends Node> nodes) {
      for (Node node : nodes) {
        add(node);
      }
      return this;
    }

    public NodeRegistry build() {
      return new NodeRegistry(nodes, models);
    }
  }
}
