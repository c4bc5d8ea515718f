package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.CompiledFilter;
import dev.dataflow.runtime.sql.FilterCompiler;
import dev.dataflow.runtime.sql.Increment;
import dev.dataflow.runtime.sql.InvalidValueException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;

/**
 * Shape checks and conversions of CRUD parameters against a model, shared by the parameter checks at build time
 * ({@link dev.dataflow.runtime.node.ParamSpec#check()}) and by the nodes at run time, so both say the same thing
 * about the same input. This is the only place CRUD input is validated; the SQL layer renders what it is given.
 *
 * <p>The forms that take a {@link ZoneId} are the nodes': a date-time without offset given for a TIMESTAMPTZ column
 * is read in the run's zone ({@code NodeContext.zone()}, the {@code DataFlow}'s). The forms without are the checks at
 * {@code build()}, where no {@code DataFlow} is known; they read such a value in UTC, which accepts and refuses the
 * same values as every zone but for a date-time within hours of PostgreSQL's limits.
 */
public final class RowValues {
  static final String SET = "$set";
  static final String INC = "$inc";

  private RowValues() {}

  /**
   * The column values of one row to insert, converted to the columns' Java types, in column order; not yet scrubbed
   * ({@link Scrubbing#beforeInsert} does that, and sets the {@code @PiiScrubbed} flag, which a row may not give).
   *
   * @param prefix the parameter path of the row ({@code ""} for Create's own parameters, {@code records.3} in bulk)
   */
  public static Map<String, Object> forCreate(ModelDescriptor model, Map<String, ?> row, String prefix) {
    return forCreate(model, row, prefix, ZoneOffset.UTC);
  }

  /**
   * The column values of one row to insert, as {@link #forCreate(ModelDescriptor, Map, String)}, a date-time without
   * offset for a TIMESTAMPTZ column read in {@code zone}.
   */
  public static Map<String, Object> forCreate(ModelDescriptor model, Map<String, ?> row, String prefix, ZoneId zone) {
    Map<String, Object> converted = new LinkedHashMap<>();
    for (String key : row.keySet()) {
      ColumnDescriptor column = model.column(key);
      String path = path(prefix, key);
      if (column == null) {
        throw new InvalidParameterException(path, "unknown column of " + model.modelName() + "."
            + Suggestions.didYouMean(key, model.columnsByName().keySet()));
      }
      if (!column.givenByCaller()) {
        throw new InvalidParameterException(path, setByDataFlow(model, column));
      }
    }
    for (ColumnDescriptor column : model.columns()) {
      if (!column.givenByCaller()) {
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
      converted.put(column.name(), value == null ? null : ParamValues.toColumn(column, value, path, zone));
    }
    return converted;
  }

  /**
   * Why a create or update may not give {@code column}, one that is not {@link ColumnDescriptor#givenByCaller()}: the
   * database or DataFlow fills it.
   */
  static String setByDataFlow(ModelDescriptor model, ColumnDescriptor column) {
    if (column.piiScrubbedFlag()) {
      List<String> scrubbed = model.scrubbedColumns().stream().map(ColumnDescriptor::name).toList();
      return column.name() + " is set by DataFlow when it scrubs " + String.join(", ", scrubbed) + " (true on every"
          + " create, and on an update that writes " + (scrubbed.size() == 1 ? scrubbed.get(0) : "all of them")
          + "); leave it out";
    }
    return "column " + column.name() + " is set by " + (column.primaryKey() ? "the database (identity key)"
        : "DataFlow") + "; leave it out";
  }

  /** The operators a column of {@code fields} may take: {@code {"col": {"$inc": 1}}}. */
  public static final List<String> UPDATE_OPERATORS = List.of(SET, INC);

  /**
   * The new column values of an update, converted; the key, generated columns and the {@code @PiiScrubbed} flag may
   * not be set (text is scrubbed afterwards, by {@link Scrubbing#beforeUpdate}). A value is a new
   * value (bare or as {@code {"$set": v}}), which the result holds converted, or {@code {"$inc": n}} on a numeric
   * column, which the result holds as an {@link Increment} of {@code n} converted to the column's type.
   *
   * <p>On a JSONB column a map is a JSON document, not an operator, unless it is a single-key map whose key is
   * {@code $set}: {@code {"$set": {"$inc": 1}}} stores the document {@code {"$inc": 1}}.
   */
  public static Map<String, Object> forUpdate(ModelDescriptor model, Map<String, ?> fields, String prefix) {
    return forUpdate(model, fields, prefix, ZoneOffset.UTC);
  }

  /**
   * The new column values of an update, as {@link #forUpdate(ModelDescriptor, Map, String)}, a date-time without
   * offset for a TIMESTAMPTZ column read in {@code zone}.
   */
  public static Map<String, Object> forUpdate(ModelDescriptor model, Map<String, ?> fields, String prefix,
      ZoneId zone) {
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
      if (column.piiScrubbedFlag()) {
        throw new InvalidParameterException(path, setByDataFlow(model, column));
      }
      converted.put(key, updateValue(column, e.getValue(), path, zone));
    }
    return converted;
  }

