package dev.dataflow.runtime.lifecycle;

import dev.dataflow.runtime.DataFlowException;

/**
 * A sweep could not delete all it should have from one or more tables. The other tables were swept all the same;
 * {@link #report()} holds every table's outcome, and the first failure is the cause.
 */
public class RetentionException extends DataFlowException {
  private final RetentionReport report;

  public RetentionException(String message, RetentionReport report, Throwable cause) {
    super(message, cause);
    this.report = report;
  }

  /** The whole sweep: what was deleted, skipped, and where it failed. */
  public RetentionReport report() {
    return report;
  }
}
