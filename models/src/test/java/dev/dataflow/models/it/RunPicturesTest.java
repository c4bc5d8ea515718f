package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowListener;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.workflow.NodeRun;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pictures of real runs: a failed run's (through its exception) and a routed run's (through its result). */
class RunPicturesTest extends DatabaseTest {
  private static final NodeRegistry REGISTRY = TestNodes.registry();

  /** Routes on an intent: an order goes to a node that fails (and on to one after it), a complaint to a count. */
  private static Workflow routeOn(String intent) {
    return new WorkflowBuilder(REGISTRY)
        .addNode("EmitNode", "classify", Map.of("values", Map.of("intent", intent, "user_id", "6591234567")))
        .addNode("SwitchNode", "route", Map.of("cases", List.of("order_placement", "complaint")))
        .addNode("FailNode", "place_order", Map.of())
        .addNode("TeamCountNode", "after_order", Map.of())
        .addNode("TeamCountNode", "complaints", Map.of())
        .addConnection("classify", "intent", "route", "value")
        .addConnection("route", "order_placement", "place_order", "after")
        .addConnection("place_order", "order_id", "after_order", "filters.name")
        .addConnection("route", "complaint", "complaints", "filters.name")
        .build();
  }

  // Nodes are drawn in execution order: "complaints" is ready before "after_order", which waits for "place_order".

  /** Durations vary from run to run; the rest of the picture is exact. */
  private static String withoutTimes(String mermaid) {
    return mermaid.replaceAll("\\d+ ms", "N ms");
  }

  @Test
  void aFailedRunsPictureShowsWhatRanFailedAndNeverStarted() {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(routeOn("order_placement")));
    assertEquals("""
        flowchart TD
          n0["classify<br/>EmitNode<br/>ran in N ms"]:::ran
          n1{"route<br/>SwitchNode<br/>branches: order_placement, complaint<br/>ran in N ms"}:::ran
          n2["place_order<br/>FailNode<br/>failed after N ms"]:::failed
          n3["complaints<br/>TeamCountNode<br/>not run"]:::notRun
          n4["after_order<br/>TeamCountNode<br/>not run"]:::notRun
          n0 -->|"intent → value"| n1
          n1 -.->|"order_placement → after"| n2
          n2 -->|"order_id → filters.name"| n4
          n1 -.->|"complaint → filters.name"| n3
          classDef ran fill:#d8f0dc,stroke:#2e7d32
          classDef skipped fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray:4 4
          classDef failed fill:#fbdcdc,stroke:#c62828,stroke-width:2px
          classDef notRun fill:#ffffff,stroke:#bdbdbd
        """, withoutTimes(e.toMermaid()));
    assertEquals(List.of(NodeRun.Status.RAN, NodeRun.Status.RAN, NodeRun.Status.FAILED, NodeRun.Status.NOT_RUN,
        NodeRun.Status.NOT_RUN), e.nodeRuns().stream().map(NodeRun::status).toList());
    assertFalse(e.toMermaid().contains("6591234567"), "no parameter or output value is drawn");
  }

  @Test
  void aRoutedRunsPictureShowsTheSkippedBranch() {
    WorkflowResult result = runtime.execute(routeOn("complaint"));
    assertEquals("""
        flowchart TD
          n0["classify<br/>EmitNode<br/>ran in N ms"]:::ran
          n1{"route<br/>SwitchNode<br/>branches: order_placement, complaint<br/>ran in N ms"}:::ran
          n2["place_order<br/>FailNode<br/>skipped"]:::skipped
          n3["complaints<br/>TeamCountNode<br/>ran in N ms"]:::ran
          n4["after_order<br/>TeamCountNode<br/>skipped"]:::skipped
          n0 -->|"intent → value"| n1
          n1 -.->|"order_placement → after"| n2
          n2 -->|"order_id → filters.name"| n4
          n1 -.->|"complaint → filters.name"| n3
          classDef ran fill:#d8f0dc,stroke:#2e7d32
          classDef skipped fill:#eeeeee,stroke:#9e9e9e,stroke-dasharray:4 4
          classDef failed fill:#fbdcdc,stroke:#c62828,stroke-width:2px
          classDef notRun fill:#ffffff,stroke:#bdbdbd
        """, withoutTimes(result.toMermaid()));
    assertEquals(result.skipped(), result.nodeRuns().stream()
        .filter(r -> r.status() == NodeRun.Status.SKIPPED).map(NodeRun::nodeId).toList());
  }
  /**
   * A one-node run that nobody observes takes a shorter path than a run with a listener: both must report alike
   * (output, node runs, picture; and a failure's exception).
   */
  @Test
  void aOneNodeRunReportsAsAnyRunDoesWithOrWithoutAListener() {
    ExecutionOptions heard = ExecutionOptions.builder().listener(new WorkflowListener() {}).build();
    Workflow emit = new WorkflowBuilder(REGISTRY)
        .addNode("EmitNode", "emit", Map.of("values", Map.of("intent", "greeting"))).build();
    WorkflowResult lone = runtime.execute(emit);
    WorkflowResult observed = runtime.execute(emit, heard);
    assertEquals(Map.of("intent", "greeting"), lone.get("emit"));
    assertEquals(observed.get("emit"), lone.get("emit"));
    assertEquals(List.of(), lone.skipped());
    assertEquals(List.of(NodeRun.Status.RAN), lone.nodeRuns().stream().map(NodeRun::status).toList());
    assertEquals(withoutTimes(observed.toMermaid()), withoutTimes(lone.toMermaid()));
    assertThrows(UnsupportedOperationException.class, () -> lone.get("emit").put("x", 1));
    assertThrows(IllegalArgumentException.class, () -> lone.get("emitt"));

    Workflow fail = new WorkflowBuilder(REGISTRY).addNode("FailNode", "fail", Map.of()).build();
    WorkflowExecutionException quiet = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(fail));
    WorkflowExecutionException loud = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(fail, heard));
    assertEquals(loud.getMessage().replace(loud.runId(), "RUN"), quiet.getMessage().replace(quiet.runId(), "RUN"));
    assertEquals("fail", quiet.nodeId());
    assertEquals(Map.of(), quiet.completedOutputs());
    assertInstanceOf(IllegalStateException.class, quiet.getCause());
    assertEquals(List.of(NodeRun.Status.FAILED), quiet.nodeRuns().stream().map(NodeRun::status).toList());
    assertEquals(withoutTimes(loud.toMermaid()), withoutTimes(quiet.toMermaid()));
  }
}
