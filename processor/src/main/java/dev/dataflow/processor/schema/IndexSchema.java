package dev.dataflow.processor.schema;

import java.util.List;

/**
 * A {@code CREATE INDEX} on a model's table, from {@code @Indexed} or a class-level {@code @Index}.
 *
 * @param name the index name
 * @param columns the indexed columns, in order
 * @param unique whether it is a unique index
 * @param gin whether it is a GIN index (a {@code @Indexed} JSONB column)
 */
public record IndexSchema(String name, List<IndexColumn> columns, boolean unique, boolean gin) {

  public IndexSchema {
    columns = List.copyOf(columns);
  }

  /** One column of an index, ascending unless {@code descending}. */
  public record IndexColumn(String name, boolean descending) {}
}
