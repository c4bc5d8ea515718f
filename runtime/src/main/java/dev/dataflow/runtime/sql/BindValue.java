package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import java.util.List;

/**
 * The value of one placeholder of a rendered statement, with the column whose type it has. Every value reaches JDBC
 * through {@link JdbcValues#bind}, keyed by that column, whether the statement was rendered at build time or by
 * jOOQ.
 *
 * <pre>{@code
 * new BindValue(column, 42)                        // "qty" = ?
 * BindValue.array(column, List.of(1, 2, 3))        // "qty" = any(?), one int4[] parameter
 * }</pre>
 *
 * @param column the column the value is for (its Java type decides how it is sent)
 * @param value the value as {@link ValueConverter#toJava} gives it for the column; may be null. For an array, the
 *     list of such values, none null
 * @param array whether the placeholder takes an array of the column's values ({@link JdbcValues#bindArray})
 */
public record BindValue(ColumnDescriptor column, Object value, boolean array) {

  /** One value of the column. */
  public BindValue(ColumnDescriptor column, Object value) {
    this(column, value, false);
  }

  /** An array of the column's values, bound as one parameter; the list is copied. */
  public static BindValue array(ColumnDescriptor column, List<?> values) {
    return new BindValue(column, List.copyOf(values), true);
  }
}
