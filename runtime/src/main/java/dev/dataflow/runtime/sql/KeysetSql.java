package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Renders keyset pages for List's {@code cursor}: the rows after a given row in the page's order, without an offset
 * scan. The node layer checks and decodes the cursor; this class renders what it is given.
 */
public final class KeysetSql {
  static {
    Jooq.quiet();
  }

  private KeysetSql() {}

  /**
   * The sort keys of a page: {@code orderBy} with the key appended (ascending) unless listed, the order
   * {@link SqlRenderer#select} and {@link #selectAfter} sort by. A cursor records these columns' values of its last row.
   */
  public static List<String> pageOrder(ModelDescriptor model, List<String> orderBy) {
    List<String> order = new ArrayList<>(orderBy);
    ColumnDescriptor key = model.keyColumn();
    if (key != null && !orderBy.contains(key.name()) && !orderBy.contains("-" + key.name())) {
      order.add(key.name());
    }
    return List.copyOf(order);
  }

  /**
   * The next {@code limit} rows matching {@code condition} after a row whose sort keys ({@link #pageOrder}) were
   * {@code after}: a keyset page, which reads no skipped rows, unlike an offset.
   *
   * <p>When every sort key has one direction and is NOT NULL, the condition is a row comparison the index on those
   * columns serves: {@code ("start_time", "id") > (?, ?)}. Otherwise it is the expanded form, one term per sort key:
   * {@code a > ? or (a = ? and b < ?) or ...}. NULLs sort as PostgreSQL sorts them by default, above every value
   * ({@code nulls last} ascending, {@code nulls first} descending), and each term says so: after a value {@code v}
   * ascending come {@code a > v} and the NULLs; after a NULL ascending nothing of that column; after {@code v}
   * descending {@code a < v}; after a NULL descending every non-NULL value.
   *
   * @param after one value per sort key, in {@link #pageOrder} order, as {@link ValueConverter#toJava} gives them
   * @throws IllegalArgumentException for an unknown column, a value count that does not match, a NULL for a NOT NULL
   *     column, or a negative limit
   */
  public static RenderedSql selectAfter(ModelDescriptor model, Condition condition, List<String> orderBy,
      List<Object> after, int limit) {
    List<String> order = pageOrder(model, orderBy);
    if (after.size() != order.size() || limit < 0) {
      throw new IllegalArgumentException("a keyset page needs one value per sort key " + order + " and a limit of 0"
          + " or more");
    }
    List<ColumnDescriptor> columns = new ArrayList<>(order.size());
    List<Boolean> descending = new ArrayList<>(order.size());
    boolean rowComparison = true;
    for (int i = 0; i < order.size(); i++) {
      boolean desc = order.get(i).startsWith("-");
      ColumnDescriptor column = SqlRenderer.knownColumn(model, desc ? order.get(i).substring(1) : order.get(i));
      if (after.get(i) == null && !column.nullable()) {
        throw new IllegalArgumentException("column '" + column.name() + "' is NOT NULL; a keyset value cannot be null");
      }
      columns.add(column);
      descending.add(desc);
      rowComparison &= !column.nullable() && desc == descending.get(0);
    }
    Condition keyset;
    if (rowComparison) {
      List<Field<?>> fields = new ArrayList<>();
      List<Field<?>> values = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        fields.add(SqlTypes.field(columns.get(i)));
        values.add(SqlTypes.placeholder(columns.get(i), after.get(i)));
      }
      keyset = descending.get(0) ? DSL.row(fields).lt(DSL.row(values)) : DSL.row(fields).gt(DSL.row(values));
    } else {
      List<Condition> terms = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        List<Condition> term = new ArrayList<>();
        for (int j = 0; j < i; j++) {
          term.add(sameAs(columns.get(j), after.get(j)));
        }
        term.add(beyond(columns.get(i), after.get(i), descending.get(i)));
        terms.add(DSL.and(term));
      }
      keyset = DSL.or(terms);
    }
    return RenderedSql.render(Jooq.RENDER.select(SqlRenderer.allFields(model))
        .from(SqlRenderer.table(model))
        .where(condition)
        .and(keyset)
        .orderBy(SqlRenderer.sortFields(model, orderBy))
        .limit(SqlRenderer.rowCount(limit)));
  }

  /** The rows whose sort key equals {@code value}. */
  private static Condition sameAs(ColumnDescriptor column, Object value) {
    Field<Object> field = SqlTypes.field(column);
    return value == null ? field.isNull() : field.eq(SqlTypes.placeholder(column, value));
  }

  /** The rows that sort after {@code value} on this key, NULLs being above every value. */
  private static Condition beyond(ColumnDescriptor column, Object value, boolean descending) {
    Field<Object> field = SqlTypes.field(column);
    if (value == null) {
      return descending ? field.isNotNull() : DSL.falseCondition();
    }
    Field<Object> bound = SqlTypes.placeholder(column, value);
    if (descending) {
      return field.lt(bound);
    }
    return column.nullable() ? field.gt(bound).or(field.isNull()) : field.gt(bound);
  }
}
