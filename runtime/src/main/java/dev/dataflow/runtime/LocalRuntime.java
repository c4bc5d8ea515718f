package dev.dataflow.runtime;

import dev.dataflow.runtime.WorkflowValidationException.Problem;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.workflow.Edge;
import dev.dataflow.runtime.workflow.FrozenMap;
import dev.dataflow.runtime.workflow.NodeInstance;
import dev.dataflow.runtime.workflow.ParamChecker;
import dev.dataflow.runtime.workflow.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Runs workflows on a {@link DataFlow}'s database, each node after the nodes it takes input from. By default
 * ({@link TransactionMode#PER_NODE}) each node commits on its own, and independent branches may run in parallel
 * ({@link ExecutionOptions.Builder#parallelism(int)}); with
 * {@link TransactionMode#WORKFLOW} the whole run is one transaction. See {@link ExecutionOptions}.
 *
 * <pre>{@code
 * LocalRuntime runtime = new LocalRuntime(dataFlow);
 * WorkflowResult result = runtime.execute(workflow);
 * Map<String, Object> session = result.get("create_session");
 *
 * runtime.execute(workflow, ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW).build());
 * }</pre>
 *
 * <p>A runtime is thread-safe; one instance may run any number of workflows at once.
 */
public final class LocalRuntime {
  private final ConnectionPool pool;
  private final ReadReplicas replicas;
  /** The {@link DataFlow}'s scrubber of {@code @Pii(scrub = true)} text and zone; nodes get them from their context. */
  private final RunSettings settings;
  private final ExecutionOptions defaults;

  /** A runtime with {@link ExecutionOptions#defaults()}. */
  public LocalRuntime(DataFlow dataFlow) {
    this(dataFlow, ExecutionOptions.defaults());
  }

  /** A runtime whose runs use {@code defaults} unless a call gives its own options. */
  public LocalRuntime(DataFlow dataFlow, ExecutionOptions defaults) {
    this.pool = Objects.requireNonNull(dataFlow, "dataFlow").pool();
    this.replicas = dataFlow.replicas();
    this.settings = RunSettings.of(dataFlow);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** Runs the workflow. */
  public WorkflowResult execute(Workflow workflow) {
    return execute(workflow, Map.of(), defaults);
  }

  /** Runs the workflow with these options. */
  public WorkflowResult execute(Workflow workflow, ExecutionOptions options) {
    return execute(workflow, Map.of(), options);
  }

  /**
   * Runs the workflow with some parameters replaced for this run only.
   *
   * @param overrides node id → parameter name → value; checked like the workflow's own parameters
   * @throws WorkflowValidationException when an override names an unknown node or parameter, or has a bad value
   * @throws WorkflowExecutionException when a node fails
   */
  public WorkflowResult execute(Workflow workflow, Map<String, Map<String, Object>> overrides) {
    return execute(workflow, overrides, defaults);
  }

  /**
   * Runs the workflow with overrides and options.
   *
   * @throws WorkflowValidationException when an override is refused; nothing ran
   * @throws WorkflowExecutionException when a node fails ({@link RecordNotFoundException} and
   *     {@link RecordConflictException} for the typed cases)
   */
  public WorkflowResult execute(Workflow workflow, Map<String, Map<String, Object>> overrides,
      ExecutionOptions options) {
    Map<String, Map<String, Object>> params = applyOverrides(workflow, overrides == null ? Map.of() : overrides);
    return new WorkflowRun(workflow, params, Objects.requireNonNull(options, "options"), pool, replicas, settings)
        .run();
  }

  /**
   * Each node's parameters for this run: the workflow's literal ones (checked and frozen at build), with each
   * override's values frozen and put over them ({@link FrozenMap#with}). Only the overridden values are checked
   * again, then the node's rules between all of its parameters.
   */
  private static Map<String, Map<String, Object>> applyOverrides(Workflow workflow,
      Map<String, Map<String, Object>> overrides) {
    if (overrides.isEmpty()) {
      return workflow.literalParams();
    }
    // A one-node workflow's overrides name that node (or are refused): its map is all the run needs.
    boolean single = workflow.nodes().size() == 1;
    Map<String, Map<String, Object>> params = single ? null : new LinkedHashMap<>(workflow.literalParams());
    List<Problem> problems = new ArrayList<>(0);
    for (Map.Entry<String, Map<String, Object>> e : overrides.entrySet()) {
      NodeInstance instance = workflow.node(e.getKey());
      if (instance == null) {
        problems.add(new Problem(e.getKey(), null, null, "override for unknown node."
            + Suggestions.didYouMean(String.valueOf(e.getKey()), workflow.nodeIds())));
        continue;
      }
      Map<String, Object> changes = e.getValue() == null ? Map.of() : e.getValue();
      FrozenMap literal = instance.params() instanceof FrozenMap f ? f : (FrozenMap) Paths.freeze(instance.params());
      FrozenMap merged = literal.with(changes); // the literal values are frozen already: only the changes are copied
      List<Edge> into = workflow.edgesInto(instance.id());
      Set<String> connected = Set.of();
      if (!into.isEmpty()) {
        connected = new LinkedHashSet<>();
        for (Edge edge : into) {
          connected.add(Paths.head(edge.toInput()));
        }
      }
      for (ParamProblem p : ParamChecker.checkOverrides(instance.node(), merged, changes.keySet(), connected)) {
        problems.add(new Problem(instance.id(), instance.type(), p.parameter(), p.message()));
      }
      if (single) {
        params = Map.of(instance.id(), merged);
      } else {
        params.put(instance.id(), merged);
      }
    }
    if (!problems.isEmpty()) {
      throw new WorkflowValidationException(problems);
    }
    return params;
  }
}