  private static Object updateValue(ColumnDescriptor column, Object value, String path, ZoneId zone) {
    if (!(value instanceof Map<?, ?> operation)) {
      return newValue(column, value, path, zone);
    }
    boolean setOnly = operation.size() == 1 && operation.containsKey(SET);
    if (column.javaType() == JavaType.JSON && !setOnly) {
      return newValue(column, value, path, zone); // a JSON document
    }
    if (operation.size() != 1) {
      throw new InvalidParameterException(path, "give one operator and its operand, such as {\"$inc\": 1}, or a bare"
          + " value; operators are " + UPDATE_OPERATORS);
    }
    Map.Entry<?, ?> only = operation.entrySet().iterator().next();
    String operator = String.valueOf(only.getKey());
    String operatorPath = path(path, operator);
    switch (operator) {
      case SET -> {
        return newValue(column, only.getValue(), operatorPath, zone);
      }
      case INC -> {
        if (!Increment.appliesTo(column.javaType())) {
          throw new InvalidParameterException(operatorPath, "$inc needs a numeric column; column '" + column.name()
              + "' is " + column.sqlType());
        }
        if (only.getValue() == null) {
          throw new InvalidParameterException(operatorPath, "$inc needs a number to add (negative to subtract)");
        }
        Object amount = ParamValues.toColumn(column, only.getValue(), operatorPath);
        if ((amount instanceof Double d && !Double.isFinite(d)) || (amount instanceof Float f && !Float.isFinite(f))) {
          // Adding NaN or an infinity leaves no number to add to again: the column's value would be lost.
          throw new InvalidParameterException(operatorPath, "$inc needs a finite number to add; NaN and the"
              + " infinities would replace the column's value for good (set it with $set if that is intended)");
        }
        return new Increment(amount);
      }
      default -> throw new InvalidParameterException(operatorPath, "unknown update operator; operators are "
          + UPDATE_OPERATORS + "." + Suggestions.didYouMean(operator, UPDATE_OPERATORS));
    }
  }

  private static Object newValue(ColumnDescriptor column, Object value, String path, ZoneId zone) {
    if (value == null && !column.nullable()) {
      throw new InvalidParameterException(path, "column " + column.name() + " is NOT NULL; it cannot be set to null");
    }
    return value == null ? null : ParamValues.toColumn(column, value, path, zone);
  }

  /** The values of {@code on_conflict}, the first being the default. */
  public static final List<String> ON_CONFLICT_MODES = List.of("error", "ignore", "update");

  /** {@code on_conflict}: one of {@link #ON_CONFLICT_MODES}; null means the default, {@code "error"}. */
  public static String onConflict(Object value, String parameter) {
    if (value == null) {
      return ON_CONFLICT_MODES.get(0);
    }
    if (value instanceof String s && ON_CONFLICT_MODES.contains(s)) {
      return s;
    }
    String given = value instanceof String s ? s : "";
    throw new InvalidParameterException(parameter, "expected one of " + ON_CONFLICT_MODES + ", got "
        + (value instanceof String ? "another string" : ParamValues.typeOf(value)) + "." + Suggestions.didYouMean(given,
        ON_CONFLICT_MODES));
  }

