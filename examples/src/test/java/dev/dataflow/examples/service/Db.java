package dev.dataflow.examples.service;

import dev.dataflow.runtime.DataFlow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plain SQL for the tests' checks of what the handler stored. */
final class Db {
  private Db() {}

  static long count(DataFlow db, String table) {
    return ((Number) one(db, "select count(*) from " + table)).longValue();
  }

  /** The first column of the first row. */
  static Object one(DataFlow db, String sql) {
    List<Map<String, Object>> rows = rows(db, sql);
    return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
  }

  static List<Map<String, Object>> rows(DataFlow db, String sql) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
          row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("query failed: " + sql, e);
    }
  }

  static void execute(DataFlow db, String sql) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("statement failed: " + sql, e);
    }
  }

  /** The user's {@code intent_frequencies}, intent → count. */
  static Map<String, Integer> intentFrequencies(DataFlow db, String userId) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Map<String, Object> row : rows(db, "select e.key, e.value::text::int as n from user_interaction_summaries s,"
        + " jsonb_each(s.intent_frequencies) e where s.user_id = '" + userId.replace("'", "''") + "'")) {
      counts.put((String) row.get("key"), (Integer) row.get("n"));
    }
    return counts;
  }

  /** Rows in every table the handler writes, by table. */
  static Map<String, Long> written(DataFlow db) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : List.of("conversation_sessions", "conversation_messages", "customers", "orders",
        "order_items", "user_interaction_summaries")) {
      counts.put(table, count(db, table));
    }
    return counts;
  }
}
