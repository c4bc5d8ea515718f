package dev.dataflow.runtime.model;

import java.util.Map;

/** What generated {@link RowMapper}s share: reading a column a primitive field needs. */
public final class RowMappers {
  private RowMappers() {}

  /**
   * The value of {@code column} in {@code row}, which a primitive field of {@code model} needs.
   *
   * @throws IllegalArgumentException when the row holds NULL there (or lacks the column): a primitive cannot hold it
   */
  public static Object notNull(Map<String, Object> row, String column, String model, String field) {
    Object value = row.get(column);
    if (value == null) {
      throw new IllegalArgumentException("column '" + column + "' is NULL" + (row.containsKey(column) ? "" : " (absent)")
          + ", which the primitive field " + model + "." + field + " cannot hold; declare the field with its boxed"
          + " type (Integer, Long, ...) to read NULLs");
    }
    return value;
  }
}
