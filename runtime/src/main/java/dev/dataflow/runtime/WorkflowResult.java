package dev.dataflow.runtime;

import dev.dataflow.runtime.node.Suggestions;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The outputs of one workflow run, by node id, in the order the nodes ran. */
public final class WorkflowResult {
  private final String runId;
  private final Map<String, Map<String, Object>> outputs;
  private final Duration duration;

  WorkflowResult(String runId, Map<String, Map<String, Object>> outputs, Duration duration) {
    this.runId = runId;
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    this.duration = duration;
  }

  /** The run's id, also in log lines and errors of this run. */
  public String runId() {
    return runId;
  }

  /**
   * The output of one node.
   *
   * @throws IllegalArgumentException when the workflow has no node with that id
   */
  public Map<String, Object> get(String nodeId) {
    Map<String, Object> output = outputs.get(nodeId);
    if (output == null) {
      throw new IllegalArgumentException("No node '" + nodeId + "' in this workflow."
          + Suggestions.didYouMean(String.valueOf(nodeId), outputs.keySet()) + " Nodes: " + outputs.keySet());
    }
    return output;
  }

  /** Every node's output, by node id, in execution order. */
  public Map<String, Map<String, Object>> outputs() {
    return outputs;
  }

  /** How long the run took. */
  public Duration duration() {
    return duration;
  }

  @Override
  public String toString() {
    return "WorkflowResult[" + runId + ", nodes=" + outputs.keySet() + "]";
  }
}
