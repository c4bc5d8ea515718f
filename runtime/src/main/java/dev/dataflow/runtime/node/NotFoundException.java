package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;

/** A Read, Update or Delete by key, or a bulk update record, found no row. */
public class NotFoundException extends DataFlowException {
  private final String table;

  public NotFoundException(String table, String message) {
    super(message);
    this.table = table;
  }

  /** The table searched. */
  public String table() {
    return table;
  }
}
