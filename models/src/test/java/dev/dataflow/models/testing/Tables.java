package dev.dataflow.models.testing;

import dev.dataflow.runtime.DataFlow;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads tables straight through JDBC, to check what nodes wrote without going through the nodes. */
public final class Tables {
  private Tables() {}

  /** Every row of the table as JSON text, by key: equal snapshots mean an unchanged table. */
  public static List<String> snapshot(DataFlow db, String table) {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT to_jsonb(t)::text FROM \"" + table + "\" t ORDER BY 1")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  public static long count(DataFlow db, String table) {
    return snapshot(db, table).size();
  }

  public static void execute(DataFlow db, String sql) {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
