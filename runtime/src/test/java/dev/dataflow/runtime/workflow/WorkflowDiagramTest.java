package dev.dataflow.runtime.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.workflow.NodeRun.Status;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Workflows and runs as Mermaid flowcharts: shapes, labels, branches, statuses, escaping, no values. */
class WorkflowDiagramTest {
  private static final NodeRegistry REGISTRY = NodeRegistry.builder().addBuiltins()
      .add(new Fixed("Classifier", "text", "intent"))
      .add(new Fixed("Notifier", "to", "sent"))
      .build();

  private static Workflow routing() {
    return new WorkflowBuilder(REGISTRY)
        .addNode("Classifier", "classify", Map.of("text", "call me on 6591234567"))
        .addNode("SwitchNode", "route", Map.of("cases", List.of("order_placement", "complaint"), "default", "other"))
        .addNode("Notifier", "notify_sales", Map.of())
        .addNode("Notifier", "notify_support", Map.of())
        .addConnection("classify", "intent", "route", "value")
        .addConnection("route", "order_placement", "notify_sales", "to")
        .addConnection("route", "complaint", "notify_support", "to")
        .build();
  }

  @Test
  void aWorkflowWithASwitchShowsNodesConnectionsAndBranches() {
    assertEquals("""
        flowchart TD
          n0["classify<br/>Classifier"]
          n1{"route<br/>SwitchNode<br/>branches: order_placement, complaint, other"}
          n2["notify_sales<br/>Notifier"]
          n3["notify_support<br/>Notifier"]
          n0 -->|"intent → value"| n1
          n1 -.->|"order_placement → to"| n2
          n1 -.->|"complaint → to"| n3
        """, routing().toMermaid());
  }

  @Test
  void aDependencyIsAThickArrowWithoutALabel() {
    assertEquals("""
        flowchart TD
          n0["classify<br/>Classifier"]
          n1["notify<br/>Notifier"]
          n0 ==> n1
        """, new WorkflowBuilder(REGISTRY)
        .addNode("Notifier", "notify", Map.of("to", "sales"))
        .addNode("Classifier", "classify", Map.of("text", "hello"))
        .addDependency("classify", "notify")
        .build().toMermaid());
  }

  @Test
  void aRunWithASwitchAndAFailedNodeShowsStatusesAndDurations() {
    Workflow workflow = routing();
    Map<String, NodeRun> runs = new LinkedHashMap<>();
    runs.put("classify", new NodeRun("classify", "Classifier", Status.RAN, Duration.ofMillis(12)));
    runs.put("route", new NodeRun("route", "SwitchNode", Status.RAN, Duration.ofNanos(300_000)));
    runs.put("notify_sales", new NodeRun("notify_sales", "Notifier", Status.FAILED, Duration.ofMillis(7)));
    runs.put("notify_support", new NodeRun("notify_support", "Notifier", Status.SKIPPED, Duration.ZERO));
    List<NodeInstance> nodes = workflow.executionOrder().stream().map(workflow::node).toList();
    assertEquals("""
        flowchart TD
          n0["classify<br/>Classifier<br/>ran in 12 ms"]:::ran
          n1{"route<br/>SwitchNode<br/>branches: order_placement, complaint, other<br/>ran in 0 ms"}:::ran
          n2["notify_sales<br/>Notifier<br/>failed after 7 ms"]:::failed
          n3["notify_support<br/>Notifier<br/>skipped"]:::skipped
          n0 -->|"intent → value"| n1
          n1 -.->|"order_placement → to"| n2
          n1 -.->|"complaint → to"| n3
          classDef ran fill:#d8f0dc,stroke:#2e7d32
          classDef skipped fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray:4 4
          classDef failed fill:#fbdcdc,stroke:#c62828,stroke-width:2px
          classDef notRun fill:#ffffff,stroke:#bdbdbd
        """, WorkflowDiagram.render(nodes, workflow.edges(), runs));
  }

  @Test
  void anyIdAUserGaveIsAnEscapedLabelOfASafeMermaidId() {
    String id = "a\"b]c|d<e>f\nx{y}#z;`é";
    Workflow workflow = new WorkflowBuilder(REGISTRY)
        .addNode("Classifier", id, Map.of("text", "t"))
        .addNode("Notifier", "n", Map.of())
        .addConnection(id, "intent", "n", "to")
        .build();
    assertEquals("""
        flowchart TD
          n0["a#34;b#93;c#124;d#60;e#62;f x#123;y#125;#35;z#59;#96;#233;<br/>Classifier"]
          n1["n<br/>Notifier"]
          n0 -->|"intent → to"| n1
        """, workflow.toMermaid());
  }

  @Test
  void noParameterValueIsDrawn() {
    assertFalse(routing().toMermaid().contains("6591234567"));
  }

  /** A node returning one fixed output key; it never runs in these tests. */
  private record Fixed(String type, String input, String output) implements Node {
    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of(input, ParamType.ANY, true, "an input"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
      return Map.of(output, "x");
    }
  }
}
