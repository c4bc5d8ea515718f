package dev.dataflow.runtime;

import dev.dataflow.runtime.workflow.Edge;
import dev.dataflow.runtime.workflow.NodeInstance;
import dev.dataflow.runtime.workflow.NodeRun;
import dev.dataflow.runtime.workflow.WorkflowDiagram;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A validated, immutable workflow: nodes, connections and the order they run in. Made by
 * {@link WorkflowBuilder#build()}; run by {@link LocalRuntime}. One workflow may run any number of times, from any
 * number of threads.
 */
public final class Workflow {
  private final Map<String, NodeInstance> nodes;
  private final List<Edge> edges;
  private final List<String> executionOrder;
  private final Map<String, List<Edge>> edgesInto;
  private final Map<String, List<String>> runsAfter;
  /** Each node's literal parameters (deep-frozen at build), by node id in the order the nodes were added. */
  private final Map<String, Map<String, Object>> literalParams;

  Workflow(Map<String, NodeInstance> nodes, List<Edge> edges, Map<String, List<String>> runsAfter,
      List<String> executionOrder) {
    // the builder's own map, made for this workflow; a lone node's as a one-entry map
    this.nodes = nodes.size() == 1 ? Map.copyOf(nodes) : Collections.unmodifiableMap(nodes);
    this.edges = List.copyOf(edges);
    this.executionOrder = List.copyOf(executionOrder);
    if (edges.isEmpty()) {
      this.edgesInto = Map.of(); // edgesInto(id) answers List.of() for every node
    } else {
      Map<String, List<Edge>> into = new LinkedHashMap<>();
      for (String id : nodes.keySet()) {
        into.put(id, new ArrayList<>());
      }
      for (Edge edge : edges) {
        into.get(edge.toNode()).add(edge);
      }
      into.replaceAll((k, v) -> List.copyOf(v));
      this.edgesInto = Collections.unmodifiableMap(into);
    }
    if (runsAfter.isEmpty()) {
      this.runsAfter = Map.of();
    } else {
      Map<String, List<String>> after = new LinkedHashMap<>();
      runsAfter.forEach((node, befores) -> after.put(node, List.copyOf(befores)));
      this.runsAfter = Collections.unmodifiableMap(after);
    }
    if (nodes.size() == 1) {
      NodeInstance only = nodes.values().iterator().next();
      this.literalParams = Map.of(only.id(), only.params());
    } else {
      Map<String, Map<String, Object>> literal = new LinkedHashMap<>();
      for (NodeInstance n : nodes.values()) {
        literal.put(n.id(), n.params());
      }
      this.literalParams = Collections.unmodifiableMap(literal);
    }
  }

  /**
   * Each node's literal parameters by node id: what a run starts from before overrides and connections. The maps
   * are the deep-frozen ones of {@link NodeInstance#params()}.
   */
  Map<String, Map<String, Object>> literalParams() {
    return literalParams;
  }

  /** The nodes by id, in the order they were added. */
  public Map<String, NodeInstance> nodes() {
    return nodes;
  }

  /** The node with this id, or null. */
  public NodeInstance node(String nodeId) {
    return nodes.get(nodeId);
  }

  /** The node ids. */
  public Set<String> nodeIds() {
    return nodes.keySet();
  }

  /** The connections, in the order they were added. */
  public List<Edge> edges() {
    return edges;
  }

  /** The connections into one node. */
  public List<Edge> edgesInto(String nodeId) {
    return edgesInto.getOrDefault(nodeId, List.of());
  }

  /**
   * The nodes this one waits for without taking input from them ({@link WorkflowBuilder#addDependency}), in the
   * order the dependencies were added.
   */
  public List<String> dependenciesOf(String nodeId) {
    return runsAfter.getOrDefault(nodeId, List.of());
  }

  /**
   * The nodes this one waits for: the sources of its connections, then its {@linkplain #dependenciesOf
   * dependencies}, each once.
   */
  public Set<String> predecessorsOf(String nodeId) {
    Set<String> predecessors = new LinkedHashSet<>();
    for (Edge edge : edgesInto(nodeId)) {
      predecessors.add(edge.fromNode());
    }
    predecessors.addAll(dependenciesOf(nodeId));
    return predecessors;
  }

  /**
   * Node ids in the order a one-at-a-time run takes them: every node after the nodes it waits for (connections and
   * dependencies). Among nodes that do not wait for one another the order is not promised.
   */
  public List<String> executionOrder() {
    return executionOrder;
  }

  /**
   * The workflow as a Mermaid flowchart: each node with its id and type, in execution order; each connection
   * labelled {@code output → input}; a routing node's branches, with dotted arrows out of them; each dependency a
   * thick arrow. Never a parameter
   * value. Paste it into a {@code ```mermaid} block of a Markdown page. See {@link WorkflowDiagram}.
   */
  public String toMermaid() {
    return WorkflowDiagram.render(nodesInOrder(), edges, runsAfter, null);
  }

  /** The picture of one run of this workflow: what {@link WorkflowResult} and its exception draw. */
  String toMermaid(List<NodeRun> runs) {
    Map<String, NodeRun> byNode = new LinkedHashMap<>();
    for (NodeRun run : runs) {
      byNode.put(run.nodeId(), run);
    }
    return WorkflowDiagram.render(nodesInOrder(), edges, runsAfter, byNode);
  }

  private List<NodeInstance> nodesInOrder() {
    return executionOrder.stream().map(nodes::get).toList();
  }

  @Override
  public String toString() {
    return "Workflow" + executionOrder;
  }
}
