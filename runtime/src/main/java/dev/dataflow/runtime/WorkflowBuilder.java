package dev.dataflow.runtime;

import dev.dataflow.runtime.WorkflowValidationException.Problem;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.RoutingNode;
import dev.dataflow.runtime.node.SwitchNode;
import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.workflow.Edge;
import dev.dataflow.runtime.workflow.NodeInstance;
import dev.dataflow.runtime.workflow.ParamChecker;
import dev.dataflow.runtime.workflow.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Composes nodes into a {@link Workflow}. Nothing is checked until {@link #build()}, which reports every problem at
 * once and refuses the workflow if there is any.
 *
 * <pre>{@code
 * Workflow workflow = new WorkflowBuilder()
 *     .addNode("ConversationSessionCreateNode", "create_session", Map.of(
 *         "session_id", UUID.randomUUID(), "user_id", "6591234567", "language", "en"))
 *     .addNode("log_msg", ConversationMessageCreateNode.params().role(Role.user).content("Hi"))
 *     .addConnection("create_session", "session_id", "log_msg", "session_id")
 *     .build();
 * }</pre>
 */
public final class WorkflowBuilder {
  private final NodeRegistry registry;
  private final List<Declared> declared = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private final List<String[]> dependencies = new ArrayList<>();

  /** A builder for the node types compiled onto the classpath. */
  public WorkflowBuilder() {
    this(NodeRegistry.classpath());
  }

  /** A builder for the node types of {@code dataFlow}: the generated ones, the built-ins and its added nodes. */
  public WorkflowBuilder(DataFlow dataFlow) {
    this(dataFlow.registry());
  }

  /** A builder for the node types of {@code registry} (for example {@link DataFlow#registry()}). */
  public WorkflowBuilder(NodeRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Adds a node.
   *
   * @param nodeType the type name, for example {@code ConversationSessionCreateNode}
   * @param nodeId the id, unique in this workflow; connections and results refer to it
   * @param params the parameters (copied); keys are parameter names
   */
  public WorkflowBuilder addNode(String nodeType, String nodeId, Map<String, ?> params) {
    declared.add(new Declared(nodeType, nodeId, params == null ? Map.of() : params));
    return this;
  }

  /** Adds a node with no literal parameters (they all come from connections or defaults). */
  public WorkflowBuilder addNode(String nodeType, String nodeId) {
    return addNode(nodeType, nodeId, Map.of());
  }

  /**
   * Adds a node from its typed parameters, which know their node type:
   * {@code addNode("create", ConversationSessionCreateNode.params().userId("u1"))}.
   */
  public WorkflowBuilder addNode(String nodeId, NodeParams params) {
    return addNode(params.nodeType(), nodeId, params.toMap());
  }

  /** Adds a node by its class, for example {@code addNode(ConversationSessionCountNode.class, "count", Map.of())}. */
  public WorkflowBuilder addNode(Class<? extends Node> nodeClass, String nodeId, Map<String, ?> params) {
    String type = registry.typeOf(nodeClass);
    return addNode(type == null ? nodeClass.getSimpleName() : type, nodeId, params);
  }

  /**
   * Connects an output of one node to a parameter of another; the target runs after the source.
   *
   * @param fromNode the source node id
   * @param fromOutput a dotted path into the source's output: {@code session_id}, {@code records.0.id}
   * @param toNode the target node id
   * @param toInput the target parameter, or a dotted path into it: {@code session_id}, {@code filters.user_id}
   */
  public WorkflowBuilder addConnection(String fromNode, String fromOutput, String toNode, String toInput) {
    edges.add(new Edge(fromNode, fromOutput, toNode, toInput));
    return this;
  }

  /**
   * Orders two nodes that pass no data: {@code after} runs only once {@code before} has finished, as if it took an
   * input from it. A skipped {@code before} (a routing branch not taken, or a skipped node upstream) skips
   * {@code after} too, as a connection would; a failed one ends the run before {@code after} starts. Without a
   * connection or a dependency between them, two nodes run in no promised order (in parallel runs, at the same time).
   *
   * <pre>{@code
   * new WorkflowBuilder()
   *     .addNode("archive", ConversationMessageDeleteNode.params().filters(Map.of("session_id", old)))
   *     .addNode("count", ConversationMessageCountNode.params())
   *     .addDependency("archive", "count")   // count what is left after the delete
   *     .build();
   * }</pre>
   *
   * @param before the node id that runs first
   * @param after the node id that runs once {@code before} has finished
   */
  public WorkflowBuilder addDependency(String before, String after) {
    dependencies.add(new String[] {before, after});
    return this;
  }

  /**
   * Validates and freezes the workflow.
   *
   * @throws WorkflowValidationException listing every problem: unknown node type (with a suggestion), duplicate node
   *     id, connection or dependency to or from an unknown node, connection from an output the source node declares
   *     it never produces ({@link Node#outputs()}, with a suggestion) or from a path below it that can reach no value
   *     ({@link Node#outputPathProblem}: {@code records.first}, a path into a plain column), cycle, unknown parameter
   *     (with a suggestion), missing required parameter, value of the wrong type, and node-specific rules
   */
  public Workflow build() {
    List<Problem> problems = new ArrayList<>();
    Map<String, NodeInstance> nodes = new LinkedHashMap<>();
    Set<String> unresolved = new HashSet<>();
    for (Declared d : declared) {
      if (d.nodeId == null || d.nodeId.isBlank()) {
        problems.add(new Problem(null, d.nodeType, null, "a node id must be a non-blank string"));
        continue;
      }
      if (nodes.containsKey(d.nodeId) || unresolved.contains(d.nodeId)) {
        problems.add(new Problem(d.nodeId, d.nodeType, null,
            "duplicate node id; every node in a workflow needs its own id"));
        continue;
      }
      Node node = d.nodeType == null ? null : registry.node(d.nodeType);
      if (node == null) {
        unresolved.add(d.nodeId);
        boolean swapped = registry.node(d.nodeId) != null;
        problems.add(new Problem(d.nodeId, d.nodeType, null, "unknown node type '" + Suggestions.cut(d.nodeType)
            + "'." + (swapped ? " The arguments look swapped: addNode(nodeType, nodeId, params) takes the type first,"
                + " and '" + d.nodeId + "' is a node type."
                : Suggestions.didYouMean(String.valueOf(d.nodeType), registry.types()))
            + (registry.models().isEmpty()
                ? " No models found on the class path: is dataflow-processor on the compiler's"
                    + " annotationProcessorPaths, and the module with the @Model classes a dependency?"
                : "")));
        continue;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> frozen = (Map<String, Object>) Paths.freeze(d.params);
      nodes.put(d.nodeId, new NodeInstance(d.nodeId, d.nodeType, node, frozen));
    }

    if (edges.isEmpty() && dependencies.isEmpty()) {
      // Nothing connects or orders the nodes (the commonest workflow, one node): they run as added.
      checkParams(nodes, Map.of(), problems);
      if (!problems.isEmpty()) {
        throw new WorkflowValidationException(problems);
      }
      return new Workflow(nodes, List.of(), Map.of(),
          nodes.size() == 1 ? List.of(nodes.keySet().iterator().next()) : new ArrayList<>(nodes.keySet()));
    }

    Set<String> allIds = new LinkedHashSet<>(nodes.keySet());
    allIds.addAll(unresolved);
    List<Edge> validEdges = new ArrayList<>();
    Map<String, Set<String>> connectedParams = new LinkedHashMap<>();
    for (Edge edge : edges) {
      boolean ok = true;
      for (String end : new String[] {edge.fromNode(), edge.toNode()}) {
        if (!allIds.contains(end)) {
          ok = false;
          problems.add(new Problem(null, null, null, "connection " + edge + " refers to unknown node '"
              + Suggestions.cut(end) + "'." + Suggestions.didYouMean(String.valueOf(end), allIds)));
        }
      }
      if (isBlank(edge.fromOutput()) || isBlank(edge.toInput())) {
        ok = false;
        problems.add(new Problem(edge.toNode(), null, null,
            "connection " + edge + " needs a non-blank output path and input name"));
      }
      if (ok && edge.fromNode().equals(edge.toNode())) {
        ok = false;
        problems.add(new Problem(edge.toNode(), null, null, "connection " + edge + " connects a node to itself"));
      }
      if (ok) {
        validEdges.add(edge);
        connectedParams.computeIfAbsent(edge.toNode(), k -> new LinkedHashSet<>()).add(Paths.head(edge.toInput()));
      }
    }

    Map<String, List<String>> runsAfter = new LinkedHashMap<>();
    List<Edge> orderingEdges = new ArrayList<>(validEdges);
    for (String[] dependency : dependencies) {
      String before = dependency[0];
      String after = dependency[1];
      boolean ok = true;
      for (String end : dependency) {
        if (end == null || !allIds.contains(end)) {
          ok = false;
          problems.add(new Problem(null, null, null, "dependency " + Suggestions.cut(before) + " -> "
              + Suggestions.cut(after) + " refers to unknown node '" + Suggestions.cut(end) + "'."
              + Suggestions.didYouMean(String.valueOf(end), allIds)));
        }
      }
      if (ok && before.equals(after)) {
        ok = false;
        problems.add(new Problem(after, null, null, "dependency " + Suggestions.cut(before) + " -> "
            + Suggestions.cut(after) + " makes a node wait for itself"));
      }
      if (ok) {
        List<String> befores = runsAfter.computeIfAbsent(after, k -> new ArrayList<>());
        if (!befores.contains(before)) {
          befores.add(before);
          orderingEdges.add(new Edge(before, "", after, ""));
        }
      }
    }

    checkParams(nodes, connectedParams, problems);

    for (Edge edge : validEdges) {
      NodeInstance source = nodes.get(edge.fromNode());
      if (source != null && source.node() instanceof RoutingNode routing
          && !connectedParams.getOrDefault(source.id(), Set.of()).contains(SwitchNode.CASES)) {
        Set<String> outputs = new LinkedHashSet<>();
        try {
          outputs.addAll(routing.branches(source.params()));
        } catch (RuntimeException e) {
          continue; // the routing node's own parameter problems are reported above
        }
        outputs.add(SwitchNode.CASE);
        String branch = Paths.head(edge.fromOutput());
        if (!outputs.contains(branch)) {
          problems.add(new Problem(source.id(), source.type(), null, "connection " + edge + " starts from '"
              + Suggestions.cut(branch) + "', which is not a branch of this node." + Suggestions.didYouMean(branch,
              outputs) + " Its outputs are " + outputs.stream().map(Suggestions::cut).toList() + "."));
        }
      }
    }

    for (Edge edge : validEdges) {
      NodeInstance source = nodes.get(edge.fromNode());
      Set<String> outputs = source == null || source.node() instanceof RoutingNode ? null : source.node().outputs();
      String head = Paths.head(edge.fromOutput());
      if (outputs != null && !outputs.contains(head)) {
        problems.add(new Problem(edge.toNode(), null, edge.toInput(), "connection " + edge + " starts from '"
            + Suggestions.cut(head) + "', which node '" + Suggestions.cut(source.id()) + "' (" + source.type()
            + ") never outputs." + Suggestions.didYouMean(head, outputs) + " Its outputs are "
            + outputs.stream().map(Suggestions::cut).toList() + "."));
      } else if (outputs != null) {
        String pathProblem = source.node().outputPathProblem(edge.fromOutput());
        if (pathProblem != null) {
          problems.add(new Problem(edge.toNode(), null, edge.toInput(), "connection " + edge + " starts from '"
              + Suggestions.cut(edge.fromOutput()) + "', which node '" + Suggestions.cut(source.id()) + "' ("
              + source.type() + ") never outputs: " + pathProblem + "."));
        }
      }
    }

    List<String> order = order(allIds, orderingEdges, problems);
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(problems);
    }
    return new Workflow(nodes, validEdges, runsAfter, order);
  }

  /** Each node's literal parameters against its specs; {@code connectedParams}: the names connections fill, by node. */
  private static void checkParams(Map<String, NodeInstance> nodes, Map<String, Set<String>> connectedParams,
      List<Problem> problems) {
    for (NodeInstance instance : nodes.values()) {
      Set<String> connected = connectedParams.getOrDefault(instance.id(), Set.of());
      for (ParamProblem p : ParamChecker.check(instance.node(), instance.params(), connected)) {
        problems.add(new Problem(instance.id(), instance.type(), p.parameter(), p.message()));
      }
    }
  }

  /**
   * Kahn's algorithm over connections and dependencies; reports the nodes on a cycle. The order among independent
   * nodes is this algorithm's, not a promise: it is not their declaration order.
   */
  private static List<String> order(Set<String> ids, List<Edge> edges, List<Problem> problems) {
    if (edges.isEmpty()) {
      return new ArrayList<>(ids); // what the algorithm gives when nothing waits: the nodes as added
    }
    Map<String, Integer> indegree = new LinkedHashMap<>();
    Map<String, List<String>> next = new LinkedHashMap<>();
    for (String id : ids) {
      indegree.put(id, 0);
      next.put(id, new ArrayList<>());
    }
    Set<String> seenPairs = new HashSet<>();
    for (Edge e : edges) {
      if (seenPairs.add(e.fromNode() + "\u0000" + e.toNode())) {
        next.get(e.fromNode()).add(e.toNode());
        indegree.merge(e.toNode(), 1, Integer::sum);
      }
    }
    List<String> order = new ArrayList<>();
    Deque<String> ready = new ArrayDeque<>();
    for (Map.Entry<String, Integer> e : indegree.entrySet()) {
      if (e.getValue() == 0) {
        ready.add(e.getKey());
      }
    }
    while (!ready.isEmpty()) {
      String id = ready.poll();
      order.add(id);
      for (String to : next.get(id)) {
        if (indegree.merge(to, -1, Integer::sum) == 0) {
          ready.add(to);
        }
      }
    }
    if (order.size() < ids.size()) {
      List<String> onCycle = new ArrayList<>();
      for (Map.Entry<String, Integer> e : indegree.entrySet()) {
        if (e.getValue() > 0) {
          onCycle.add(Suggestions.cut(e.getKey()));
        }
      }
      problems.add(new Problem(null, null, null, "the connections and dependencies form a cycle through nodes "
          + onCycle + "; a node cannot wait for a node that runs after it. Remove one of those connections or"
          + " dependencies."));
    }
    return order;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private record Declared(String nodeType, String nodeId, Map<String, ?> params) {}
}
