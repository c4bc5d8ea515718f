package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Suggestions;
import dev.dataflow.runtime.sql.ValueConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Shape checks and conversions of CRUD parameters, shared by validation at build time and by the nodes at run
 * time, so both say the same thing about the same input.
 */
public final class RowValues {
  private RowValues() {}

  /**
   * The column values of one row to insert, converted to the columns' Java types, in column order.
   *
   * @param prefix the parameter path of the row ({@code ""} for Create's own parameters, {@code records.3} in bulk)
   */
  public static Map<String, Object> forCreate(ModelDescriptor model, Map<String, ?> row, String prefix) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (String key : row.keySet()) {
      ColumnDescriptor column = model.column(key);
      String path = path(prefix, key);
      if (column == null) {
        throw new InvalidParameterException(path, "unknown column of " + model.modelName() + "."
            + Suggestions.didYouMean(key, model.columnsByName().keySet()));
      }
      if (column.generated()) {
        throw new InvalidParameterException(path, "column " + key + " is set by "
            + (column.primaryKey() ? "the database (identity key)" : "DataFlow") + "; leave it out");
      }
    }
    for (ColumnDescriptor column : model.columns()) {
      if (column.generated()) {
        continue;
      }
      String path = path(prefix, column.name());
      if (!row.containsKey(column.name())) {
        if (column.requiredOnCreate()) {
          throw new InvalidParameterException(path, "required column is missing: " + column.name() + " is NOT NULL"
              + " and has no default");
        }
        continue;
      }
      Object value = row.get(column.name());
      if (value == null && !column.nullable()) {
        throw new InvalidParameterException(path, "column " + column.name() + " is NOT NULL; give a value"
            + (column.hasDefault() ? " or leave it out to use its default" : ""));
      }
      converted.put(column.name(), value == null ? null : ValueConverter.toJava(column, value, path));
    }
    return converted;
  }

  /** The new column values of an update, converted; the key and generated columns may not be set. */
  public static Map<String, Object> forUpdate(ModelDescriptor model, Map<String, ?> fields, String prefix) {
    if (fields.isEmpty()) {
      throw new InvalidParameterException(prefix, "no columns to change; give at least one column and its new value");
    }
    Map<String, Object> converted = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      String key = e.getKey();
      String path = path(prefix, key);
      ColumnDescriptor column = model.column(key);
      if (column == null) {
        throw new InvalidParameterException(path, "unknown column of " + model.modelName() + "."
            + Suggestions.didYouMean(key, model.columnsByName().keySet()));
      }
      if (column.primaryKey()) {
        throw new InvalidParameterException(path, "the key column cannot be changed; select the row by id instead");
      }
      if (column.generated()) {
        throw new InvalidParameterException(path, "column " + key + " is maintained by DataFlow; leave it out");
      }
      Object value = e.getValue();
      if (value == null && !column.nullable()) {
        throw new InvalidParameterException(path, "column " + key + " is NOT NULL; it cannot be set to null");
      }
      converted.put(key, value == null ? null : ValueConverter.toJava(column, value, path));
    }
    return converted;
  }

  /** The key value, converted to the key column's type. */
  public static Object key(ModelDescriptor model, Object value, String parameter) {
    if (value == null) {
      throw new InvalidParameterException(parameter, "the key is null; give the " + model.primaryKey() + " of a row");
    }
    return ValueConverter.toJava(model.keyColumn(), value, parameter);
  }

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

  /** {@code order_by}: a list of column names, or one name; {@code -name} sorts descending. */
  public static List<String> orderBy(Object value, String parameter) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof String s) {
      return List.of(s);
    }
    List<String> columns = new ArrayList<>();
    for (Object o : asList(value, parameter)) {
      if (!(o instanceof String s)) {
        throw new InvalidParameterException(parameter, "expected column names (strings), got " + typeOf(o));
      }
      columns.add(s);
    }
    return columns;
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

  static String typeOf(Object value) {
    return value == null ? "null" : "a " + value.getClass().getSimpleName();
  }

  private static String path(String prefix, String key) {
    return prefix.isEmpty() ? key : prefix + "." + key;
  }
}
