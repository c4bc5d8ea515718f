package dev.dataflow.runtime;

import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.ModelOutput;
import dev.dataflow.runtime.workflow.NodeRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
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
    this.outputs = Collections.unmodifiableMap(outputs); // a map the run made for this result alone
    this.skipped = List.copyOf(skipped);
    this.duration = duration;
    this.workflow = workflow;
    this.nodeRuns = List.copyOf(nodeRuns);
  }

  /** The result of a one-node run whose node ran; the run took as long as the node. */
  static WorkflowResult ofOneNode(String runId, String nodeId, Map<String, Object> output, Workflow workflow,
      NodeRun run) {
    return new WorkflowResult(runId, Map.of(nodeId, output), run.duration(), workflow, run);
  }

  private WorkflowResult(String runId, Map<String, Map<String, Object>> outputs, Duration duration,
      Workflow workflow, NodeRun run) {
    this.runId = runId;
    this.outputs = outputs;
    this.skipped = List.of();
    this.duration = duration;
    this.workflow = workflow;
    this.nodeRuns = List.of(run);
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

  /**
   * The output of a Create, Read or Update node (by id, or an upsert) as an instance of its model, built by the
   * model's generated {@code RowMapper} (no reflection); columns the model has no field for ({@code created_at},
   * {@code updated_at}) and status keys ({@code found}, {@code inserted}) are left out.
   *
   * <pre>{@code
   * ConversationSession session = result.get("session", ConversationSession.class);
   * }</pre>
   *
   * @return the model, or null when the output holds no row: a Read with {@code raise_on_not_found: false} that found
   *     nothing ({@code {found: false}}), an upsert with {@code on_conflict: "ignore"} that skipped, an Update by
   *     filters ({@code {updated: n}})
   * @throws IllegalArgumentException when the workflow has no node with that id, the node's model is not
   *     {@code model}, the node gives no model row (Delete, Count, Exists, the bulk nodes, user nodes), or it is a
   *     List node (use {@link #records})
   * @throws IllegalStateException when the node was skipped
   */
  public <T> T get(String nodeId, Class<T> model) {
    Map<String, Object> output = get(nodeId);
    ModelOutput typed = modelOutput(nodeId, model);
    if (typed.shape() != ModelOutput.Shape.ONE_ROW) {
      throw new IllegalArgumentException("Node '" + nodeId + "' (" + typeOf(nodeId) + ") outputs a list of "
          + model.getSimpleName() + " rows; read them with records(\"" + nodeId + "\", " + model.getSimpleName()
          + ".class).");
    }
    Map<String, Object> row = typed.row(output);
    return row == null ? null : model.cast(typed.mapper().fromRow(row));
  }

  /**
   * The rows a List node returned, as instances of its model, in the order listed (see {@link #get(String, Class)}).
   *
   * <pre>{@code
   * List<ConversationMessage> history = result.records("history", ConversationMessage.class);
   * }</pre>
   *
   * @throws IllegalArgumentException when the workflow has no node with that id, the node's model is not
   *     {@code model}, or the node is no List node
   * @throws IllegalStateException when the node was skipped
   */
  public <T> List<T> records(String nodeId, Class<T> model) {
    Map<String, Object> output = get(nodeId);
    ModelOutput typed = modelOutput(nodeId, model);
    if (typed.shape() != ModelOutput.Shape.ROWS) {
      throw new IllegalArgumentException("Node '" + nodeId + "' (" + typeOf(nodeId) + ") outputs one "
          + model.getSimpleName() + " row, not a list; read it with get(\"" + nodeId + "\", "
          + model.getSimpleName() + ".class).");
    }
    List<T> records = new ArrayList<>();
    for (Map<String, Object> row : typed.rows(output)) {
      records.add(model.cast(typed.mapper().fromRow(row)));
    }
    return Collections.unmodifiableList(records);
  }

  /** The model output of a node that ran, checked against the class the caller expects. */
  private ModelOutput modelOutput(String nodeId, Class<?> model) {
    ModelOutput typed = workflow.node(nodeId).node().modelOutput();
    if (typed == null) {
      throw new IllegalArgumentException("Node '" + nodeId + "' (" + typeOf(nodeId) + ") outputs no "
          + model.getSimpleName() + " rows: only Create, Read, Update and List nodes of a model do. Read its output"
          + " with get(\"" + nodeId + "\").");
    }
    if (typed.mapper().type() != model) {
      throw new IllegalArgumentException("Node '" + nodeId + "' (" + typeOf(nodeId) + ") outputs "
          + typed.mapper().type().getName() + " rows, not " + model.getName() + "; ask for "
          + typed.mapper().type().getSimpleName() + ".class.");
    }
    return typed;
  }

  private String typeOf(String nodeId) {
    return workflow.node(nodeId).type();
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
