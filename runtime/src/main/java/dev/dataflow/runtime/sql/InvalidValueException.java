package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.DataFlowException;

/**
 * A value or name given to the SQL layer that it cannot use: a value that does not convert to its column's type, an
 * unknown filter field or operator, a filter of the wrong shape. The message names where the value sat (a path such
 * as {@code filters.created_at.$gte}) and what to write instead, never the value. The node layer reports it as its
 * own {@code InvalidParameterException}, adding nothing but the node.
 */
public class InvalidValueException extends DataFlowException {
  private final String parameter;
  private final String reason;

  public InvalidValueException(String parameter, String reason) {
    super(parameter + ": " + reason);
    this.parameter = parameter;
    this.reason = reason;
  }

  /** Where the value sat, for example {@code fields.start_time} or {@code filters.$or.1.user_id}. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong and the fix, without the parameter. */
  public String reason() {
    return reason;
  }
}
