package dev.dataflow.examples.service;

/**
 * A request the service refuses with {@code status} and {@code {"error": message, "field": field}}; for 400 the
 * handler's {@link BadRequestException} says the same. The message never holds a value that may be personal data.
 */
final class ApiError extends RuntimeException {
  private final int status;
  private final String field;

  ApiError(int status, String field, String message) {
    super(message, null, false, false);
    this.status = status;
    this.field = field;
  }

  int status() {
    return status;
  }

  /** The request field or parameter that is wrong, or null when it is not one. */
  String field() {
    return field;
  }
}
