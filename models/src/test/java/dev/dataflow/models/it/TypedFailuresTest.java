package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.NodeEvent;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowListener;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Whatever goes wrong reaches the caller typed: an {@code Error} from a node is a {@link WorkflowExecutionException}
 * naming the node (a {@link VirtualMachineError} alone goes on as it is, after the rollback), a pool that stays
 * exhausted for {@code connectionTimeout} is a {@link DatabaseException} that says so, and every WORKFLOW-mode
 * message says the run was rolled back.
 */
class TypedFailuresTest {
  private static final List<ParamSpec> AFTER = List.of(
      ParamSpec.of("after", ParamType.ANY, false, "ignored; orders the node by a connection"));
  private static final Node ASSERTING = thrower("AssertingNode", () -> new AssertionError("expected 3 but was 4"));
  private static final Node OVERFLOWING = thrower("OverflowingNode", StackOverflowError::new);
  /** Inserts a team in its own transaction, then overflows before the transaction can commit. */
  private static final Node OVERFLOWING_WRITER = new Node() {
    @Override
    public String type() {
      return "OverflowingWriterNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return AFTER;
    }

    @Override
    public Map<String, Object> execute(dev.dataflow.runtime.node.NodeContext context, Map<String, Object> params)
        throws Exception {
      return context.transaction(connection -> {
        try (Statement s = connection.createStatement()) {
          s.execute("INSERT INTO teams (name) VALUES ('inside')");
        }
        throw new StackOverflowError();
      });
    }
  };
  private static final NodeRegistry REGISTRY = TestNodes.registry(ASSERTING, OVERFLOWING, OVERFLOWING_WRITER);

  /** A pool of one connection that waits half a second for it. */
  private DataFlow db;
  private LocalRuntime runtime;

