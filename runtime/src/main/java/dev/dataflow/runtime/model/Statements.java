package dev.dataflow.runtime.model;

import java.util.List;

/**
 * The fixed-shape SQL of a model, rendered by the processor at build time with jOOQ. Placeholders are JDBC
 * {@code ?}; every SELECT and RETURNING lists the model's columns in {@link ModelDescriptor#columns()} order, so
 * results are read by position.
 *
 * @param insert {@code INSERT} of every column in {@code insertColumns}, {@code created_at}/{@code updated_at} set to
 *     {@code now()}, returning all columns
 * @param insertColumns the columns {@code insert} binds, in placeholder order
 * @param selectById {@code SELECT} of all columns where the key equals the one placeholder
 * @param updateById {@code UPDATE} of every column in {@code updateColumns} and {@code updated_at = now()}, where
 *     the key equals the last placeholder, returning all columns
 * @param updateColumns the columns {@code updateById} sets, in placeholder order (the key comes after them)
 * @param deleteById {@code DELETE} where the key equals the one placeholder
 * @param existsById {@code SELECT EXISTS(...)} where the key equals the one placeholder
 */
public record Statements(
    String insert,
    List<String> insertColumns,
    String selectById,
    String updateById,
    List<String> updateColumns,
    String deleteById,
    String existsById) {

  public Statements {
    insertColumns = List.copyOf(insertColumns);
    updateColumns = List.copyOf(updateColumns);
  }
}
