package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;

/**
 * A write lost a race: the row's {@code @Version} is no longer the one the caller read. Nothing was written; read the
 * row again and retry with its current version.
 */
public class ConflictException extends DataFlowException {
  private final String table;

  public ConflictException(String table, String message) {
    super(message);
    this.table = table;
  }

  /** The table written. */
  public String table() {
    return table;
  }
}
