package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.Aggregate;
import dev.dataflow.runtime.sql.GroupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The checks of Count's {@code group_by}, {@code aggregates} and {@code limit}, shared by the parameter checks at
 * build time and by {@link CountNode} at run time, like {@link RowValues} for the other parameters: every key and
 * name is checked against the model here; the SQL layer renders what it is given.
 */
public final class GroupCountValues {
  /** A key name inside a JSONB column, in a {@code group_by} entry: letters, digits, {@code _} and {@code -}. */
  private static final Pattern JSON_KEY = Pattern.compile("[A-Za-z0-9_-]{1,63}");
  /** An aggregate's name: a plain identifier. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
  /** How deep a {@code group_by} JSON path may go. */
  private static final int MAX_JSON_DEPTH = 8;

  /**
   * {@code group_by}: a list of distinct entries (or one), each {@code "column"}, {@code "column:unit"} on a
   * date/time column (units {@link GroupKey.Unit#NAMES}), or {@code "column.key"} / {@code "column.key.key"} on a
   * JSONB column. Null is no grouping. Every name is looked up in the model; JSON keys are checked here and bound as
   * values. No key may be called {@code count}: that is each group's count.
   */
  public static List<GroupKey> groupBy(ModelDescriptor model, Object value, String parameter) {
    if (value == null) {
      return List.of();
    }
    List<?> items = value instanceof String s ? List.of(s) : ParamValues.asList(value, parameter);
    if (items.isEmpty()) {
      throw new InvalidParameterException(parameter, "give at least one column to group by, or leave group_by out");
    }
    List<GroupKey> keys = new ArrayList<>(items.size());
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String path = parameter + "." + i;
      if (!(items.get(i) instanceof String entry)) {
        throw new InvalidParameterException(path, "expected \"column\", \"column:unit\" or \"column.key\" (a"
            + " string), got " + ParamValues.typeOf(items.get(i)));
      }
      if (seen.contains(entry)) {
        throw new InvalidParameterException(path, "this entry is listed twice");
      }
      seen.add(entry);
      GroupKey key = groupKey(model, entry, path);
      if (key.name().equals(CountNode.COUNT)) {
        throw new InvalidParameterException(path, "a group key named 'count' would hide each group's count; a"
            + " column named count cannot be a group key");
      }
      keys.add(key);
    }
    return List.copyOf(keys);
  }

  private static GroupKey groupKey(ModelDescriptor model, String entry, String path) {
    int colon = entry.indexOf(':');
    int dot = entry.indexOf('.');
    String name = colon >= 0 ? entry.substring(0, colon) : dot >= 0 ? entry.substring(0, dot) : entry;
    ColumnDescriptor column = model.column(name);
    if (column == null) {
      List<String> names = new ArrayList<>(model.columnsByName().keySet());
      throw new InvalidParameterException(path, "unknown column of " + model.modelName() + "; columns are " + names
          + ", as \"column\", \"date_column:unit\" (units " + GroupKey.Unit.NAMES + ") or \"json_column.key\"."
          + Suggestions.didYouMean(name, names));
    }
    if (colon >= 0) {
      String unitName = entry.substring(colon + 1);
      GroupKey.Unit unit = GroupKey.Unit.of(unitName);
      if (unit == null) {
        throw new InvalidParameterException(path, "unknown time unit; units are " + GroupKey.Unit.NAMES + "."
            + Suggestions.didYouMean(unitName, GroupKey.Unit.NAMES));
      }
      if (!column.javaType().isTemporal()) {
        throw new InvalidParameterException(path, "a time unit needs a date/time column; column '" + name + "' is "
            + column.sqlType());
      }
      if (unit == GroupKey.Unit.HOUR && column.javaType() == JavaType.LOCAL_DATE) {
        throw new InvalidParameterException(path, "column '" + name + "' is a DATE, which has no hours; use day,"
            + " week, month or year");
      }
      return new GroupKey(entry, column, unit, List.of());
    }
    if (dot >= 0) {
      if (column.javaType() != JavaType.JSON) {
        throw new InvalidParameterException(path, "\"column.key\" needs a JSON column; column '" + name + "' is "
            + column.sqlType());
      }
      List<String> jsonPath = List.of(entry.substring(dot + 1).split("\\.", -1));
      if (jsonPath.size() > MAX_JSON_DEPTH) {
        throw new InvalidParameterException(path, "a JSON path may have at most " + MAX_JSON_DEPTH + " keys");
      }
      for (String key : jsonPath) {
        if (!JSON_KEY.matcher(key).matches()) {
          throw new InvalidParameterException(path, "JSON keys in group_by are 1 to 63 letters, digits, '_' or '-',"
              + " separated by '.', such as \"intents.primary\"");
        }
      }
      return new GroupKey(entry, column, null, jsonPath);
    }
    return GroupKey.column(entry, column);
  }

  /**
   * {@code aggregates}: a map of names to one operator each, such as {@code {"avg_confidence": {"$avg":
   * "confidence"}}}; operators {@link Aggregate.Op#OPERATORS}, {@code $sum}/{@code $avg} on numeric columns only.
   * Names are plain identifiers and may not be {@code count}. Null is none.
   */
  public static List<Aggregate> aggregates(ModelDescriptor model, Object value, String parameter) {
    if (value == null) {
      return List.of();
    }
    Map<String, ?> map = ParamValues.asMap(value, parameter);
    List<Aggregate> aggregates = new ArrayList<>(map.size());
    for (Map.Entry<String, ?> e : map.entrySet()) {
      String name = e.getKey();
      if (!IDENTIFIER.matcher(name).matches()) {
        throw new InvalidParameterException(parameter, "aggregate names are plain identifiers (a letter or '_', then"
            + " letters, digits or '_', up to 63), such as avg_confidence");
      }
      String path = parameter + "." + name;
      if (name.equals(CountNode.COUNT)) {
        throw new InvalidParameterException(path, "'count' is each group's row count; name the aggregate otherwise");
      }
      if (!(e.getValue() instanceof Map<?, ?> operation) || operation.size() != 1) {
        throw new InvalidParameterException(path, "give one operator and its column, such as {\"$avg\":"
            + " \"confidence\"}; operators are " + Aggregate.Op.OPERATORS);
      }
      Map.Entry<?, ?> only = operation.entrySet().iterator().next();
      String operator = String.valueOf(only.getKey());
      String operatorPath = path + "." + Suggestions.cut(operator);
      Aggregate.Op op = Aggregate.Op.of(operator);
      if (op == null) {
        throw new InvalidParameterException(operatorPath, "unknown aggregate operator; operators are "
            + Aggregate.Op.OPERATORS + "." + Suggestions.didYouMean(operator, Aggregate.Op.OPERATORS));
      }
      if (!(only.getValue() instanceof String columnName)) {
        throw new InvalidParameterException(operatorPath, "expected a column name (a string), got "
            + ParamValues.typeOf(only.getValue()));
      }
      ColumnDescriptor column = model.column(columnName);
      if (column == null) {
        List<String> names = new ArrayList<>(model.columnsByName().keySet());
        throw new InvalidParameterException(operatorPath, "unknown column of " + model.modelName() + "; columns are "
            + names + "." + Suggestions.didYouMean(columnName, names));
      }
      if (!op.appliesTo(column.javaType())) {
        throw new InvalidParameterException(operatorPath, operator + " needs " + op.needs() + "; column '"
            + columnName + "' is " + column.sqlType());
      }
      aggregates.add(new Aggregate(name, op, column));
    }
    return List.copyOf(aggregates);
  }

  /**
   * Count's {@code limit}: the most groups, 1 or more (with no group returned, the count of all rows would be
   * unknown).
   */
  public static int groupLimit(Object value, String parameter) {
    int limit = ParamValues.nonNegativeInt(value, parameter);
    if (limit < 1) {
      throw new InvalidParameterException(parameter, "give 1 or more groups");
    }
    return limit;
  }

  /**
   * Refuses an aggregate named like a group key: both would be keys of one output group. Names checked by
   * {@link #groupBy} and {@link #aggregates}.
   */
  public static void aggregateNamesDistinct(List<GroupKey> keys, List<Aggregate> aggregates, String parameter) {
    for (Aggregate aggregate : aggregates) {
      for (GroupKey key : keys) {
        if (key.name().equals(aggregate.name())) {
          throw new InvalidParameterException(parameter + "." + aggregate.name(), "the aggregate has the name of a"
              + " group_by key; both would be keys of each group, so name the aggregate otherwise");
        }
      }
    }
  }

  private GroupCountValues() {}
}
