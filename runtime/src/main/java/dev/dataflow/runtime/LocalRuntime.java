package dev.dataflow.runtime;

import dev.dataflow.runtime.WorkflowValidationException.Problem;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.Suggestions;
import dev.dataflow.runtime.workflow.Edge;
import dev.dataflow.runtime.workflow.NodeInstance;
import dev.dataflow.runtime.workflow.ParamChecker;
import dev.dataflow.runtime.workflow.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs workflows on a {@link DataFlow}'s database, one node at a time in dependency order. Each node commits on its
 * own: a single-row node is one statement, a bulk node one transaction. When a node fails, the nodes before it stay
 * committed and the exception lists their outputs ({@link WorkflowExecutionException#completedOutputs()}).
 *
 * <pre>{@code
 * LocalRuntime runtime = new LocalRuntime(dataFlow);
 * WorkflowResult result = runtime.execute(workflow);
 * Map<String, Object> session = result.get("create_session");
 * }</pre>
 */
public final class LocalRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(LocalRuntime.class);
  private final DataSource dataSource;

  public LocalRuntime(DataFlow dataFlow) {
    this.dataSource = Objects.requireNonNull(dataFlow, "dataFlow").dataSource();
  }

  /** Runs the workflow. */
  public WorkflowResult execute(Workflow workflow) {
    return execute(workflow, Map.of());
  }

  /**
   * Runs the workflow with some parameters replaced for this run only.
   *
   * @param overrides node id → parameter name → value; checked like the workflow's own parameters
   * @throws WorkflowValidationException when an override names an unknown node or parameter, or has a bad value
   * @throws WorkflowExecutionException when a node fails
   */
  public WorkflowResult execute(Workflow workflow, Map<String, Map<String, Object>> overrides) {
    Map<String, Map<String, Object>> params = applyOverrides(workflow, overrides == null ? Map.of() : overrides);
    String runId = UUID.randomUUID().toString();
    long started = System.nanoTime();
    Map<String, Map<String, Object>> outputs = new LinkedHashMap<>();
    LOG.debug("Run {} started: {} nodes", runId, workflow.executionOrder().size());
    for (String nodeId : workflow.executionOrder()) {
      NodeInstance instance = workflow.node(nodeId);
      Map<String, Object> input = Paths.mutableCopy(params.get(nodeId));
      for (Edge edge : workflow.edgesInto(nodeId)) {
        Object value;
        try {
          value = Paths.get(outputs.get(edge.fromNode()), edge.fromOutput());
        } catch (IllegalArgumentException e) {
          throw new WorkflowExecutionException(runId, nodeId, instance.type(), edge.toInput(),
              "connection " + edge + ": the output of node '" + edge.fromNode() + "' " + e.getMessage(), null, outputs);
        }
        try {
          Paths.put(input, edge.toInput(), value);
        } catch (IllegalArgumentException e) {
          throw new WorkflowExecutionException(runId, nodeId, instance.type(), edge.toInput(),
              "connection " + edge + ": the input path " + e.getMessage(), null, outputs);
        }
      }
      long nodeStarted = System.nanoTime();
      Map<String, Object> output;
      try {
        output = instance.node().execute(new PooledNodeContext(runId, nodeId, instance.type(), dataSource),
            Collections.unmodifiableMap(input));
      } catch (InvalidParameterException e) {
        throw new WorkflowExecutionException(runId, nodeId, instance.type(), e.parameter(), e.getMessage(), e,
            outputs);
      } catch (Exception e) {
        throw new WorkflowExecutionException(runId, nodeId, instance.type(), null, reason(e), e, outputs);
      }
      LOG.debug("Run {} node {} ({}) finished in {} µs", runId, nodeId, instance.type(),
          (System.nanoTime() - nodeStarted) / 1000);
      outputs.put(nodeId, output == null ? Map.of() : Collections.unmodifiableMap(output));
    }
    return new WorkflowResult(runId, outputs, Duration.ofNanos(System.nanoTime() - started));
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static Map<String, Map<String, Object>> applyOverrides(Workflow workflow,
      Map<String, Map<String, Object>> overrides) {
    Map<String, Map<String, Object>> params = new LinkedHashMap<>();
    for (NodeInstance n : workflow.nodes().values()) {
      params.put(n.id(), n.params());
    }
    if (overrides.isEmpty()) {
      return params;
    }
    List<Problem> problems = new ArrayList<>();
    for (Map.Entry<String, Map<String, Object>> e : overrides.entrySet()) {
      NodeInstance instance = workflow.node(e.getKey());
      if (instance == null) {
        problems.add(new Problem(e.getKey(), null, null, "override for unknown node."
            + Suggestions.didYouMean(String.valueOf(e.getKey()), workflow.nodeIds())));
        continue;
      }
      Map<String, Object> merged = new LinkedHashMap<>(instance.params());
      if (e.getValue() != null) {
        merged.putAll(e.getValue());
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> frozen = (Map<String, Object>) Paths.freeze(merged);
      Set<String> connected = new LinkedHashSet<>();
      for (Edge edge : workflow.edgesInto(instance.id())) {
        connected.add(Paths.head(edge.toInput()));
      }
      for (ParamProblem p : ParamChecker.check(instance.node(), frozen, connected)) {
        problems.add(new Problem(instance.id(), instance.type(), p.parameter(), p.message()));
      }
      params.put(instance.id(), frozen);
    }
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(problems);
    }
    return params;
  }

  /** Each node borrows a pooled connection for each piece of work and returns it at once. */
  private record PooledNodeContext(String runId, String nodeId, String nodeType, DataSource dataSource)
      implements NodeContext {

    @Override
    public <T> T autoCommit(SqlWork<T> work) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        return work.run(connection);
      }
    }

    @Override
    public <T> T transaction(SqlWork<T> work) throws SQLException {
      try (Connection connection = dataSource.getConnection()) {
        connection.setAutoCommit(false);
        try {
          T result = work.run(connection);
          connection.commit();
          return result;
        } catch (Throwable t) {
          try {
            connection.rollback();
          } catch (SQLException rollbackFailure) {
            t.addSuppressed(rollbackFailure);
          }
          throw t;
        } finally {
          try {
            connection.setAutoCommit(true);
          } catch (SQLException ignored) {
            // a broken connection: the pool discards it
          }
        }
      }
    }
  }
}
