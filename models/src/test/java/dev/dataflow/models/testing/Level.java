package dev.dataflow.models.testing;

/** An enum column's values. */
public enum Level {
  LOW,
  MEDIUM,
  HIGH
}
