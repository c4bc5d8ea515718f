package dev.dataflow.runtime;

/**
 * The base of every error DataFlow raises. Messages name what was wrong (node, parameter, column) and the fix; they
 * never contain a parameter's value, which may be personal data.
 */
public class DataFlowException extends RuntimeException {
  public DataFlowException(String message) {
    super(message);
  }

  public DataFlowException(String message, Throwable cause) {
    super(message, cause);
  }
}
