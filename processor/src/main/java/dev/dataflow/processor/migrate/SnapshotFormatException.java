package dev.dataflow.processor.migrate;

/** The committed snapshot cannot be read; the message completes "the snapshot ...". */
public final class SnapshotFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SnapshotFormatException(String message) {
    super(message);
  }
}
