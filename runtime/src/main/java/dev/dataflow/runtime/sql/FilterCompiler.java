package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Suggestions;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Compiles a MongoDB-style filter map into a jOOQ {@link Condition} over a model's columns.
 *
 * <pre>{@code
 * Condition c = FilterCompiler.compile(model, Map.of(
 *     "status", "ACTIVE",                                         // "status" = ?
 *     "age", Map.of("$gte", 18, "$lt", 65),                       // "age" >= ? and "age" < ?
 *     "$or", List.of(Map.of("email", Map.of("$ilike", "%@example.com")),
 *                    Map.of("email", Map.of("$null", true)))));  // ("email" ilike ? or "email" is null)
 * }</pre>
 *
 * <p>Entries of one map are ANDed, as are the operators of one field. Operators: {@code $eq $ne $gt $gte $lt $lte
 * $in $nin $like $ilike $regex $exists $null $contains}; logical {@code $and $or} (lists of filter maps) and
 * {@code $not} (a filter map), nestable. Null follows MongoDB: {@code {"x": null}} and {@code $eq null} match NULL,
 * {@code $ne v} also matches rows where the column is NULL ({@code is distinct from}), {@code $nin [..]} also
 * matches NULL unless the list contains null, and {@code $in [.., null]} matches NULL too. {@code $exists} and
 * {@code $null} test for NULL (a column always exists). {@code $in []} is false, {@code $nin []} is true.
 *
 * <p>{@code $in} and {@code $nin} bind their list as one array, {@code "col" = any(?)} and {@code "col" <> all(?)},
 * so a list of any length (100,000 values, beyond the driver's 65,535 parameters) is one placeholder and the
 * statement's text does not depend on the list's length.
 *
 * <p>Every value is converted with {@link ValueConverter#toJava} (parameter paths such as
 * {@code filters.created_at.$gte} or {@code filters.$or.1.user_id}) and becomes a {@link SqlTypes#placeholder};
 * column names are looked up in the model and never taken from the input, so an unknown or hostile name is refused
 * with an {@link InvalidValueException}. Names from the input are echoed {@link Suggestions#cut cut} to 64 characters,
 * in messages and paths alike. {@code $and}, {@code $or} and {@code $not} nest at most {@value
 * PostgresLimits#MAX_DEPTH} levels, so compiling and rendering a filter never runs out of stack.
 */
public final class FilterCompiler {
  static {
    Jooq.quiet();
  }

  /** The operators a field accepts. */
  public static final List<String> FIELD_OPERATORS = List.of(
      "$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "$in", "$nin",
      "$like", "$ilike", "$regex", "$exists", "$null", "$contains");

  /** The operators that combine filter maps. */
  public static final List<String> LOGICAL_OPERATORS = List.of("$and", "$or", "$not");

  private static final String ROOT = "filters";
  /** The type of a pattern's placeholder: text, also for an enum column (the pattern is no constant name). */
  private static final ColumnDescriptor PATTERN = ColumnDescriptor.column("pattern", "pattern",
      JavaType.STRING, "TEXT").notNull();

  /** The zone a date-time without offset is read in, for a TIMESTAMPTZ column. */
  private final ZoneId zone;
  /** The filter's structure without its values, written as it is compiled ({@link CompiledFilter#shape()}). */
  private final StringBuilder shape = new StringBuilder();
  /** The placeholders' values, in the order they were made. */
  private final List<BindValue> binds = new ArrayList<>();
  /**
   * Whether to build the jOOQ condition; without it only the checks, the conversions, the shape and the values are
   * made (every method that returns a condition or a field then returns null).
   */
  private final boolean conditions;

  private FilterCompiler(ZoneId zone, boolean conditions) {
    this.zone = zone;
    this.conditions = conditions;
  }

  /**
   * The condition {@code filters} describe; {@link DSL#noCondition()} for null or an empty map.
   *
   * @throws InvalidValueException for an unknown field or operator, a value that does not convert, or a
   *     filter of the wrong shape; the parameter is the path to the offending entry
   */
  public static Condition compile(ModelDescriptor model, Map<String, ?> filters) {
    return compile(model, filters, ZoneOffset.UTC);
  }

  /**
   * The condition {@code filters} describe, a date-time without offset compared with a TIMESTAMPTZ column read in
   * {@code zone} ({@link ValueConverter#toJava(ColumnDescriptor, Object, String, ZoneId)}); {@link #compile(
   * ModelDescriptor, Map)} reads it in UTC.
   *
   * @throws InvalidValueException as {@link #compile(ModelDescriptor, Map)}
   */
  public static Condition compile(ModelDescriptor model, Map<String, ?> filters, ZoneId zone) {
    return compileFilter(model, filters, zone).condition();
  }

  /**
   * The condition {@code filters} describe, with its shape and its values, so that a statement rendered for one
   * filter can be reused for the next one of the same shape ({@link StatementShapes}).
   *
   * @throws InvalidValueException as {@link #compile(ModelDescriptor, Map)}
   */
  public static CompiledFilter compileFilter(ModelDescriptor model, Map<String, ?> filters, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (filters == null || filters.isEmpty()) {
      return CompiledFilter.NONE;
    }
    FilterCompiler compiler = new FilterCompiler(zone, true);
    Condition condition = compiler.compileMap(model, filters, ROOT, 0);
    return new CompiledFilter(condition, compiler.shape.toString(), compiler.binds);
  }

  /**
   * {@code filters} checked and converted as {@link #compileFilter} does (the same exceptions), their shape and
   * values recorded, but no jOOQ condition built: for a statement whose shape {@link StatementShapes} already knows,
   * and for checking filters at build time. {@link CompiledFilter#condition()} builds the condition when first asked.
   */
  public static CompiledFilter shapeOf(ModelDescriptor model, Map<String, ?> filters, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (filters == null || filters.isEmpty()) {
      return CompiledFilter.NONE;
    }
    FilterCompiler compiler = new FilterCompiler(zone, false);
    compiler.compileMap(model, filters, ROOT, 0);
    return new CompiledFilter(() -> compileFilter(model, filters, zone).condition(), compiler.shape.toString(),
        compiler.binds);
  }

  /**
   * @param depth how many {@code $and}, {@code $or} and {@code $not} enclose {@code filters}; each adds one, and
   *     the recursion stops at {@link PostgresLimits#MAX_DEPTH}
   */
  private Condition compileMap(ModelDescriptor model, Map<?, ?> filters, String path, int depth) {
    List<Condition> parts = new ArrayList<>(filters.size());
    shape.append('{');
    for (Map.Entry<?, ?> entry : filters.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new InvalidValueException(path, "filter keys are column names or " + LOGICAL_OPERATORS
            + "; got a key of type " + className(entry.getKey()));
      }
      String keyPath = child(path, key);
      if (key.startsWith("$")) {
        parts.add(logical(model, key, entry.getValue(), keyPath, depth));
      } else {
        parts.add(field(model, key, entry.getValue(), keyPath));
      }
      shape.append(';');
    }
    shape.append('}');
    return !conditions ? null : parts.size() == 1 ? parts.get(0) : DSL.and(parts);
  }

  /** {@code path.key}, the key cut as every echoed name is. */
  private static String child(String path, String key) {
    return path + "." + Suggestions.cut(key);
  }

  private Condition logical(ModelDescriptor model, String operator, Object value, String path, int depth) {
    if (LOGICAL_OPERATORS.contains(operator) && depth >= PostgresLimits.MAX_DEPTH) {
      // The path to here is up to MAX_DEPTH segments long: its first ones say which branch nests too deep.
      throw new InvalidValueException(Suggestions.cut(path), "$and, $or and $not nest at most "
          + PostgresLimits.MAX_DEPTH + " levels deep; this filter nests deeper. Flatten it: $and and $or take any"
          + " number of filters, and $in takes a list of values");
    }
    switch (operator) {
      case "$and", "$or" -> {
        if (!(value instanceof Collection<?> list) || list.isEmpty()) {
          throw new InvalidValueException(path, operator + " takes a non-empty list of filter maps, such as {\""
              + operator + "\": [{\"a\": 1}, {\"b\": 2}]}; got " + describe(value));
        }
        List<Condition> parts = new ArrayList<>(list.size());
        shape.append(operator).append('[');
        int i = 0;
        for (Object element : list) {
          String elementPath = path + "." + i++;
          if (!(element instanceof Map<?, ?> map)) {
            throw new InvalidValueException(elementPath, operator + " takes a list of filter maps; element is "
                + describe(element));
          }
          parts.add(compileMap(model, map, elementPath, depth + 1));
        }
        shape.append(']');
        return !conditions ? null : operator.equals("$and") ? DSL.and(parts) : DSL.or(parts);
      }
      case "$not" -> {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
          throw new InvalidValueException(path, "$not takes a non-empty filter map, such as {\"$not\": {\"a\": 1}};"
              + " got " + describe(value));
        }
        shape.append(operator);
        Condition negated = compileMap(model, map, path, depth + 1);
        return conditions ? DSL.not(negated) : null;
      }
      default -> {
        if (FIELD_OPERATORS.contains(operator)) {
          throw new InvalidValueException(path, "operator " + operator + " applies to a field; write it inside"
              + " one, such as {\"age\": {\"" + operator + "\": …}}");
        }
        throw new InvalidValueException(path, "unknown operator '" + Suggestions.cut(operator) + "'; at this level"
            + " use a column name or one of " + LOGICAL_OPERATORS + "."
            + Suggestions.didYouMean(operator, LOGICAL_OPERATORS));
      }
    }
  }

  private Condition field(ModelDescriptor model, String name, Object value, String path) {
    ColumnDescriptor column = model.column(name);
    if (column == null) {
      List<String> names = new ArrayList<>(model.columnsByName().keySet());
      throw new InvalidValueException(path, "unknown field '" + Suggestions.cut(name) + "' of " + model.modelName()
          + "; fields are " + names + "." + Suggestions.didYouMean(name, names));
    }
    shape.append(column.name());
    if (value instanceof Map<?, ?> operators && isOperatorMap(column, operators)) {
      if (operators.isEmpty()) {
        throw new InvalidValueException(path, "give a value or at least one operator of " + FIELD_OPERATORS);
      }
      List<Condition> parts = new ArrayList<>(operators.size());
      shape.append('{');
      for (Map.Entry<?, ?> entry : operators.entrySet()) {
        String operator = entry.getKey() instanceof String s ? s : String.valueOf(entry.getKey());
        shape.append(operator);
        parts.add(operator(column, operator, entry.getValue(), child(path, operator)));
        shape.append(';');
      }
      shape.append('}');
      return !conditions ? null : parts.size() == 1 ? parts.get(0) : DSL.and(parts);
    }
    return equal(column, value, path);
  }

  /**
   * A map is a set of operators, except that for a JSON column a map without any {@code $} key is a JSON value to
   * compare with.
   */
  private static boolean isOperatorMap(ColumnDescriptor column, Map<?, ?> map) {
    if (column.javaType() != JavaType.JSON || map.isEmpty()) {
      return true;
    }
    for (Object key : map.keySet()) {
      if (key instanceof String s && s.startsWith("$")) {
        return true;
      }
    }
    return false;
  }

  private Condition operator(ColumnDescriptor column, String operator, Object value, String path) {
    return switch (operator) {
      case "$eq" -> equal(column, value, path);
      case "$ne" -> value == null
          ? nullTest(column, false)
          : compare(column, convert(column, value, path), Field::isDistinctFrom);
      case "$gt" -> compare(column, ordered(column, operator, value, path), Field::gt);
      case "$gte" -> compare(column, ordered(column, operator, value, path), Field::ge);
      case "$lt" -> compare(column, ordered(column, operator, value, path), Field::lt);
      case "$lte" -> compare(column, ordered(column, operator, value, path), Field::le);
      case "$in" -> in(column, value, path);
      case "$nin" -> notIn(column, value, path);
      case "$like" -> matches(column, pattern(column, operator, value, path), Field::like);
      case "$ilike" -> matches(column, pattern(column, operator, value, path), Field::likeIgnoreCase);
      case "$regex" -> matches(column, pattern(column, operator, value, path), Field::likeRegex);
      case "$exists" -> nullTest(column, !flag(operator, value, path));
      case "$null" -> nullTest(column, flag(operator, value, path));
      case "$contains" -> contains(column, value, path);
      default -> throw new InvalidValueException(path, "unknown operator '" + Suggestions.cut(operator)
          + "'; operators are " + FIELD_OPERATORS + "." + Suggestions.didYouMean(operator, FIELD_OPERATORS));
    };
  }

  private Condition equal(ColumnDescriptor column, Object value, String path) {
    return value == null ? nullTest(column, true) : compare(column, convert(column, value, path), Field::eq);
  }

  /** The column compared with a placeholder ({@code value}, already made and recorded). */
  private Condition compare(ColumnDescriptor column, Field<Object> value,
      BiFunction<Field<Object>, Field<Object>, Condition> comparison) {
    return conditions ? comparison.apply(SqlTypes.field(column), value) : null;
  }

  /** The column matched against a pattern's placeholder. */
  private Condition matches(ColumnDescriptor column, String pattern,
      BiFunction<Field<Object>, Field<String>, Condition> match) {
    Field<String> placeholder = patternValue(pattern);
    return conditions ? match.apply(SqlTypes.field(column), placeholder) : null;
  }

  /**
   * A test for NULL, which has no placeholder: its text goes into the shape, so that {@code is null} and
   * {@code is not null} are different shapes.
   */
  private Condition nullTest(ColumnDescriptor column, boolean isNull) {
    shape.append(isNull ? "=N" : "=!N");
    if (!conditions) {
      return null;
    }
    Field<Object> field = SqlTypes.field(column);
    return isNull ? field.isNull() : field.isNotNull();
  }

  private Field<Object> ordered(ColumnDescriptor column, String operator, Object value, String path) {
    JavaType type = column.javaType();
    if (type == JavaType.JSON || type == JavaType.BYTES || type == JavaType.BOOLEAN) {
      throw new InvalidValueException(path, operator + " needs an ordered column; '" + column.name() + "' is "
          + type + ", use $eq, $ne, $in or $nin" + (type == JavaType.JSON ? " or $contains" : ""));
    }
    if (value == null) {
      throw new InvalidValueException(path, operator + " needs a value; to test for NULL use {\"$null\": true}");
    }
    return convert(column, value, path);
  }

  /** {@code "col" = any(?)}: one array parameter, whatever the list's length; an empty array matches nothing. */
  private Condition in(ColumnDescriptor column, Object value, String path) {
    Values values = values(column, "$in", value, path);
    Field<Object> array = arrayPlaceholder(column, values);
    if (!conditions) {
      return null;
    }
    Field<Object> field = SqlTypes.field(column);
    Condition matches = DSL.condition("{0} = any({1})", field, array);
    return values.hasNull ? matches.or(field.isNull()) : matches;
  }

  /** {@code "col" <> all(?)}: one array parameter; an empty array matches every value. */
  private Condition notIn(ColumnDescriptor column, Object value, String path) {
    Values values = values(column, "$nin", value, path);
    Field<Object> array = arrayPlaceholder(column, values);
    if (!conditions) {
      return null;
    }
    Field<Object> field = SqlTypes.field(column);
    Condition differs = DSL.condition("{0} <> all({1})", field, array);
    // SQL's <> ALL is unknown for NULL; MongoDB's $nin matches it unless the list holds null.
    return values.hasNull ? differs.and(field.isNotNull()) : differs.or(field.isNull());
  }

  /** One array placeholder for the list's values; whether the list held null is part of the shape. */
  private Field<Object> arrayPlaceholder(ColumnDescriptor column, Values values) {
    shape.append(values.hasNull ? "=[?N]" : "=[?]");
    return placeholder(BindValue.array(column, values.nonNull));
  }

  /** A placeholder for {@code bind}, recorded in the order made. */
  private Field<Object> placeholder(BindValue bind) {
    shape.append("=?");
    binds.add(bind);
    return conditions ? SqlTypes.placeholder(bind) : null;
  }

  /** The list's values converted for the column (nulls left out), and whether it held null. */
  private record Values(List<Object> nonNull, boolean hasNull) {}

  private Values values(ColumnDescriptor column, String operator, Object value, String path) {
    if (!(value instanceof Collection<?> list)) {
      throw new InvalidValueException(path, operator + " takes a list, such as {\"" + operator
          + "\": [1, 2]}; got " + describe(value));
    }
    List<Object> nonNull = new ArrayList<>(list.size());
    boolean hasNull = false;
    int i = 0;
    for (Object element : list) {
      if (element == null) {
        hasNull = true;
      } else {
        nonNull.add(ValueConverter.toJava(column, element, path + "." + i, zone));
      }
      i++;
    }
    return new Values(nonNull, hasNull);
  }

  private static String pattern(ColumnDescriptor column, String operator, Object value, String path) {
    JavaType type = column.javaType();
    if (type != JavaType.STRING && type != JavaType.ENUM) {
      throw new InvalidValueException(path, operator + " applies to text columns; '" + column.name() + "' is "
          + type);
    }
    // Not through toJava: for an enum column the pattern is not a constant name.
    if (!(value instanceof String pattern)) {
      throw new InvalidValueException(path, operator + " takes a pattern String; got " + describe(value));
    }
    String problem = PostgresLimits.textProblem(pattern);
    if (problem != null) {
      throw new InvalidValueException(path, operator + " takes a pattern of characters PostgreSQL stores; got a"
          + " String " + problem);
    }
    return pattern;
  }

  private static boolean flag(String operator, Object value, String path) {
    if (!(value instanceof Boolean b)) {
      throw new InvalidValueException(path, operator + " takes true or false; got " + describe(value));
    }
    return b;
  }

  private Condition contains(ColumnDescriptor column, Object value, String path) {
    if (column.javaType() != JavaType.JSON) {
      throw new InvalidValueException(path, "$contains applies to JSON columns; '" + column.name() + "' is "
          + column.javaType() + (column.javaType() == JavaType.STRING ? "; for a substring use $like '%text%'" : ""));
    }
    if (value == null) {
      throw new InvalidValueException(path, "$contains needs a JSON value such as {\"tags\": [\"a\"]}");
    }
    // jsonb containment: the column holds value (objects: a superset of keys; arrays: a superset of elements).
    Field<Object> document = convert(column, value, path);
    return conditions ? DSL.condition("{0} @> {1}", SqlTypes.field(column), document) : null;
  }

  private Field<Object> convert(ColumnDescriptor column, Object value, String path) {
    return placeholder(new BindValue(column, ValueConverter.toJava(column, value, path, zone)));
  }

  /** A pattern of {@code $like}, {@code $ilike} or {@code $regex}: text, whatever the column's type. */
  @SuppressWarnings("unchecked")
  private Field<String> patternValue(String pattern) {
    return (Field<String>) (Field<?>) placeholder(new BindValue(PATTERN, pattern));
  }

  private static String describe(Object value) {
    return value == null ? "null" : "a " + value.getClass().getName();
  }

  private static String className(Object value) {
    return value == null ? "null" : value.getClass().getName();
  }
}
