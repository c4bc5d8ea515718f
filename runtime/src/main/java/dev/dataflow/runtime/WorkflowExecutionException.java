package dev.dataflow.runtime;

import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.workflow.NodeRun;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node failed while a workflow ran. Names the run, the node, its type and (when known) the parameter; the cause
 * is the node's own error, whatever it threw ({@code Error}s included; only a {@link VirtualMachineError} propagates
 * as is, after a WORKFLOW run's transaction is rolled back). The message never contains parameter values.
 *
 * <p>What was written: {@link #completedOutputs()} lists every node whose work committed, and, unless
 * {@link #outcomeUnknown()}, nothing else of the run was written. In {@link TransactionMode#WORKFLOW} mode it is
 * empty and the message says the run was rolled back.
 *
 * <pre>{@code
 * try {
 *   runtime.execute(workflow);
 * } catch (WorkflowExecutionException e) {
 *   if (e.outcomeUnknown()) {
 *     // node e.nodeId() may or may not have written: look before retrying (the message says how)
 *   }
 *   Set<String> written = e.completedOutputs().keySet();
 * }
 * }</pre>
 *
 * <p>{@link #toMermaid()} is the run's picture: which nodes ran, were skipped, failed or never started, with their
 * durations ({@link #nodeRuns()}).
 *
 * <p>When several nodes of a parallel run fail, this exception names one (the one whose outcome is unknown, if any,
 * else the first in execution order) and carries the others as {@linkplain #getSuppressed() suppressed}
 * exceptions.
 */
public class WorkflowExecutionException extends DataFlowException {
  private final String runId;
  private final String nodeId;
  private final String nodeType;
  private final String parameter;
  private final Map<String, Map<String, Object>> completedOutputs;
  private final boolean outcomeUnknown;
  /** Set by the run that throws this; not serialized (a workflow holds node instances). */
  private transient Workflow workflow;
  private transient List<NodeRun> nodeRuns = List.of();

  public WorkflowExecutionException(String runId, String nodeId, String nodeType, String parameter, String reason,
      Throwable cause, Map<String, Map<String, Object>> completedOutputs) {
    super(message(runId, nodeId, nodeType, parameter, reason, inDoubt(cause)), cause);
    this.runId = runId;
    this.nodeId = nodeId;
    this.nodeType = nodeType;
    this.parameter = parameter;
    this.completedOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(completedOutputs));
    this.outcomeUnknown = inDoubt(cause);
  }

  private static String message(String runId, String nodeId, String nodeType, String parameter, String reason,
      boolean outcomeUnknown) {
    String node = "node '" + nodeId + "' (" + nodeType + ")";
    String at = parameter == null ? "" : ", parameter '" + parameter + "'";
    return outcomeUnknown
        ? "Workflow run " + runId + " does not know whether " + node + " wrote" + at + ": " + reason
        : "Workflow run " + runId + " failed at " + node + at + ": " + reason;
  }

  private static boolean inDoubt(Throwable cause) {
    return cause instanceof DatabaseException d && d.outcomeUnknown();
  }

  public String runId() {
    return runId;
  }

  public String nodeId() {
    return nodeId;
  }

  public String nodeType() {
    return nodeType;
  }

  /** The parameter at fault, or null when the failure is not about one parameter. */
  public String parameter() {
    return parameter;
  }

  /**
   * The outputs of the nodes whose work committed, in execution order: the writes of this run that stay in the
   * database. In a parallel run this includes the nodes that were still running when another failed and finished
   * afterwards; the run waits for them before throwing. Empty in {@link TransactionMode#WORKFLOW} mode, where the
   * run's transaction was rolled back (or, when {@link #outcomeUnknown()}, may or may not have committed).
   */
  public Map<String, Map<String, Object>> completedOutputs() {
    return completedOutputs;
  }

  /** Records the run this exception ends, for {@link #toMermaid()}. */
  void attachRun(Workflow workflow, List<NodeRun> nodeRuns) {
    this.workflow = workflow;
    this.nodeRuns = List.copyOf(nodeRuns);
  }

  /**
   * What became of every node of the failed run, in execution order: ran, skipped, failed or not run, with durations.
   * Empty when this exception was not thrown by {@link LocalRuntime}.
   */
  public List<NodeRun> nodeRuns() {
    return nodeRuns == null ? List.of() : nodeRuns;
  }

  /**
   * The failed run as a Mermaid flowchart, like {@link WorkflowResult#toMermaid()}: the failed node(s) styled
   * {@code failed}, the nodes that never started {@code notRun}. Never a parameter value.
   *
   * @throws IllegalStateException when this exception was not thrown by {@link LocalRuntime} (no run to draw)
   */
  public String toMermaid() {
    if (workflow == null) {
      throw new IllegalStateException("This exception was not thrown by a workflow run; there is no run to draw.");
    }
    return workflow.toMermaid(nodeRuns);
  }

  /**
   * Whether it is unknown if {@link #nodeId()}'s write (or the WORKFLOW run's transaction) was committed: the
   * connection to the database was lost after it was sent and before PostgreSQL answered, and the database could not
   * be asked afterwards. The cause is a {@link DatabaseException} whose {@code outcomeUnknown()} is true, and the
   * message says how to check (the transaction's status query, or looking the rows up by a unique value). Retrying
   * without checking may write twice. False means the report is exact: {@link #completedOutputs()} is what stays.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }
}
