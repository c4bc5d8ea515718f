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
 *     the key equals the placeholder after them, returning all columns. On a model with a {@code @Version} column it
 *     also sets {@code "version" = "version" + 1} and matches {@code and "version" = ?}, so the placeholders are
 *     bound in the order: {@code updateColumns}..., the key, the version the caller read; no row comes back when the
 *     key or the version does not match
 * @param updateColumns the columns {@code updateById} sets, in placeholder order (the key, and on a versioned model
 *     the version, come after them)
 * @param deleteById {@code DELETE} where the key equals the one placeholder
 * @param existsById {@code SELECT EXISTS(...)} where the key equals the one placeholder
 * @param insertOmittingDefaults {@code INSERT} as {@code insert}, without the columns that have a default (but with
 *     the {@code @Pii} flag column, which every create sets): the statement of a create that gives none of them, so
 *     that the database fills them; null when not rendered (the runtime then renders such a create with jOOQ)
 * @param insertOmittingDefaultsColumns the columns {@code insertOmittingDefaults} binds, in placeholder order
 */
public record Statements(
    String insert,
    List<String> insertColumns,
    String selectById,
    String updateById,
    List<String> updateColumns,
    String deleteById,
    String existsById,
    String insertOmittingDefaults,
    List<String> insertOmittingDefaultsColumns) {

  public Statements {
    insertColumns = List.copyOf(insertColumns);
    updateColumns = List.copyOf(updateColumns);
    insertOmittingDefaultsColumns = insertOmittingDefaults == null ? null : List.copyOf(insertOmittingDefaultsColumns);
  }

  /** The statements without {@code insertOmittingDefaults}: a create without the defaulted columns is rendered. */
  public Statements(String insert, List<String> insertColumns, String selectById, String updateById,
      List<String> updateColumns, String deleteById, String existsById) {
    this(insert, insertColumns, selectById, updateById, updateColumns, deleteById, existsById, null, null);
  }
}
