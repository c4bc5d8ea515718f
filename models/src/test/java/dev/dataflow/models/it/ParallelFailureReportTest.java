package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeEvent;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowListener;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In a parallel run, whatever the order in which a failure and its siblings' commits happen, the exception lists
 * exactly the nodes whose rows exist. The interleavings are not left to chance: each node waits for an event the
 * run's listener heard ("failed c", "finished a") before it writes or fails.
 */
class ParallelFailureReportTest extends DatabaseTest {
  /** Events the listener heard, each a latch a node may wait for. */
  private static final Map<String, CountDownLatch> HEARD = new ConcurrentHashMap<>();

  private static final NodeRegistry REGISTRY = TestNodes.registry(new Step());

  /**
   * Waits for {@code wait_for} (events such as "failed c"), then fails when {@code fail}, else writes a team named
   * after itself (in its own transaction when {@code transaction}) and outputs that name.
   */
  static final class Step implements Node {
    @Override
    public String type() {
      return "StepNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("wait_for", ParamType.ANY, false, "events to wait for, e.g. 'failed c'"),
          ParamSpec.of("fail", ParamType.ANY, false, "true: throw instead of writing"),
          ParamSpec.of("transaction", ParamType.ANY, false, "true: write in NodeContext.transaction"),
          ParamSpec.of("after", ParamType.ANY, false, "ignored; orders the node by a connection"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
      Object events = params.getOrDefault("wait_for", List.of());
      for (Object event : events instanceof List<?> list ? list : List.of(events)) {
        if (!latch((String) event).await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the test's choreography broke: never heard '" + event + "'");
        }
      }
      if (Boolean.TRUE.equals(params.get("fail"))) {
        throw new IllegalStateException("injected failure in " + context.nodeId());
      }
      NodeContext.SqlWork<Integer> insert = connection -> {
        boolean autoCommit = connection.getAutoCommit();
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO teams (name) VALUES (?)")) {
          ps.setString(1, context.nodeId());
          return ps.executeUpdate();
        } catch (SQLException e) {
          throw DatabaseErrors.translateWrite(e, "insert into teams", autoCommit);
        }
      };
      context.addRowsAffected(Boolean.TRUE.equals(params.get("transaction"))
          ? context.transaction(insert) : context.autoCommit(insert));
      return Map.of("name", context.nodeId());
    }
  }

  private static CountDownLatch latch(String event) {
    return HEARD.computeIfAbsent(event, e -> new CountDownLatch(1));
  }

  private static final WorkflowListener CHOREOGRAPHER = new WorkflowListener() {
    @Override
    public void nodeStarted(NodeEvent e) {
      latch("started " + e.nodeId()).countDown();
    }

    @Override
    public void nodeFinished(NodeEvent e) {
      latch("finished " + e.nodeId()).countDown();
    }

    @Override
    public void nodeFailed(NodeEvent e, Throwable error) {
      latch("failed " + e.nodeId()).countDown();
    }
  };

  @BeforeEach
  void empty() {
    HEARD.clear();
    Tables.execute(db, "TRUNCATE teams RESTART IDENTITY CASCADE");
  }

  /**
   * A failing node first waits until its siblings have started: a node that has not started when another fails never
   * does, which is the point, but would make the interleaving a race.
   */
  static List<Arguments> interleavings() {
    return List.of(
        Arguments.of("c fails while a and b run; both finish after it",
            Map.of("a", Map.of("wait_for", "failed c"), "b", Map.of("wait_for", "failed c"),
                "c", Map.of("wait_for", List.of("started a", "started b"), "fail", true)),
            "c", List.of("a", "b")),
        Arguments.of("a finishes, then c fails while b runs; b finishes after it",
            Map.of("a", Map.of(), "b", Map.of("wait_for", "failed c"),
                "c", Map.of("wait_for", List.of("finished a", "started b"), "fail", true)),
            "c", List.of("a", "b")),
        Arguments.of("b fails; a and c (its own transaction) finish after it; b's successor d never starts",
            Map.of("a", Map.of("wait_for", "failed b"), "b", Map.of("wait_for", List.of("started a", "started c"),
                "fail", true), "c", Map.of("wait_for", "failed b", "transaction", true)),
            "b", List.of("a", "c")),
        Arguments.of("a fails, b finishes after it, then c fails too",
            Map.of("a", Map.of("wait_for", List.of("started b", "started c"), "fail", true),
                "b", Map.of("wait_for", "failed a", "transaction", true),
                "c", Map.of("wait_for", "finished b", "fail", true)),
            "a", List.of("b")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interleavings")
  void theExceptionListsExactlyTheNodesWhoseRowsExist(String scenario, Map<String, Map<String, Object>> steps,
      String failed, List<String> committed) {
    // d takes input from b, so it would start only once b has finished: after the failure, it must not.
    WorkflowBuilder builder = new WorkflowBuilder(REGISTRY);
    for (String id : List.of("a", "b", "c")) {
      builder.addNode("StepNode", id, steps.get(id));
    }
    Workflow w = builder.addNode("StepNode", "d", Map.of()).addConnection("b", "name", "d", "after").build();

    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(w,
        ExecutionOptions.builder().parallelism(3).listener(CHOREOGRAPHER).build()));

    assertEquals(failed, e.nodeId(), e.getMessage());
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals(committed, List.copyOf(e.completedOutputs().keySet()), "in execution order");
    assertEquals(committed, teamNames(), "the rows that exist");
    long failures = steps.values().stream().filter(s -> Boolean.TRUE.equals(s.get("fail"))).count();
    assertEquals(failures - 1, e.getSuppressed().length, "every other failure travels with the exception");
    Arrays.stream(e.getSuppressed()).forEach(s -> assertEquals(e.completedOutputs(),
        assertInstanceOf(WorkflowExecutionException.class, s).completedOutputs()));
  }

  private static List<String> teamNames() {
    List<String> names = new ArrayList<>();
    for (String row : Tables.snapshot(db, "teams")) {
      names.add(row.replaceAll(".*\"name\": \"([^\"]*)\".*", "$1"));
    }
    names.sort(null);
    return names;
  }
}
