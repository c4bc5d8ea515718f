package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import java.util.List;
import java.util.Locale;

/**
 * One key of a grouped count ({@link GroupCountSql#render}): a column, a date/time column truncated to a
 * {@link Unit}, or a text value at a path of keys inside a JSONB column. The node layer builds it from a checked
 * {@code group_by} entry; the renderer trusts it.
 *
 * @param name the key's name in each output group: the {@code group_by} entry as given ({@code "created_at:day"})
 * @param column the model's column
 * @param unit the truncation of a date/time column, else null
 * @param jsonPath the keys inside a JSONB column (each bound as a value, never rendered), else empty
 */
public record GroupKey(String name, ColumnDescriptor column, Unit unit, List<String> jsonPath) {

  public GroupKey {
    jsonPath = List.copyOf(jsonPath);
    if (unit != null && !column.javaType().isTemporal()) {
      throw new IllegalArgumentException("a time unit needs a date/time column; '" + column.name() + "' is "
          + column.sqlType());
    }
    if (unit == Unit.HOUR && column.javaType() == JavaType.LOCAL_DATE) {
      throw new IllegalArgumentException("a DATE column has no hours: '" + column.name() + "'");
    }
    if (!jsonPath.isEmpty() && column.javaType() != JavaType.JSON) {
      throw new IllegalArgumentException("a JSON path needs a JSONB column; '" + column.name() + "' is "
          + column.sqlType());
    }
    if (unit != null && !jsonPath.isEmpty()) {
      throw new IllegalArgumentException("a group key is a time bucket or a JSON path, not both");
    }
  }

  /** A plain column. */
  public static GroupKey column(String name, ColumnDescriptor column) {
    return new GroupKey(name, column, null, List.of());
  }

  /**
   * The units a date/time column is truncated to, in UTC for TIMESTAMPTZ columns. Each renders its own fixed
   * keyword; text from the input only ever selects a constant ({@link #of}).
   */
  public enum Unit {
    HOUR, DAY, WEEK, MONTH, YEAR;

    /** The units' names as a {@code group_by} entry spells them: {@code [hour, day, week, month, year]}. */
    public static final List<String> NAMES = List.of("hour", "day", "week", "month", "year");

    /** {@code "day"} → {@link #DAY}; null for any other text. */
    public static Unit of(String name) {
      int index = NAMES.indexOf(name);
      return index < 0 ? null : values()[index];
    }

    /** The keyword of PostgreSQL's {@code date_trunc}. */
    String keyword() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
