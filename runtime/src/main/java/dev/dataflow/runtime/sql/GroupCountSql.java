package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.SelectField;
import org.jooq.SortField;
import org.jooq.impl.DSL;

/**
 * Renders Count's grouped form: rows counted per group key ({@link GroupKey}: a column, a column truncated to a time
 * unit in UTC, or a JSONB key), with {@link Aggregate}s, the largest groups first. Keys and names come checked from
 * the node layer; this class renders what it is given.
 */
public final class GroupCountSql {
  static {
    Jooq.quiet();
  }

  private GroupCountSql() {}

  /**
   * A grouped count of the rows matching {@code condition}: one row per distinct combination of {@code keys}, each
   * with the key values, {@code count(*)}, the {@code aggregates} in order, and last the count of all matching rows
   * (the same on every row); ordered by the count, largest first, then by the keys; at most {@code limit} groups.
   * Read each row with {@link GroupReader}.
   *
   * <pre>{@code
   * select date_trunc('day', "created_at" at time zone 'UTC'), jsonb_extract_path_text("intents", ?), count(*),
   *     avg("confidence"), cast(sum(count(*)) over () as bigint)
   *   from "conversation_sessions" where "language" = ? group by 1, 2 order by 3 desc, 1, 2 fetch next ? rows only
   * }</pre>
   *
   * <p>The total is a window over the groups ({@code sum(count(*)) over ()}), computed before the limit, so one
   * statement on one snapshot gives both; a separate {@code count(*)} could disagree with the groups under
   * concurrent writes. With no matching row there is no group, and the total is 0. Groups are referred to by
   * position: a JSON path's keys are placeholders, and PostgreSQL does not know that two expressions with
   * different placeholders are the same, so {@code group by} and {@code order by} cannot repeat them.
   *
   * @throws IllegalArgumentException for no keys or a negative limit
   */
  public static RenderedSql render(ModelDescriptor model, Condition condition, List<GroupKey> keys,
      List<Aggregate> aggregates, int limit) {
    if (keys.isEmpty() || limit < 0) {
      throw new IllegalArgumentException("a grouped count needs at least one key and a limit of 0 or more");
    }
    List<SelectField<?>> select = new ArrayList<>();
    List<Field<?>> groupBy = new ArrayList<>();
    List<SortField<?>> order = new ArrayList<>();
    order.add(DSL.inline(keys.size() + 1).desc());
    for (int i = 0; i < keys.size(); i++) {
      select.add(groupExpression(SqlRenderer.knownColumn(model, keys.get(i).column().name()), keys.get(i)));
      groupBy.add(DSL.inline(i + 1));
      order.add(DSL.inline(i + 1).asc());
    }
    select.add(DSL.count());
    for (Aggregate aggregate : aggregates) {
      Field<Object> field = SqlTypes.field(SqlRenderer.knownColumn(model, aggregate.column().name()));
      select.add(switch (aggregate.op()) {
        case SUM -> DSL.function("sum", Object.class, field);
        case AVG -> DSL.function("avg", Object.class, field);
        case MIN -> DSL.function("min", Object.class, field);
        case MAX -> DSL.function("max", Object.class, field);
        case COUNT_DISTINCT -> DSL.countDistinct(field);
      });
    }
    select.add(DSL.field("cast(sum(count(*)) over () as bigint)", Long.class));
    return RenderedSql.render(Jooq.RENDER.select(select)
        .from(SqlRenderer.table(model))
        .where(condition)
        .groupBy(groupBy)
        .orderBy(order)
        .limit(SqlRenderer.rowCount(limit)));
  }

  /** The type of a JSON path key's placeholder: text. */
  private static final ColumnDescriptor JSON_KEY = ColumnDescriptor.column("json_key", "jsonKey",
      JavaType.STRING, "TEXT").notNull();

  private static Field<?> groupExpression(ColumnDescriptor column, GroupKey key) {
    Field<Object> field = SqlTypes.field(column);
    if (!key.jsonPath().isEmpty()) {
      List<Field<?>> arguments = new ArrayList<>();
      arguments.add(field);
      for (String name : key.jsonPath()) {
        arguments.add(SqlTypes.placeholder(JSON_KEY, name));
      }
      return DSL.function("jsonb_extract_path_text", String.class, arguments.toArray(Field<?>[]::new));
    }
    if (key.unit() == null) {
      return field;
    }
    Field<String> unit = DSL.inline(key.unit().keyword()); // a constant's keyword, never input text
    return switch (column.javaType()) {
      // In UTC, whatever the session's time zone: timestamptz at time zone 'UTC' is the UTC wall-clock time.
      case INSTANT, OFFSET_DATE_TIME -> DSL.field("date_trunc({0}, {1} at time zone 'UTC')", Object.class, unit,
          field);
      case LOCAL_DATE_TIME -> DSL.field("date_trunc({0}, {1})", Object.class, unit, field);
      case LOCAL_DATE -> DSL.field("cast(date_trunc({0}, cast({1} as timestamp)) as date)", Object.class, unit, field);
      default -> throw new IllegalArgumentException("column '" + column.name() + "' holds no date or time");
    };
  }
}
