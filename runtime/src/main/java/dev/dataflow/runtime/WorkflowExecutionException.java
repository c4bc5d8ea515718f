package dev.dataflow.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A node failed while a workflow ran. Names the run, the node, its type and (when known) the parameter; the cause
 * is the node's own error, whatever it threw ({@code Error}s included; only a {@link VirtualMachineError} propagates
 * as is, after a WORKFLOW run's transaction is rolled back). The message never contains parameter values.
 *
 * <p>What was written: {@link #completedOutputs()} lists every node whose work committed. In
 * {@link TransactionMode#WORKFLOW} mode it is empty and the message says the run was rolled back.
 *
 * <p>When several nodes of a parallel run fail, this exception names the first in execution order and carries the
 * others as {@linkplain #getSuppressed() suppressed} exceptions.
 */
public class WorkflowExecutionException extends DataFlowException {
  private final String runId;
  private final String nodeId;
  private final String nodeType;
  private final String parameter;
  private final Map<String, Map<String, Object>> completedOutputs;

  public WorkflowExecutionException(String runId, String nodeId, String nodeType, String parameter, String reason,
      Throwable cause, Map<String, Map<String, Object>> completedOutputs) {
    super("Workflow run " + runId + " failed at node '" + nodeId + "' (" + nodeType + ")"
        + (parameter == null ? "" : ", parameter '" + parameter + "'") + ": " + reason, cause);
    this.runId = runId;
    this.nodeId = nodeId;
    this.nodeType = nodeType;
    this.parameter = parameter;
    this.completedOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(completedOutputs));
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
   * run's transaction was rolled back.
   */
  public Map<String, Map<String, Object>> completedOutputs() {
    return completedOutputs;
  }
}
