package dev.dataflow.runtime;

import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.workflow.NodeRun;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one workflow run, by node id, in the order the nodes ran, with what became of each node
 * ({@link #nodeRuns()}) and the run's picture ({@link #toMermaid()}).
 */
public final class WorkflowResult {
  private final String runId;
  private final Map<String, Map<String, Object>> outputs;
  private final List<String> skipped;
  private final Duration duration;
  private final Workflow workflow;
  private final List<NodeRun> nodeRuns;

  WorkflowResult(String runId, Map<String, Map<String, Object>> outputs, List<String> skipped, Duration duration,
      Workflow workflow, List<NodeRun> nodeRuns) {
    this.runId = runId;
    this.outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    this.skipped = List.copyOf(skipped);
    this.duration = duration;
    this.workflow = workflow;
    this.nodeRuns = List.copyOf(nodeRuns);
  }

  /** The run's id, also in log lines and errors of this run. */
  public String runId() {
    return runId;
  }

  /**
   * The output of one node.
   *
   * @throws IllegalArgumentException when the workflow has no node with that id
   * @throws IllegalStateException when the node was skipped (see {@link #skipped()})
   */
  public Map<String, Object> get(String nodeId) {
    Map<String, Object> output = outputs.get(nodeId);
    if (output == null && skipped.contains(nodeId)) {
      throw new IllegalStateException("Node '" + nodeId + "' was skipped: it is on a branch that was not taken. "
          + "Check wasSkipped(\"" + nodeId + "\") first.");
    }
    if (output == null) {
      throw new IllegalArgumentException("No node '" + nodeId + "' in this workflow."
          + Suggestions.didYouMean(String.valueOf(nodeId), outputs.keySet()) + " Nodes: " + outputs.keySet());
    }
    return output;
  }

  /** The nodes that did not run because they are on a branch a routing node did not take, in execution order. */
  public List<String> skipped() {
    return skipped;
  }

  /** Whether the node was skipped. */
  public boolean wasSkipped(String nodeId) {
    return skipped.contains(nodeId);
  }

  /** Every output of a node that ran, by node id, in execution order (skipped nodes have none). */
  public Map<String, Map<String, Object>> outputs() {
    return outputs;
  }

  /** How long the run took. */
  public Duration duration() {
    return duration;
  }

  /** What became of every node (ran or skipped, and how long it ran), in execution order. */
  public List<NodeRun> nodeRuns() {
    return nodeRuns;
  }

  /**
   * The run as a Mermaid flowchart: {@link Workflow#toMermaid()}, with each node styled as ran or skipped and its
   * duration in milliseconds. Never a parameter or output value. A failed run throws instead; its picture is
   * {@link WorkflowExecutionException#toMermaid()}.
   *
   * <pre>{@code
   * WorkflowResult result = runtime.execute(workflow);
   * log.debug("run {}:\n{}", result.runId(), result.toMermaid());
   * }</pre>
   */
  public String toMermaid() {
    return workflow.toMermaid(nodeRuns);
  }

  @Override
  public String toString() {
    return "WorkflowResult[" + runId + ", nodes=" + outputs.keySet() + ", skipped=" + skipped + "]";
  }
}
