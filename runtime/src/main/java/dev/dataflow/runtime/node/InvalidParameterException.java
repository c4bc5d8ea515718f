package dev.dataflow.runtime.node;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.sql.InvalidValueException;

/**
 * A node parameter that cannot be used: unknown name, wrong type, a value that does not convert, an unknown filter
 * field or operator. The message names the parameter (as a path such as {@code filters.created_at.$gte}) and what
 * to write instead, never the value.
 */
public class InvalidParameterException extends DataFlowException {
  private final String parameter;
  private final String reason;

  public InvalidParameterException(String parameter, String message) {
    this(parameter, message, null);
  }

  private InvalidParameterException(String parameter, String reason, Throwable cause) {
    super(parameter + ": " + reason, cause);
    this.parameter = parameter;
    this.reason = reason;
  }

  /** The SQL layer's refusal of a value, as the refusal of the parameter it came from. */
  public static InvalidParameterException of(InvalidValueException e) {
    return new InvalidParameterException(e.parameter(), e.reason(), e);
  }

  /** The parameter path, for example {@code fields.start_time} or {@code filters.$or.1.user_id}. */
  public String parameter() {
    return parameter;
  }

  /** What is wrong and the fix, without the parameter path. */
  public String reason() {
    return reason;
  }
}
