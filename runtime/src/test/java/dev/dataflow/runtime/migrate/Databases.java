package dev.dataflow.runtime.migrate;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads a test database's state straight over JDBC, independent of DataFlow. */
final class Databases {
  private Databases() {}

  /** The successful versioned rows of Flyway's history, as {@code version:script}, in the order applied. */
  static List<String> history(String url) throws SQLException {
    return strings(url, "SELECT version || ':' || script FROM flyway_schema_history "
        + "WHERE version IS NOT NULL AND success ORDER BY installed_rank");
  }

  /** Every row of Flyway's history, failed ones included, as {@code version:success}. */
  static List<String> allHistory(String url) throws SQLException {
    return strings(url, "SELECT coalesce(version, '-') || ':' || success FROM flyway_schema_history "
        + "ORDER BY installed_rank");
  }

  static boolean tableExists(String url, String table) throws SQLException {
    return !strings(url, "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
        + "AND table_name = ?", table).isEmpty();
  }

  static boolean historyExists(String url) throws SQLException {
    return tableExists(url, "flyway_schema_history");
  }

  static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
      ps.execute();
    }
  }

  private static List<String> strings(String url, String sql, String... params) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url); PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setString(i + 1, params[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }
}
