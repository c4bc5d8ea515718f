package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.IsolationLevel;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * In {@link TransactionMode#WORKFLOW} a failure at any position of a five-node workflow, of any kind, leaves no row
 * of that run; in {@link TransactionMode#PER_NODE} the nodes before the failure stay committed.
 */
class TransactionModeTest extends DatabaseTest {
  private static final NodeRegistry REGISTRY = TestNodes.registry();
  private List<String> teamsBefore;
  private List<String> allTypesBefore;

  enum Failure { USER_EXCEPTION, UNIQUE_VIOLATION, CONVERSION, TIMEOUT }

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE teams, members, all_types RESTART IDENTITY CASCADE");
    Tables.execute(db, "INSERT INTO all_types (text, score, code) VALUES ('existing', 1, 'dup')");
    teamsBefore = Tables.snapshot(db, "teams");
    allTypesBefore = Tables.snapshot(db, "all_types");
  }

  /** Five writes in a chain; the one at {@code position} is replaced by a node that fails the given way. */
  private static Workflow fiveNodes(int position, Failure failure) {
    WorkflowBuilder b = new WorkflowBuilder(REGISTRY)
        .addNode("EmitNode", "source", Map.of("values", Map.of("not_a_uuid", "xyz")));
    for (int i = 0; i < 5; i++) {
      String id = "n" + i;
      if (i != position) {
        if (i % 2 == 0) {
          b.addNode("TeamCreateNode", id, Map.of("name", "team" + i));
        } else {
          b.addNode("AllTypesBulkCreateNode", id, Map.of("records", List.of(
              Map.of("text", "r" + i, "score", 1.0), Map.of("text", "s" + i, "score", 2.0))));
        }
      } else {
        switch (failure) {
          case USER_EXCEPTION -> b.addNode("FailNode", id, Map.of());
          case UNIQUE_VIOLATION -> b.addNode("AllTypesCreateNode", id, Map.of("text", "x", "score", 1.0, "code", "dup"));
          case CONVERSION -> b.addNode("AllTypesCreateNode", id, Map.of("text", "x", "score", 1.0))
              .addConnection("source", "not_a_uuid", id, "reference");
          case TIMEOUT -> b.addNode("SleepNode", id, Map.of("seconds", 5));
        }
      }
    }
    return b.build();
  }

  static List<Arguments> everyPositionAndFailure() {
    List<Arguments> cases = new java.util.ArrayList<>();
    for (Failure f : Failure.values()) {
      for (int p = 0; p < 5; p++) {
        cases.add(Arguments.of(p, f));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{1} at node {0}")
  @MethodSource("everyPositionAndFailure")
  void workflowModeRollsBackEverything(int position, Failure failure) {
    ExecutionOptions options = ExecutionOptions.builder()
        .transactionMode(TransactionMode.WORKFLOW)
        .statementTimeout(Duration.ofMillis(300))
        .build();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(fiveNodes(position, failure), options));
    assertEquals("n" + position, e.nodeId());
    assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    assertTrue(e.completedOutputs().isEmpty(), "nothing of the run remains, so nothing is reported as done");
    assertEquals(teamsBefore, Tables.snapshot(db, "teams"));
    assertEquals(allTypesBefore, Tables.snapshot(db, "all_types"));
    switch (failure) {
      case USER_EXCEPTION -> assertInstanceOf(IllegalStateException.class, e.getCause());
      case UNIQUE_VIOLATION -> assertEquals("23505", assertInstanceOf(DatabaseException.class, e.getCause()).sqlState());
      case CONVERSION -> assertEquals("reference", assertInstanceOf(InvalidParameterException.class, e.getCause())
          .parameter());
      case TIMEOUT -> assertEquals("57014", assertInstanceOf(DatabaseException.class, e.getCause()).sqlState());
    }
  }

  @ParameterizedTest(name = "failure at node {0}")
  @MethodSource("positions")
  void perNodeModeKeepsWhatFinishedBeforeTheFailure(int position) {
    ExecutionOptions options = ExecutionOptions.builder().parallelism(1).build();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(fiveNodes(position, Failure.USER_EXCEPTION), options));
    long teamsWritten = java.util.stream.IntStream.range(0, position).filter(i -> i % 2 == 0).count();
    long rowsWritten = 2 * java.util.stream.IntStream.range(0, position).filter(i -> i % 2 == 1).count();
    assertEquals(teamsWritten, Tables.count(db, "teams"));
    assertEquals(1 + rowsWritten, Tables.count(db, "all_types"));
    assertEquals(position + 1, e.completedOutputs().size(), "source plus the nodes before the failure");
  }

  static List<Integer> positions() {
    return List.of(0, 1, 2, 3, 4);
  }

  @Test
  void workflowModeCommitsWhenEveryNodeSucceeds() {
    Workflow w = new WorkflowBuilder(REGISTRY)
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addNode("MemberCountNode", "count", Map.of())
        .addConnection("team", "id", "member", "team_id")
        .addConnection("member", "team_id", "count", "filters.team_id")
        .build();
    var result = runtime.execute(w, ExecutionOptions.builder()
        .transactionMode(TransactionMode.WORKFLOW).isolation(IsolationLevel.SERIALIZABLE).build());
    assertEquals(1L, result.get("count").get("count"), "later nodes see earlier writes of the same transaction");
    assertEquals(1L, Tables.count(db, "members"));
  }

  @Test
  void perNodeStatementTimeoutCancelsTheStatement() {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder(REGISTRY).addNode("SleepNode", "sleep", Map.of("seconds", 5)).build(),
        ExecutionOptions.builder().statementTimeout(Duration.ofMillis(100)).build()));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("57014", cause.sqlState());
    assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
  }
}