  /**
   * {@code conflict_columns}: the distinct, known columns, which an insert gives, of a unique constraint or index
   * or the key. Whether such a constraint exists is the database's to say (SQLSTATE 42P10 when none matches).
   */
  public static List<String> conflictColumns(ModelDescriptor model, Object value, String parameter) {
    List<?> names = ParamValues.asList(value, parameter);
    if (names.isEmpty()) {
      throw new InvalidParameterException(parameter, "give at least one column: the columns of a unique constraint"
          + " or index, or the key");
    }
    List<String> columns = new ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      String path = parameter + "." + i;
      if (!(names.get(i) instanceof String name)) {
        throw new InvalidParameterException(path, "expected a column name (a string), got " + ParamValues.typeOf(names.get(i)));
      }
      ColumnDescriptor column = model.column(name);
      if (column == null) {
        throw new InvalidParameterException(path, "unknown column of " + model.modelName() + "."
            + Suggestions.didYouMean(name, model.columnsByName().keySet()));
      }
      if (column.generated()) {
        throw new InvalidParameterException(path, "column " + name + " is filled by "
            + (column.primaryKey() ? "the database (identity key)" : "DataFlow") + ", so no insert gives it and it"
            + " cannot decide a conflict; name the columns of a unique constraint instead");
      }
      if (columns.contains(name)) {
        throw new InvalidParameterException(path, "column " + name + " is listed twice");
      }
      columns.add(name);
    }
    return List.copyOf(columns);
  }

  /** The key value, converted to the key column's type (a date-time without offset read in {@code zone}). */
  public static Object key(ModelDescriptor model, Object value, String parameter, ZoneId zone) {
    if (value == null) {
      throw new InvalidParameterException(parameter, "the key is null; give the " + model.primaryKey() + " of a row");
    }
    return ParamValues.toColumn(model.keyColumn(), value, parameter, zone);
  }

  /** The version the caller read, converted to the {@code @Version} column's type; never null. */
  public static Object version(ModelDescriptor model, Object value, String parameter) {
    ColumnDescriptor version = model.versionColumn();
    if (value == null) {
      throw new InvalidParameterException(parameter, "the version is null; give the " + version.name() + " of the row"
          + " as it was read");
    }
    return ParamValues.toColumn(version, value, parameter);
  }

  /**
   * {@code order_by}: a list of distinct column names of the model, or one name; {@code -name} sorts descending.
   * Null is no order.
   */
  public static List<String> orderBy(ModelDescriptor model, Object value, String parameter) {
    if (value == null) {
      return List.of();
    }
    List<?> items = value instanceof String s ? List.of(s) : ParamValues.asList(value, parameter);
    List<String> columns = new ArrayList<>(items.size());
    List<String> seen = new ArrayList<>(items.size());
    for (Object item : items) {
      if (!(item instanceof String s)) {
        throw new InvalidParameterException(parameter, "expected column names (strings), got "
            + ParamValues.typeOf(item));
      }
      String name = s.startsWith("-") ? s.substring(1) : s;
      if (model.column(name) == null) {
        List<String> names = new ArrayList<>(model.columnsByName().keySet());
        throw new InvalidParameterException(parameter, "unknown column '" + Suggestions.cut(name) + "' of "
            + model.modelName() + "; columns are " + names + ", each optionally prefixed with '-' for descending"
            + " order." + Suggestions.didYouMean(name, names));
      }
      if (seen.contains(name)) {
        throw new InvalidParameterException(parameter, "column '" + name + "' is listed twice");
      }
      seen.add(name);
      columns.add(s);
    }
    return columns;
  }

  /** {@code filters}: a filter map compiled to a condition over the model's columns; null matches every row. */
  public static Condition filters(ModelDescriptor model, Object value, String parameter) {
    return filters(model, value, parameter, ZoneOffset.UTC);
  }

  /**
   * {@code filters} compiled as {@link #filters(ModelDescriptor, Object, String)}, a date-time without offset compared
   * with a TIMESTAMPTZ column read in {@code zone}.
   */
  public static Condition filters(ModelDescriptor model, Object value, String parameter, ZoneId zone) {
    try {
      return FilterCompiler.compile(model, value == null ? Map.of() : ParamValues.asMap(value, parameter), zone);
    } catch (InvalidValueException e) {
      throw InvalidParameterException.of(e);
    }
  }

  /**
   * {@code filters} checked and converted as {@link #filters(ModelDescriptor, Object, String, ZoneId)} does, with
   * their shape and values; the jOOQ condition is built only when asked for (a shape not rendered yet).
   */
  public static CompiledFilter compiledFilter(ModelDescriptor model, Object value, String parameter, ZoneId zone) {
    try {
      return FilterCompiler.shapeOf(model, value == null ? Map.of() : ParamValues.asMap(value, parameter), zone);
    } catch (InvalidValueException e) {
      throw InvalidParameterException.of(e);
    }
  }

  /** {@code prefix.key}, the key cut as every name taken from input is when a message echoes it. */
  private static String path(String prefix, String key) {
    String name = Suggestions.cut(key);
    return prefix.isEmpty() ? name : prefix + "." + name;
  }
}
