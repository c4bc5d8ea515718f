package dev.dataflow.processor.schema;

import java.util.List;

/** A table-level {@code UNIQUE} constraint ({@code @Unique} on a field). */
public record UniqueConstraintSchema(String name, List<String> columns) {

  public UniqueConstraintSchema {
    columns = List.copyOf(columns);
  }
}
