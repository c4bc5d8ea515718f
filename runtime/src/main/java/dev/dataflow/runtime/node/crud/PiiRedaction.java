package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.sql.PostgresLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's parameters as they may be logged: every value of a {@code @Pii} column replaced by {@value #PII}, wherever
 * it sits (a column parameter, {@code id}, {@code fields}, each of {@code records}, and {@code filters} down through
 * {@code $and}, {@code $or}, {@code $not} and operator maps).
 *
 * <pre>{@code
 * {user_id=<pii>, started_at=2024-05-01T10:00:00Z}
 * {filters={$or=[{user_id=<pii>}, {outlet_id={$in=[1, 2]}}]}}
 * }</pre>
 *
 * <p>Whatever nests deeper than DataFlow accepts is logged as {@value #TOO_DEEP}: the walk stops there, and so does
 * the log line's {@code toString}, however deep the input.
 *
 * <p>Only model nodes know which of their values are personal data; other nodes log {@code Node.NOT_LOGGED} for
 * every value ({@link dev.dataflow.runtime.node.Node#loggableParameters}).
 */
public final class PiiRedaction {
  /** What a {@code @Pii} column's value is replaced by. */
  public static final String PII = "<pii>";
  /**
   * What replaces whatever lies deeper than DataFlow accepts: more than {@link PostgresLimits#MAX_DEPTH} levels of
   * {@code $and}, {@code $or} and {@code $not}, or a value with more maps and lists inside one another than an
   * operator map around a JSON value of {@link PostgresLimits#MAX_DEPTH} levels. Such input is refused anyway, and
   * logging it whole would recurse as deep as it nests.
   */
  public static final String TOO_DEEP = "<nested too deep>";
  /** The most maps and lists inside one another of a logged column value: an operator map and a JSON value. */
  private static final int MAX_VALUE_DEPTH = PostgresLimits.MAX_DEPTH + 1;

  private PiiRedaction() {}

  /** A copy of a model node's {@code params} safe to log; the input is left as it is. */
  public static Map<String, Object> redact(ModelDescriptor model, Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : params.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      out.put(name, switch (name) {
        case CrudNode.FILTERS -> filter(model, value, 0);
        case CrudNode.FIELDS -> row(model, value);
        case CrudNode.RECORDS -> records(model, value);
        case CrudNode.ID -> model.keyColumn().pii() ? PII : bounded(value, 0);
        default -> column(model, name, value);
      });
    }
    return out;
  }

  private static Object records(ModelDescriptor model, Object value) {
    if (!(value instanceof List<?> records)) {
      return bounded(value, 0);
    }
    List<Object> out = new ArrayList<>(records.size());
    for (Object record : records) {
      out.add(row(model, record));
    }
    return out;
  }

  /** A map of column names to values or update operators. */
  private static Object row(ModelDescriptor model, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return bounded(value, 0);
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(e.getKey(), column(model, String.valueOf(e.getKey()), e.getValue()));
    }
    return out;
  }

  /**
   * A filter map: a column's whole condition is replaced, logical operators are followed.
   *
   * @param depth how many {@code $and}, {@code $or} and {@code $not} enclose {@code value}; beyond
   *     {@link PostgresLimits#MAX_DEPTH} it is {@value #TOO_DEEP}, so the recursion stops there
   */
  private static Object filter(ModelDescriptor model, Object value, int depth) {
    if (!(value instanceof Map<?, ?> map)) {
      return bounded(value, 0);
    }
    if (depth > PostgresLimits.MAX_DEPTH) {
      return TOO_DEEP;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object condition = e.getValue();
      switch (key) {
        case "$and", "$or" -> {
          if (condition instanceof List<?> parts) {
            List<Object> redacted = new ArrayList<>(parts.size());
            for (Object part : parts) {
              redacted.add(filter(model, part, depth + 1));
            }
            out.put(e.getKey(), redacted);
          } else {
            out.put(e.getKey(), filter(model, condition, depth + 1));
          }
        }
        case "$not" -> out.put(e.getKey(), filter(model, condition, depth + 1));
        default -> out.put(e.getKey(), column(model, key, condition));
      }
    }
    return out;
  }

  private static Object column(ModelDescriptor model, String name, Object value) {
    ColumnDescriptor column = model.column(name);
    return column != null && column.pii() ? PII : bounded(value, 0);
  }

  /**
   * {@code value} as it may be logged: its maps and lists copied down to {@link #MAX_VALUE_DEPTH} levels, with
   * {@code depth} of them already around it, and {@value #TOO_DEEP} below; other values as they are.
   */
  private static Object bounded(Object value, int depth) {
    if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
      return value;
    }
    if (depth >= MAX_VALUE_DEPTH) {
      return TOO_DEEP;
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        out.put(e.getKey(), bounded(e.getValue(), depth + 1));
      }
      return out;
    }
    List<?> list = (List<?>) value;
    List<Object> out = new ArrayList<>(list.size());
    for (Object element : list) {
      out.add(bounded(element, depth + 1));
    }
    return out;
  }
}
