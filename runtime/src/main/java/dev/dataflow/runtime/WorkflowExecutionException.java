package dev.dataflow.runtime;

import java.util.Map;

/**
 * A node failed while a workflow ran. Names the run, the node, its type and (when known) the parameter; the cause
 * is the node's own error. The message never contains parameter values.
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
    this.completedOutputs = Map.copyOf(completedOutputs);
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
   * The outputs of the nodes that finished before the failure. Each committed on its own (nodes commit one by one),
   * so these are the writes of this run that stay in the database.
   */
  public Map<String, Map<String, Object>> completedOutputs() {
    return completedOutputs;
  }
}
