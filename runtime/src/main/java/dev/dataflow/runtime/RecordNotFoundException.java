package dev.dataflow.runtime;

import dev.dataflow.runtime.node.NotFoundException;
import java.util.Map;

/** A node failed because the row it was asked to read, update or delete by key does not exist. */
public class RecordNotFoundException extends WorkflowExecutionException {
  public RecordNotFoundException(String runId, String nodeId, String nodeType, String parameter, String reason,
      NotFoundException cause, Map<String, Map<String, Object>> completedOutputs) {
    super(runId, nodeId, nodeType, parameter, reason, cause, completedOutputs);
  }

  /** The table searched. */
  public String table() {
    return ((NotFoundException) getCause()).table();
  }
}
