package dev.dataflow.runtime;

import dev.dataflow.runtime.node.ConflictException;
import java.util.Map;

/**
 * A node's write was refused because the row changed since it was read (a stale {@code @Version}). Nothing of the
 * node was written; read the row again and retry.
 */
public class RecordConflictException extends WorkflowExecutionException {
  public RecordConflictException(String runId, String nodeId, String nodeType, String parameter, String reason,
      ConflictException cause, Map<String, Map<String, Object>> completedOutputs) {
    super(runId, nodeId, nodeType, parameter, reason, cause, completedOutputs);
  }

  /** The table written. */
  public String table() {
    return ((ConflictException) getCause()).table();
  }
}
