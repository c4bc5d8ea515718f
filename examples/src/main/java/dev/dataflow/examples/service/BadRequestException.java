package dev.dataflow.examples.service;

/**
 * A request the service refuses with 400 {@code {"error": message, "field": field}}. The message never holds a value
 * of a field that may be personal data.
 */
public final class BadRequestException extends RuntimeException {
  private final String field;

  public BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field that is wrong (snake_case, as in the request body), or null when it is not one field. */
  public String field() {
    return field;
  }
}
