package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.sql.InvalidValueException;
import dev.dataflow.runtime.sql.ValueConverter;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * The shapes a node parameter's value may take, checked and converted the same way when a workflow is built and
 * when a node runs: a failure is an {@link InvalidParameterException} naming the parameter, never the value.
 *
 * <pre>{@code
 * int limit = ParamValues.nonNegativeInt(params.get("limit"), "limit");
 * Object start = ParamValues.toColumn(column, params.get("start_time"), "start_time");   // an Instant
 * }</pre>
 */
public final class ParamValues {
  private ParamValues() {}

  /**
   * {@code value} converted to the column's Java type (null stays null), as the column stores it: a value the column
   * would store changed (a NUMERIC(p,s) with more digits) is refused too ({@link ValueConverter#toStored}). A
   * date-time without offset for a TIMESTAMPTZ column is read in UTC: this is the check of literal parameters at
   * {@code build()}, where no {@code DataFlow}'s zone is known; a running node converts with its zone instead.
   */
  public static Object toColumn(ColumnDescriptor column, Object value, String parameter) {
    return toColumn(column, value, parameter, ZoneOffset.UTC);
  }

  /**
   * {@code value} converted as {@link #toColumn(ColumnDescriptor, Object, String)} does, a date-time without offset
   * for a TIMESTAMPTZ column read in {@code zone}: a node passes its {@link NodeContext#zone()}.
   */
  public static Object toColumn(ColumnDescriptor column, Object value, String parameter, ZoneId zone) {
    try {
      return ValueConverter.toStored(column, value, parameter, zone);
    } catch (InvalidValueException e) {
      throw InvalidParameterException.of(e);
    }
  }

  /** A map with string keys (column names). */
  @SuppressWarnings("unchecked")
  public static Map<String, ?> asMap(Object value, String parameter) {
    if (value instanceof Map<?, ?> map) {
      for (Object key : map.keySet()) {
        if (!(key instanceof String)) {
          throw new InvalidParameterException(parameter, "map keys must be strings (column names), found a "
              + (key == null ? "null" : key.getClass().getSimpleName()) + " key");
        }
      }
      return (Map<String, ?>) map;
    }
    throw new InvalidParameterException(parameter, "expected a map of column names to values, got " + typeOf(value));
  }

  public static List<?> asList(Object value, String parameter) {
    if (value instanceof List<?> list) {
      return list;
    }
    throw new InvalidParameterException(parameter, "expected a list, got " + typeOf(value));
  }

  public static int nonNegativeInt(Object value, String parameter) {
    long n;
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      n = ((Number) value).longValue();
    } else if (value instanceof String s && s.matches("\\d{1,10}")) {
      n = Long.parseLong(s);
    } else {
      throw new InvalidParameterException(parameter, "expected a non-negative integer, got " + typeOf(value));
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new InvalidParameterException(parameter, "expected a non-negative integer up to " + Integer.MAX_VALUE);
    }
    return (int) n;
  }

  public static boolean bool(Object value, String parameter) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value)) {
      return true;
    }
    if ("false".equals(value)) {
      return false;
    }
    throw new InvalidParameterException(parameter, "expected true or false, got " + typeOf(value));
  }

  /** "a String", "null": a value's kind for messages, never the value. */
  public static String typeOf(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }
}
