package dev.dataflow.runtime;

import java.time.Duration;

/**
 * How far a long node has come, reported by the node after each batch (BulkCreate and BulkUpdate) to
 * {@link WorkflowListener#nodeProgress}.
 *
 * @param runId the run
 * @param nodeId the node
 * @param nodeType its type
 * @param done the records done so far
 * @param total all the records, or -1 when the node does not know (records given as a Stream or an Iterable)
 * @param elapsed since the node started
 */
public record NodeProgress(String runId, String nodeId, String nodeType, long done, long total, Duration elapsed) {

  /** Whether {@link #total} is known. */
  public boolean totalKnown() {
    return total >= 0;
  }
}
