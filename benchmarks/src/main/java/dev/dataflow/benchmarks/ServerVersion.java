package dev.dataflow.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Prints the PostgreSQL server the benchmarks run on ({@code select version()}): the embedded one, or
 * {@code DATABASE_URL}'s. For run-all.sh's description of the machine.
 */
public final class ServerVersion {
  private ServerVersion() {}

  public static void main(String[] args) throws Exception {
    try (BenchmarkDatabase db = new BenchmarkDatabase(); Connection c = db.dataSource.getConnection();
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select version()")) {
      rs.next();
      System.out.println(rs.getString(1));
    }
  }
}
