package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeEvent;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowListener;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SwitchNode routing with skipped branches, application nodes among CRUD nodes, parallel branches, listeners. */
class RoutingAndUserNodesTest extends DatabaseTest {

  /** An application node: classifies a message's intent from its text. */
  private static final dev.dataflow.runtime.node.Node CLASSIFIER = TestNodes.function("IntentClassifierNode",
      List.of(ParamSpec.of("text", ParamType.ANY, true, "the message")),
      params -> Map.of("intent", ((String) params.get("text")).contains("boxes") ? "order_placement" : "smalltalk",
          "confidence", 0.9));

  private static final NodeRegistry REGISTRY = TestNodes.registry(CLASSIFIER);

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE teams, members RESTART IDENTITY CASCADE");
  }

  private static Workflow routeByName() {
    return new WorkflowBuilder(REGISTRY)
        .addNode("TeamCreateNode", "team", Map.of("name", "red"))
        .addNode("SwitchNode", "route", Map.of("cases", List.of("red", "blue"), "default", "other"))
        .addNode("MemberCreateNode", "red_member", Map.of("name", "r"))
        .addNode("MemberCreateNode", "blue_member", Map.of("name", "b"))
        .addNode("MemberCountNode", "blue_count", Map.of())
        .addConnection("team", "name", "route", "value")
        .addConnection("team", "id", "route", "data")
        .addConnection("route", "red", "red_member", "team_id")
        .addConnection("route", "blue", "blue_member", "team_id")
        .addConnection("blue_member", "team_id", "blue_count", "filters.team_id")
        .build();
  }

  @Test
  void switchTakesOneBranchAndSkipsTheOtherWithItsDownstream() {
    List<String> skippedEvents = Collections.synchronizedList(new ArrayList<>());
    WorkflowResult r = runtime.execute(routeByName(), ExecutionOptions.builder().listener(new WorkflowListener() {
      @Override
      public void nodeSkipped(NodeEvent event) {
        skippedEvents.add(event.nodeId());
      }
    }).build());
    assertEquals("red", r.get("route").get("case"));
    assertEquals(r.get("team").get("id"), r.get("red_member").get("team_id"));
    assertEquals(List.of("blue_member", "blue_count"), r.skipped());
    assertTrue(r.wasSkipped("blue_count"));
    assertFalse(r.outputs().containsKey("blue_member"));
    assertThrows(IllegalStateException.class, () -> r.get("blue_member"));
    assertEquals(List.of("blue_count", "blue_member"), skippedEvents.stream().sorted().toList());
    assertEquals(1L, Tables.count(db, "members"));
  }

  @Test
  void switchDefaultBranchAndUnmatchedValue() {
    Workflow w = routeByName();
    WorkflowResult r = runtime.execute(w, Map.of("team", Map.of("name", "green")));
    assertEquals("other", r.get("route").get("case"));
    assertEquals(List.of("red_member", "blue_member", "blue_count"), r.skipped());

    Workflow noDefault = new WorkflowBuilder(REGISTRY)
        .addNode("SwitchNode", "route", Map.of("cases", List.of("a"), "value", "secret-value-123"))
        .build();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(noDefault));
    assertTrue(e.getMessage().contains("matches none of the cases [a]"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-value-123"), e.getMessage());
  }

  @Test
  void connectionsFromUnknownBranchesAreRefusedAtBuild() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder(REGISTRY)
        .addNode("SwitchNode", "route", Map.of("cases", List.of("red", "blue"), "value", "red"))
        .addNode("TeamCreateNode", "t", Map.of())
        .addConnection("route", "bleu", "t", "name")
        .build());
    assertTrue(e.getMessage().contains("'bleu', which is not a branch of this node. Did you mean 'blue'?"),
        e.getMessage());
  }

  @Test
  void applicationNodeInTheMiddleOfACrudWorkflow() {
    for (TransactionMode mode : TransactionMode.values()) {
      WorkflowResult r = runtime.execute(new WorkflowBuilder(REGISTRY)
          .addNode("TeamCreateNode", "team", Map.of("name", "we need 400 boxes"))
          .addNode("IntentClassifierNode", "classify", Map.of())
          .addNode("MemberCreateNode", "member", Map.of())
          .addConnection("team", "name", "classify", "text")
          .addConnection("classify", "intent", "member", "name")
          .addConnection("team", "id", "member", "team_id")
          .build(), ExecutionOptions.builder().transactionMode(mode).build());
      assertEquals("order_placement", r.get("member").get("name"), mode.toString());
    }
  }

  @Test
  void independentBranchesRunConcurrentlyAndGiveTheSequentialResult() throws Exception {
    CyclicBarrier bothRunning = new CyclicBarrier(2);
    dev.dataflow.runtime.node.Node meet = TestNodes.function("MeetNode",
        List.of(ParamSpec.of("name", ParamType.ANY, true, "a name")), params -> {
          try {
            // Returns only if the other branch's MeetNode is running at the same time.
            bothRunning.await(10, TimeUnit.SECONDS);
          } catch (Exception e) {
            throw new IllegalStateException("branches did not run concurrently", e);
          }
          return Map.of("name", params.get("name"));
        });
    NodeRegistry registry = TestNodes.registry(meet);
    Workflow w = new WorkflowBuilder(registry)
        .addNode("MeetNode", "left", Map.of("name", "left-team"))
        .addNode("MeetNode", "right", Map.of("name", "right-team"))
        .addNode("TeamCreateNode", "left_team", Map.of())
        .addNode("TeamCreateNode", "right_team", Map.of())
        .addNode("TeamCountNode", "count", Map.of())
        .addConnection("left", "name", "left_team", "name")
        .addConnection("right", "name", "right_team", "name")
        .addConnection("left_team", "name", "count", "filters.$or.0.name")
        .addConnection("right_team", "name", "count", "filters.$or.1.name")
        .build();
    WorkflowResult parallel = runtime.execute(w, Map.of("count", Map.of("filters", Map.of("$or", List.of(
        Map.of("name", "?"), Map.of("name", "?"))))), ExecutionOptions.builder().parallelism(2).build());
    assertEquals(2L, parallel.get("count").get("count"));
    assertEquals(List.of("left", "right", "left_team", "right_team", "count"), List.copyOf(parallel.outputs().keySet()));
    assertEquals("left-team", parallel.get("left_team").get("name"));
    assertEquals("right-team", parallel.get("right_team").get("name"));
  }

  @Test
  void listenerHearsStartFinishFailureWithRowsAndNoValues() {
    List<String> events = Collections.synchronizedList(new ArrayList<>());
    WorkflowListener listener = new WorkflowListener() {
      @Override
      public void nodeStarted(NodeEvent e) {
        events.add("started " + e.nodeId());
      }

      @Override
      public void nodeFinished(NodeEvent e) {
        events.add("finished " + e.nodeId() + " rows=" + e.rowsAffected());
      }

      @Override
      public void nodeFailed(NodeEvent e, Throwable error) {
        events.add("failed " + e.nodeId() + " " + error.getClass().getSimpleName());
      }
    };
    ExecutionOptions options = ExecutionOptions.builder().parallelism(1).listener(listener).build();
    assertThrows(WorkflowExecutionException.class, () -> runtime.execute(new WorkflowBuilder(REGISTRY)
        .addNode("TeamBulkCreateNode", "teams", Map.of("records", List.of(Map.of("name", "a"), Map.of("name", "b"))))
        .addNode("TeamCountNode", "count", Map.of())
        .addNode("FailNode", "boom", Map.of())
        .addConnection("teams", "inserted", "count", "filters.id")
        .addConnection("count", "count", "boom", "after")
        .build(), options));
    assertEquals(List.of("started teams", "finished teams rows=2", "started count", "finished count rows=0",
        "started boom", "failed boom IllegalStateException"), events);
  }

  /**
   * An application node that hands out the same map object on every run, changed in between: the List it gives
   * {@code filters} reads that map's content of each run, not a conversion remembered from an earlier run (nodes
   * remember the conversion of a value by its identity; a connected value is converted again before its node runs).
   * The Update it gives {@code fields} likewise.
   */
  @Test
  void aConnectedMapChangedBetweenRunsIsReadAfresh() {
    Map<String, Object> filters = new HashMap<>();
    Map<String, Object> fields = new HashMap<>();
    NodeRegistry registry = TestNodes.registry(TestNodes.function("SharedMapsNode", List.of(),
        params -> Map.of("filters", filters, "fields", fields)));
    run("TeamCreateNode", Map.of("name", "red"));
    Object blue = run("TeamCreateNode", Map.of("name", "blue")).get("id");
    Workflow w = new WorkflowBuilder(registry)
        .addNode("SharedMapsNode", "source", Map.of())
        .addNode("TeamListNode", "list", Map.of())
        .addNode("TeamUpdateNode", "update", Map.of("id", blue))
        .addConnection("source", "filters", "list", "filters")
        .addConnection("source", "fields", "update", "fields")
        .build();
    filters.put("name", "red");
    fields.put("name", "navy");
    WorkflowResult first = runtime.execute(w);
    assertEquals(List.of("red"), names(first.get("list")));
    assertEquals("navy", first.get("update").get("name"));

    filters.put("name", "navy");
    fields.put("name", "teal");
    WorkflowResult second = runtime.execute(w);
    assertEquals(List.of("navy"), names(second.get("list")), "the list read the map as it is now");
    assertEquals("teal", second.get("update").get("name"), "the update wrote the map as it is now");
  }

  @SuppressWarnings("unchecked")
  private static List<Object> names(Map<String, Object> list) {
    return ((List<Map<String, Object>>) list.get("records")).stream().map(r -> r.get("name")).toList();
  }
}
