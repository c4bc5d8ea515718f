package dev.dataflow.runtime;

/**
 * Hears what a workflow run does, node by node. Methods are called on the thread that ran the node (several at once
 * when branches run in parallel), so implementations must be thread-safe and quick. An exception thrown by a
 * listener is logged and ignored; it never changes the run.
 *
 * <pre>{@code
 * ExecutionOptions options = ExecutionOptions.builder()
 *     .listener(new WorkflowListener() {
 *       public void nodeFinished(NodeEvent e) { metrics.record(e.nodeType(), e.duration(), e.rowsAffected()); }
 *     })
 *     .build();
 * }</pre>
 */
public interface WorkflowListener {
  default void nodeStarted(NodeEvent event) {}

  default void nodeFinished(NodeEvent event) {}

  /** @param error the node's error; its message holds no values, but any cause a user node attached is its own */
  default void nodeFailed(NodeEvent event, Throwable error) {}

  /** The node did not run: it is on a branch a routing node did not take. */
  default void nodeSkipped(NodeEvent event) {}

  /**
   * A long node's progress, after each batch it wrote: BulkCreate and BulkUpdate report the records done (and all
   * of them, when known). Between {@link #nodeStarted} and {@link #nodeFinished}; a node that fails stops reporting.
   */
  default void nodeProgress(NodeProgress progress) {}
}
