package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.RoutingNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A workflow as a Mermaid flowchart, optionally with what became of each node in one run. Shows node ids, node types,
 * connections ({@code output → input}) and a routing node's branches; never a parameter value, which may be personal
 * data.
 *
 * <p>Output is deterministic: nodes are listed in execution order and get the Mermaid ids {@code n0}, {@code n1}, ...
 * in that order, so any id a user gave (quotes, brackets, pipes, newlines) is only ever shown inside an escaped label.
 * A routing node is a rhombus listing its branches; a connection out of one of its branches is a dotted arrow; a
 * dependency that passes no data ({@code WorkflowBuilder.addDependency}) is a thick arrow without a label.
 *
 * <pre>{@code
 * flowchart TD
 *   n0["classify<br/>IntentClassifierNode"]
 *   n1{"route<br/>SwitchNode<br/>branches: order_placement, other"}
 *   n0 -->|"intent → value"| n1
 * }</pre>
 */
public final class WorkflowDiagram {
  private static final String ARROW = " → ";

  private WorkflowDiagram() {}

  /**
   * The workflow's picture.
   *
   * @param nodes the nodes in execution order
   * @param edges the connections, in the order they were added
   */
  public static String render(List<NodeInstance> nodes, List<Edge> edges) {
    return render(nodes, edges, null);
  }

  /**
   * The picture of one run: each node also shows its status ({@code ran}, {@code skipped}, {@code failed},
   * {@code not run}) as a class styled by a {@code classDef}, and how long it ran in milliseconds.
   *
   * @param runs what became of each node, by node id; null for the workflow alone
   */
  public static String render(List<NodeInstance> nodes, List<Edge> edges, Map<String, NodeRun> runs) {
    return render(nodes, edges, Map.of(), runs);
  }

  /**
   * The picture with dependencies too.
   *
   * @param dependencies for each node id, the nodes it runs after without taking input from them
   * @param runs what became of each node, by node id; null for the workflow alone
   */
  public static String render(List<NodeInstance> nodes, List<Edge> edges, Map<String, List<String>> dependencies,
      Map<String, NodeRun> runs) {
    StringBuilder out = new StringBuilder("flowchart TD\n");
    Map<String, String> ids = new HashMap<>();
    Map<String, NodeInstance> byId = new HashMap<>();
    for (NodeInstance node : nodes) {
      String id = "n" + ids.size();
      ids.put(node.id(), id);
      byId.put(node.id(), node);
      boolean routing = node.node() instanceof RoutingNode;
      StringBuilder label = new StringBuilder(text(node.id())).append("<br/>").append(text(node.type()));
      if (routing) {
        Set<String> branches = branches(node);
        label.append("<br/>branches: ").append(branches == null ? "connected"
            : String.join(", ", branches.stream().map(WorkflowDiagram::text).toList()));
      }
      NodeRun run = runs == null ? null : runs.get(node.id());
      if (run != null) {
        label.append("<br/>").append(status(run));
      }
      out.append("  ").append(id).append(routing ? "{\"" : "[\"").append(label).append(routing ? "\"}" : "\"]");
      if (run != null) {
        out.append(":::").append(styleClass(run.status()));
      }
      out.append('\n');
    }
    for (Edge edge : edges) {
      NodeInstance source = byId.get(edge.fromNode());
      boolean branch = source != null && source.node() instanceof RoutingNode && fromBranch(source, edge);
      out.append("  ").append(ids.get(edge.fromNode())).append(branch ? " -.->|\"" : " -->|\"")
          .append(text(edge.fromOutput())).append(ARROW).append(text(edge.toInput())).append("\"| ")
          .append(ids.get(edge.toNode())).append('\n');
    }
    for (NodeInstance node : nodes) {
      for (String before : dependencies.getOrDefault(node.id(), List.of())) {
        out.append("  ").append(ids.get(before)).append(" ==> ").append(ids.get(node.id())).append('\n');
      }
    }
    if (runs != null) {
      out.append("  classDef ran fill:#d8f0dc,stroke:#2e7d32\n");
      out.append("  classDef skipped fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray:4 4\n");
      out.append("  classDef failed fill:#fbdcdc,stroke:#c62828,stroke-width:2px\n");
      out.append("  classDef notRun fill:#ffffff,stroke:#bdbdbd\n");
    }
    return out.toString();
  }

  private static String status(NodeRun run) {
    return switch (run.status()) {
      case RAN -> "ran in " + run.duration().toMillis() + " ms";
      case FAILED -> "failed after " + run.duration().toMillis() + " ms";
      case SKIPPED -> "skipped";
      case NOT_RUN -> "not run";
    };
  }

  private static String styleClass(NodeRun.Status status) {
    return switch (status) {
      case RAN -> "ran";
      case FAILED -> "failed";
      case SKIPPED -> "skipped";
      case NOT_RUN -> "notRun";
    };
  }

  /** The routing node's branches with its literal parameters, or null when they are connected or unreadable. */
  private static Set<String> branches(NodeInstance node) {
    if (!(node.node() instanceof RoutingNode routing)) {
      return null;
    }
    try {
      return routing.branches(node.params());
    } catch (InvalidParameterException e) {
      return null;
    }
  }

  /** Whether the connection leaves through a branch: a dotted arrow, taken in some runs only. */
  private static boolean fromBranch(NodeInstance source, Edge edge) {
    Set<String> branches = branches(source);
    return branches == null || branches.contains(Paths.head(edge.fromOutput()));
  }

  /**
   * {@code name} as it may sit inside a quoted Mermaid label: {@linkplain Suggestions#cut cut} like every echoed name,
   * then every character but ASCII letters, digits and a few plain punctuation marks as a Mermaid entity code
   * ({@code #34;} for a quote), control characters (newlines) as spaces.
   */
  static String text(String name) {
    String cut = Suggestions.cut(name);
    StringBuilder out = new StringBuilder(cut.length());
    cut.codePoints().forEach(c -> {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || " _-.,:/()+*@!?='".indexOf(c)
          >= 0) {
        out.appendCodePoint(c);
      } else if (Character.isISOControl(c)) {
        out.append(' ');
      } else {
        out.append('#').append(c).append(';');
      }
    });
    return out.toString();
  }
}
