package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.WorkflowValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link WorkflowBuilder#addDependency}: ordering two nodes that pass no data. */
class NodeDependencyTest extends DatabaseTest {

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE teams, members RESTART IDENTITY CASCADE");
  }

  /** Declared count first: only the dependency makes it see the team the other node creates. */
  private static Workflow countAfterCreate() {
    return new WorkflowBuilder()
        .addNode("TeamCountNode", "count", Map.of())
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addDependency("team", "count")
        .build();
  }

  @Test
  void theDependentNodeRunsAfterTheOtherAndSeesItsWrite() {
    Workflow w = countAfterCreate();
    assertEquals(List.of("team", "count"), w.executionOrder());
    assertEquals(List.of("team"), w.dependenciesOf("count"));
    assertTrue(w.edges().isEmpty(), "a dependency is no connection");
    assertEquals(1L, runtime.execute(w).get("count").get("count"));
  }

  @Test
  void inAParallelRunTheDependentNodeWaits() {
    for (int i = 0; i < 5; i++) {
      WorkflowResult r = runtime.execute(countAfterCreate(), Map.of(),
          ExecutionOptions.builder().parallelism(2).build());
      assertEquals((long) i + 1, r.get("count").get("count"));
    }
  }

  @Test
  void aSkippedNodeSkipsTheNodesThatDependOnIt() {
    WorkflowResult r = runtime.execute(new WorkflowBuilder()
        .addNode("SwitchNode", "route", Map.of("cases", List.of("red", "blue"), "value", "red"))
        .addNode("TeamCreateNode", "blue_team", Map.of())
        .addNode("TeamCountNode", "after_blue", Map.of())
        .addConnection("route", "blue", "blue_team", "name")
        .addDependency("blue_team", "after_blue")
        .build());
    assertTrue(r.wasSkipped("blue_team"));
    assertTrue(r.wasSkipped("after_blue"));
    assertEquals(0L, Tables.count(db, "teams"));
  }

  @Test
  void unknownNodesSelfDependenciesAndCyclesAreRefused() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamCountNode", "count", Map.of())
        .addDependency("teem", "count")
        .addDependency("count", "count")
        .build());
    assertTrue(e.getMessage().contains("dependency teem -> count refers to unknown node 'teem'. Did you mean 'team'?"),
        e.getMessage());
    assertTrue(e.getMessage().contains("dependency count -> count makes a node wait for itself"), e.getMessage());

    WorkflowValidationException cycle = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamReadNode", "read", Map.of())
        .addConnection("team", "id", "read", "id")
        .addDependency("read", "team")
        .build());
    assertTrue(cycle.getMessage().contains("the connections and dependencies form a cycle through nodes [team, read]"),
        cycle.getMessage());
  }
}
