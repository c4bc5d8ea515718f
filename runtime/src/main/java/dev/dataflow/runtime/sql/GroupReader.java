package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.JavaType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the rows of {@link GroupCountSql#render} by position: each key's value, {@code count}, each aggregate,
 * then the count of all matching rows.
 */
public final class GroupReader {
  /** The output key of a group's row count. */
  public static final String COUNT = "count";

  private GroupReader() {}

  /**
   * The current group: {@code {<key name>: value, ..., count: n, <aggregate name>: value, ...}}. A column's value is
   * its Java type; a time bucket of a TIMESTAMPTZ column an {@code Instant} (UTC), of a TIMESTAMP column a
   * {@code LocalDateTime}, of a DATE column a {@code LocalDate}; a JSON path's value its text (null when absent).
   */
  public static LinkedHashMap<String, Object> read(ResultSet rs, List<GroupKey> keys, List<Aggregate> aggregates)
      throws SQLException {
    LinkedHashMap<String, Object> group = new LinkedHashMap<>();
    int index = 1;
    for (GroupKey key : keys) {
      group.put(key.name(), keyValue(rs, index++, key));
    }
    group.put(COUNT, rs.getLong(index++));
    for (Aggregate aggregate : aggregates) {
      group.put(aggregate.name(), JdbcValues.read(rs, index++, aggregate.result()));
    }
    return group;
  }

  /** The count of all matching rows, from any group row. */
  public static long total(ResultSet rs, List<GroupKey> keys, List<Aggregate> aggregates) throws SQLException {
    return rs.getLong(keys.size() + aggregates.size() + 2);
  }

  private static Object keyValue(ResultSet rs, int index, GroupKey key) throws SQLException {
    if (!key.jsonPath().isEmpty()) {
      return rs.getString(index);
    }
    if (key.unit() != null) {
      JavaType type = key.column().javaType();
      if (type == JavaType.INSTANT || type == JavaType.OFFSET_DATE_TIME) {
        LocalDateTime utc = rs.getObject(index, LocalDateTime.class);
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
      }
    }
    return JdbcValues.read(rs, index, key.column());
  }
}
