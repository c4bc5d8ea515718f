package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;

/**
 * A node parameter that cannot be used: unknown name, wrong type, a value that does not convert, an unknown filter
 * field or operator. The message names the parameter (as a path such as {@code filters.created_at.$gte}) and what
 * to write instead, never the value.
 */
public class InvalidParameterException extends DataFlowException {
  private final String parameter;

  public InvalidParameterException(String parameter, String message) {
    super(parameter + ": " + message);
    this.parameter = parameter;
  }

  /** The parameter path, for example {@code fields.start_time} or {@code filters.$or.1.user_id}. */
  public String parameter() {
    return parameter;
  }
}