  @BeforeEach
  void start() {
    db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).registry(REGISTRY).maximumPoolSize(1)
        .connectionTimeout(Duration.ofMillis(500)).createMissingTables(true).build();
    runtime = new LocalRuntime(db);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private static Node thrower(String type, Supplier<Error> error) {
    return new Node() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public List<ParamSpec> parameters() {
        return AFTER;
      }

      @Override
      public Map<String, Object> execute(dev.dataflow.runtime.node.NodeContext context, Map<String, Object> params) {
        throw error.get();
      }
    };
  }

  /** A team is created, then the node of {@code type} runs. */
  private static Workflow teamThen(String type) {
    return new WorkflowBuilder(REGISTRY)
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode(type, "then", Map.of())
        .addConnection("team", "id", "then", "after")
        .build();
  }

  private static ExecutionOptions in(TransactionMode mode) {
    return ExecutionOptions.builder().transactionMode(mode).build();
  }

  @ParameterizedTest
  @EnumSource(TransactionMode.class)
  void anAssertionErrorFromANodeIsAWorkflowExecutionExceptionNamingIt(TransactionMode mode) {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(teamThen("AssertingNode"), in(mode)));
    assertEquals("then", e.nodeId());
    assertEquals("AssertingNode", e.nodeType());
    assertInstanceOf(AssertionError.class, e.getCause());
    assertTrue(e.getMessage().contains("expected 3 but was 4"), e.getMessage());
    if (mode == TransactionMode.WORKFLOW) {
      assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
      assertEquals(Map.of(), e.completedOutputs());
      assertEquals(0L, Tables.count(db, "teams"));
    } else {
      assertEquals(List.of("team"), List.copyOf(e.completedOutputs().keySet()));
      assertEquals(1L, Tables.count(db, "teams"));
    }
  }

  @Test
  void aVirtualMachineErrorRollsTheRunBackAndGoesOnAsItIs() {
    assertThrows(StackOverflowError.class,
        () -> runtime.execute(teamThen("OverflowingNode"), in(TransactionMode.WORKFLOW)));
    assertEquals(0L, Tables.count(db, "teams"), "the run's transaction was rolled back");
    // The pool's only connection came back: the next run gets it.
    runtime.execute(new WorkflowBuilder(REGISTRY).addNode("TeamCreateNode", "team", Map.of("name", "u")).build(),
        in(TransactionMode.WORKFLOW));
    assertEquals(1L, Tables.count(db, "teams"));
  }

  @Test
  void aVirtualMachineErrorInANodesTransactionRollsItBackAndLeavesTheNodesBeforeIt() {
    assertThrows(StackOverflowError.class,
        () -> runtime.execute(teamThen("OverflowingWriterNode"), in(TransactionMode.PER_NODE)));
    assertEquals(List.of("t"), Tables.snapshot(db, "teams").stream()
        .map(row -> row.replaceAll(".*\"name\": \"([^\"]*)\".*", "$1")).toList(),
        "the team before stays; the node's own insert was rolled back");
    // The node's connection went back to the pool of one: the next run gets it.
    runtime.execute(new WorkflowBuilder(REGISTRY).addNode("TeamCreateNode", "team", Map.of("name", "u")).build());
    assertEquals(2L, Tables.count(db, "teams"));
  }

  @ParameterizedTest
  @EnumSource(TransactionMode.class)
  void aPoolExhaustedForConnectionTimeoutIsTypedAndThePoolRecovers(TransactionMode mode) throws Exception {
    Workflow create = new WorkflowBuilder(REGISTRY).addNode("TeamCreateNode", "team", Map.of("name", "t")).build();
    WorkflowExecutionException e;
    try (Connection held = db.dataSource().getConnection()) {
      assertTrue(held.isValid(1), "the pool's only connection is held here");
      e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(create, in(mode)));
    }
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.poolExhausted());
    assertFalse(cause.connectionLost(), "the database was never asked, so no connection was lost");
    assertFalse(cause.outcomeUnknown());
    assertNull(cause.sqlState());
    assertFalse(e.outcomeUnknown());
    assertTrue(e.getMessage().contains("no database connection became free within 500 ms: all 1 connection of"
        + " DataFlow's pool were in use (the pool is exhausted)"), e.getMessage());
    assertTrue(e.getMessage().contains("DataFlow.builder().connectionTimeout(Duration) (now 500 ms)")
        && e.getMessage().contains(".maximumPoolSize(int) (now 1;"), e.getMessage());
    if (mode == TransactionMode.WORKFLOW) {
      assertTrue(e.getMessage().contains("rolled back"), e.getMessage());
    }
    assertEquals(0L, Tables.count(db, "teams"));

    assertEquals("t", runtime.execute(create, in(mode)).get("team").get("name"), "the pool serves the next run");
    assertEquals(1L, Tables.count(db, "teams"));
  }

  @Test
  void aMissingOutputPathInWorkflowModeSaysTheRunWasRolledBack() {
    Workflow w = new WorkflowBuilder(REGISTRY)
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamListNode", "others", Map.of("filters", Map.of("name", "nobody")))
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addDependency("team", "others")
        .addConnection("others", "records.0.id", "member", "team_id")   // records is there, but empty
        .build();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(w, in(TransactionMode.WORKFLOW)));
    assertEquals("member", e.nodeId());
    assertTrue(e.getMessage().contains("others.records.0.id -> member.team_id")
        && e.getMessage().contains("the workflow's transaction was rolled back: nothing this run wrote remains"),
        e.getMessage());
    assertEquals(Map.of(), e.completedOutputs());
    assertEquals(0L, Tables.count(db, "teams"));
  }

  @Test
  void aListenerThatThrowsAnErrorNeitherFailsTheRunNorEscapes() {
    WorkflowListener broken = new WorkflowListener() {
      @Override
      public void nodeFinished(NodeEvent event) {
        throw new AssertionError("a listener's own bug");
      }
    };
    runtime.execute(new WorkflowBuilder(REGISTRY).addNode("TeamCreateNode", "team", Map.of("name", "t")).build(),
        ExecutionOptions.builder().listener(broken).build());
    assertEquals(1L, Tables.count(db, "teams"));
  }

  @Test
  void aConnectionTimeoutBelowHikarisFloorIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DataFlow.builder().connectionTimeout(Duration.ofMillis(100)));
    assertTrue(e.getMessage().contains("at least 250 ms"), e.getMessage());
  }
}
