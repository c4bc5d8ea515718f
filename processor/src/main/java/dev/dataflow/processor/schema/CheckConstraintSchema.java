package dev.dataflow.processor.schema;

import java.util.List;

/** A {@code CHECK (column IN (...))} constraint limiting an enum column to its constant names. */
public record CheckConstraintSchema(String name, String column, List<String> allowedValues) {

  public CheckConstraintSchema {
    allowedValues = List.copyOf(allowedValues);
  }
}
