package dev.dataflow.runtime;

import dev.dataflow.runtime.node.ConflictException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NotFoundException;
import dev.dataflow.runtime.node.RoutingNode;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.workflow.Edge;
import dev.dataflow.runtime.workflow.NodeInstance;
import dev.dataflow.runtime.workflow.NodeRun;
import dev.dataflow.runtime.workflow.ParamChecker;
import dev.dataflow.runtime.workflow.Paths;
import dev.dataflow.runtime.workflow.RunConnections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One run of a workflow: decides what runs, skips and fails, in which order, on which connections. Outputs are
 * reported in execution order whatever the threads did, so a parallel run gives the same result as a sequential one.
 *
 * <p>A failure is reported once every node still running has finished: a parallel run starts no node after the first
 * failure, waits for the running ones, and only then throws, so that {@link WorkflowExecutionException#completedOutputs()}
 * lists every node whose work committed.
 */
final class WorkflowRun {
  private static final Logger LOG = LoggerFactory.getLogger("dev.dataflow.runtime.workflow");
  /** Parameter values, only with {@link ExecutionOptions#logParameterValues()}; a logger of its own to switch. */
  private static final Logger VALUES = LoggerFactory.getLogger("dev.dataflow.runtime.values");
  private static final String ROLLED_BACK = " (the workflow's transaction was rolled back: nothing this run wrote"
      + " remains)";

  private final Workflow workflow;
  private final Map<String, Map<String, Object>> params;
  private final ExecutionOptions options;
  private final ConnectionPool pool;
  /** The read replicas read-only nodes may use in PER_NODE runs; null when there are none. */
  private final ReadReplicas replicas;
  private final RunSettings settings;
  private final String runId = newRunId();
  /** Whether nodes may run on several threads at once: only then do the maps below need to be concurrent. */
  private final boolean parallel;
  /**
   * Whether anyone hears of nodes starting, finishing, being skipped and making progress: a listener, or the
   * logger at DEBUG. When nobody does, those events are not even made (failures are always told: WARN).
   */
  private final boolean observed;
  /**
   * Whether this is the commonest run, one node on its own connection with nobody observing it: then
   * {@link #runSingle} runs it without the bookkeeping a graph needs.
   */
  private final boolean single;
  private final Map<String, Map<String, Object>> outputs;
  private final Set<String> skipped;
  /** What became of each node that ran, failed or was skipped; the rest never started. */
  private final Map<String, NodeRun> nodeRuns;
  private final Queue<NodeFailure> failures = new ConcurrentLinkedQueue<>();
  /** Set by the first failure: no node starts after it; the ones running finish. */
  private volatile boolean stopped;

  WorkflowRun(Workflow workflow, Map<String, Map<String, Object>> params, ExecutionOptions options,
      ConnectionPool pool, ReadReplicas replicas, RunSettings settings) {
    this.workflow = workflow;
    this.params = params;
    this.options = options;
    this.pool = pool;
    this.replicas = replicas;
    this.settings = settings;
    this.parallel = options.transactionMode() != TransactionMode.WORKFLOW && options.parallelism() > 1
        && workflow.executionOrder().size() > 1;
    this.observed = !options.listeners().isEmpty() || (options.logging() && LOG.isDebugEnabled());
    this.single = workflow.executionOrder().size() == 1 && options.transactionMode() != TransactionMode.WORKFLOW
        && !observed && !options.logParameterValues();
    this.outputs = parallel ? new ConcurrentHashMap<>() : new HashMap<>();
    this.skipped = parallel ? ConcurrentHashMap.newKeySet() : new HashSet<>();
    this.nodeRuns = parallel ? new ConcurrentHashMap<>() : new HashMap<>();
  }

  /**
   * A random version-4 UUID's text. Run ids name runs in logs and errors and need not be unguessable, so they come
   * from {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}'s SecureRandom, a lock and a system call
   * per run.
   */
  static String newRunId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = (random.nextLong() & ~0xF000L) | 0x4000L; // version 4
    long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48); // IETF variant
    return new UUID(high, low).toString();
  }

  WorkflowResult run() {
    long started = System.nanoTime();
    if (single) {
      return runSingle(started);
    }
    if (options.transactionMode() == TransactionMode.WORKFLOW) {
      runInOneTransaction();
    } else if (!parallel) {
      ConnectionContexts.PerNode contexts = new ConnectionContexts.PerNode(pool, replicas, options, settings);
      for (String nodeId : workflow.executionOrder()) {
        if (!step(nodeId, contexts)) {
          break;
        }
      }
    } else {
      runInParallel();
    }
    if (!failures.isEmpty()) {
      throw report();
    }
    return new WorkflowResult(runId, ordered(), orderedSkipped(), Duration.ofNanos(System.nanoTime() - started),
        workflow, orderedRuns());
  }

  /**
   * Runs the only node as {@link #step} would (it has no connections and nothing to skip), and makes the result
   * without the maps and lists a graph's run fills: one output, one node run.
   */
  private WorkflowResult runSingle(long started) {
    String nodeId = workflow.executionOrder().get(0);
    NodeInstance instance = workflow.node(nodeId);
    Node node = instance.node();
    ConnectionContexts.Context context = new ConnectionContexts.PerNode(pool, replicas, options, settings)
        .forNode(runId, nodeId, instance.type(), node.readOnly());
    Map<String, Object> output;
    try {
      output = node.execute(context, params.get(nodeId));
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Throwable e) {
      failed(instance, e, System.nanoTime() - started);
      throw report();
    }
    Map<String, Object> result = outputOf(node, output);
    long nanos = System.nanoTime() - started;
    return WorkflowResult.ofOneNode(runId, nodeId, result, workflow,
        new NodeRun(nodeId, instance.type(), NodeRun.Status.RAN, Duration.ofNanos(nanos)));
  }

  /**
   * What the run keeps of a node's output. A CRUD node's output is a map it made for this call and keeps no
   * reference to: it is wrapped, not copied. Any other node's is copied, so that a node keeping its map cannot
   * change the run's result afterwards.
   */
  private static Map<String, Object> outputOf(Node node, Map<String, Object> output) {
    return output == null ? Map.of()
        : Collections.unmodifiableMap(node instanceof CrudNode ? output : new LinkedHashMap<>(output));
  }

  private void runInOneTransaction() {
    try (ConnectionContexts.Shared shared = new ConnectionContexts.Shared(pool, options, settings)) {
      try {
        for (String nodeId : workflow.executionOrder()) {
          if (!step(nodeId, shared)) {
            shared.rollback();
            return;
          }
        }
      } catch (VirtualMachineError e) {
        shared.rollback();
        throw e;
      }
      try {
        shared.commit(runId);
      } catch (DatabaseException e) {
        String last = workflow.executionOrder().get(workflow.executionOrder().size() - 1);
        // The commit's message says what the database reported: aborted and rolled back, or unknown and how to check.
        String reason = e.outcomeUnknown()
            ? "the workflow's transaction, with every node's writes, may or may not have committed: " + e.getMessage()
            : "nothing of this run was written: " + e.getMessage();
        if (options.logging()) {
          LOG.warn("run {}: {}", runId, reason);
        }
        failures.add(new NodeFailure(workflow.node(last), null, reason, e));
        // The exception names the last node for the failed commit; the picture shows it failed too.
        nodeRuns.computeIfPresent(last, (id, r) -> new NodeRun(id, r.nodeType(), NodeRun.Status.FAILED,
            r.duration()));
      }
    }
  }

  private void runInParallel() {
    ExecutorService threads = Executors.newFixedThreadPool(
        Math.min(options.parallelism(), workflow.executionOrder().size()), runnable -> {
          Thread t = new Thread(runnable, "dataflow-run-" + runId.substring(0, 8));
          t.setDaemon(true);
          return t;
        });
    ConnectionContexts.PerNode contexts = new ConnectionContexts.PerNode(pool, replicas, options, settings);
    try {
      Map<String, CompletableFuture<Void>> futures = new LinkedHashMap<>();
      for (String nodeId : workflow.executionOrder()) {
        Set<String> sources = workflow.predecessorsOf(nodeId);
        CompletableFuture<?>[] deps = sources.stream().map(futures::get).toArray(CompletableFuture[]::new);
        futures.put(nodeId, CompletableFuture.allOf(deps).thenRunAsync(() -> {
          if (!stopped) {
            step(nodeId, contexts);
          }
        }, threads));
      }
      try {
        // Completes when every node has finished or will never start: a failure waits for the running siblings.
        CompletableFuture.allOf(futures.values().toArray(CompletableFuture[]::new)).join();
      } catch (CompletionException e) {
        // step catches everything a node throws except a VirtualMachineError, which goes on as it is.
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw e;
      }
    } finally {
      threads.shutdownNow();
    }
  }

  /** Runs or skips one node; false when it failed (the failure is recorded). */
  private boolean step(String nodeId, ConnectionContexts contexts) {
    NodeInstance instance = workflow.node(nodeId);
    Node node = instance.node();
    if (shouldSkip(nodeId)) {
      skipped.add(nodeId);
      nodeRuns.put(nodeId, new NodeRun(nodeId, instance.type(), NodeRun.Status.SKIPPED, Duration.ZERO));
      if (observed) {
        notify(l -> l.nodeSkipped(event(instance, 0, 0)));
      }
      return true;
    }
    List<Edge> into = workflow.edgesInto(nodeId);
    Map<String, Object> input;
    if (into.isEmpty()) {
      input = params.get(nodeId); // frozen when the workflow was built or the overrides applied
    } else {
      Map<String, Object> filled = Paths.mutableCopy(params.get(nodeId));
      for (Edge edge : into) {
        String problem = RunConnections.apply(edge, outputs.get(edge.fromNode()), filled);
        if (problem != null) {
          return fail(instance, edge.toInput(), "connection " + edge + ": " + problem, null, 0);
        }
      }
      input = Collections.unmodifiableMap(filled);
    }
    if (options.logParameterValues() && VALUES.isDebugEnabled()) {
      VALUES.debug("run {} node {} ({}) parameters: {}", runId, nodeId, instance.type(),
          node.loggableParameters(input));
    }
    if (observed) {
      notify(l -> l.nodeStarted(event(instance, 0, 0)));
    }
    long started = System.nanoTime();
    Map<String, Object> output;
    ConnectionContexts.Context context = contexts.forNode(runId, nodeId, instance.type(), node.readOnly());
    if (observed) {
      context.onProgress(progress -> notify(l -> l.nodeProgress(progress)));
    }
    try {
      // Literal values were checked when the workflow was built; what arrived through a connection is checked now.
      ParamChecker.checkConnected(node, input, into);
      output = node.execute(context, input);
    } catch (VirtualMachineError e) {
      stopped = true; // out of memory or stack: nothing more should start; the caller rolls back and rethrows
      throw e;
    } catch (Throwable e) {
      return failed(instance, e, System.nanoTime() - started);
    }
    Map<String, Object> result = outputOf(node, output);
    outputs.put(nodeId, result);
    long nanos = System.nanoTime() - started;
    nodeRuns.put(nodeId, new NodeRun(nodeId, instance.type(), NodeRun.Status.RAN, Duration.ofNanos(nanos)));
    if (observed) {
      long rows = context.rowsAffected();
      notify(l -> l.nodeFinished(event(instance, nanos, rows)));
    }
    return true;
  }

  /** Records what a node threw as its failure; false. */
  private boolean failed(NodeInstance instance, Throwable e, long nanos) {
    String parameter = e instanceof InvalidParameterException ip ? ip.parameter()
        : e instanceof ConflictException c ? c.parameter() : null;
    String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return fail(instance, parameter, reason, e, nanos);
  }

  private boolean fail(NodeInstance instance, String parameter, String reason, Throwable cause, long nanos) {
    NodeFailure failure = new NodeFailure(instance, parameter,
        options.transactionMode() == TransactionMode.WORKFLOW ? reason + ROLLED_BACK : reason, cause);
    failures.add(failure);
    nodeRuns.put(instance.id(), new NodeRun(instance.id(), instance.type(), NodeRun.Status.FAILED,
        Duration.ofNanos(nanos)));
    stopped = true;
    Throwable heard = cause != null ? cause : failure.toException(runId, failure.reason(), completed());
    notify(l -> l.nodeFailed(event(instance, nanos, 0), heard));
    return false;
  }

  /**
   * The exception for the run's failures, built once every node has ended so that it lists every node that
   * committed. One failure is named (the one whose outcome is unknown, if any: that is what the caller must act
   * on; else the first in execution order); the others are suppressed exceptions.
   */
  private WorkflowExecutionException report() {
    List<String> order = workflow.executionOrder();
    List<NodeFailure> all = new ArrayList<>(failures);
    all.sort(Comparator.comparingInt(f -> order.indexOf(f.instance().id())));
    NodeFailure named = all.stream().filter(NodeFailure::outcomeUnknown).findFirst().orElse(all.get(0));
    Map<String, Map<String, Object>> done = completed();
    String reason = named.reason();
    if (all.size() > 1) {
      StringBuilder others = new StringBuilder();
      for (NodeFailure f : all) {
        if (f != named) {
          others.append(others.length() == 0 ? "" : ", ").append('\'').append(f.instance().id()).append('\'');
        }
      }
      reason += "; node" + (all.size() > 2 ? "s " : " ") + others + " failed too (see getSuppressed())";
    }
    List<NodeRun> runs = orderedRuns();
    WorkflowExecutionException e = named.toException(runId, reason, done);
    e.attachRun(workflow, runs);
    for (NodeFailure f : all) {
      if (f != named) {
        WorkflowExecutionException other = f.toException(runId, f.reason(), done);
        other.attachRun(workflow, runs);
        e.addSuppressed(other);
      }
    }
    return e;
  }

  /** A node's failure, kept until the run ends; {@code reason} already says what a WORKFLOW run's failure undid. */
  private record NodeFailure(NodeInstance instance, String parameter, String reason, Throwable cause) {
    boolean outcomeUnknown() {
      return cause instanceof DatabaseException d && d.outcomeUnknown();
    }

    WorkflowExecutionException toException(String runId, String reason, Map<String, Map<String, Object>> done) {
      if (cause instanceof NotFoundException nf) {
        return new RecordNotFoundException(runId, instance.id(), instance.type(), parameter, reason, nf, done);
      }
      if (cause instanceof ConflictException c) {
        return new RecordConflictException(runId, instance.id(), instance.type(), parameter, reason, c, done);
      }
      return new WorkflowExecutionException(runId, instance.id(), instance.type(), parameter, reason, cause, done);
    }
  }

  /**
   * A node is skipped when any input comes from a skipped node or from a branch its routing node did not take, or
   * when a node it depends on was skipped.
   */
  private boolean shouldSkip(String nodeId) {
    for (String before : workflow.dependenciesOf(nodeId)) {
      if (skipped.contains(before)) {
        return true;
      }
    }
    for (Edge edge : workflow.edgesInto(nodeId)) {
      if (skipped.contains(edge.fromNode())) {
        return true;
      }
      Node source = workflow.node(edge.fromNode()).node();
      if (source instanceof RoutingNode routing) {
        String branch = Paths.head(edge.fromOutput());
        Map<String, Object> out = outputs.get(edge.fromNode());
        if (out != null && !out.containsKey(branch)
            && routing.branches(params.get(edge.fromNode())).contains(branch)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Outputs of the nodes that finished; in WORKFLOW mode nothing of theirs stays written after a failure. */
  private Map<String, Map<String, Object>> completed() {
    return options.transactionMode() == TransactionMode.WORKFLOW ? Map.of() : ordered();
  }

  private Map<String, Map<String, Object>> ordered() {
    Map<String, Map<String, Object>> ordered = new LinkedHashMap<>();
    for (String id : workflow.executionOrder()) {
      Map<String, Object> out = outputs.get(id);
      if (out != null) {
        ordered.put(id, out);
      }
    }
    return ordered;
  }

  private List<String> orderedSkipped() {
    List<String> list = new ArrayList<>();
    for (String id : workflow.executionOrder()) {
      if (skipped.contains(id)) {
        list.add(id);
      }
    }
    return list;
  }

  /** Every node's fate in execution order; a node with none recorded never started. */
  private List<NodeRun> orderedRuns() {
    List<NodeRun> list = new ArrayList<>();
    for (String id : workflow.executionOrder()) {
      NodeRun run = nodeRuns.get(id);
      list.add(run != null ? run
          : new NodeRun(id, workflow.node(id).type(), NodeRun.Status.NOT_RUN, Duration.ZERO));
    }
    return list;
  }

  private NodeEvent event(NodeInstance instance, long nanos, long rows) {
    return new NodeEvent(runId, instance.id(), instance.type(), Duration.ofNanos(nanos), rows);
  }

  private void notify(java.util.function.Consumer<WorkflowListener> call) {
    if (options.logging()) {
      call.accept(Slf4jWorkflowListener.INSTANCE);
    }
    for (WorkflowListener listener : options.listeners()) {
      try {
        call.accept(listener);
      } catch (VirtualMachineError e) {
        throw e;
      } catch (Throwable e) {
        // A listener observes the run; its failure, even an Error, neither fails the run nor hides the run's own.
        LOG.warn("run {}: listener {} threw {}; ignored", runId, listener.getClass().getName(), e.toString());
      }
    }
  }
}
