package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;

/**
 * A write lost a race: the row's {@code @Version} is no longer the one the caller read. Nothing was written; read the
 * row again and retry with its current version.
 */
public class ConflictException extends DataFlowException {
  private final String table;
  private final String parameter;

  public ConflictException(String table, String message) {
    this(table, null, message);
  }

  /**
   * @param parameter the parameter holding the stale version ({@code version}, {@code records.3.version}), or null
   * @param message what happened, without values that may be personal data (versions are not)
   */
  public ConflictException(String table, String parameter, String message) {
    super(message);
    this.table = table;
    this.parameter = parameter;
  }

  /** The parameter holding the stale version, or null. */
  public String parameter() {
    return parameter;
  }

  /** The table written. */
  public String table() {
    return table;
  }
}
