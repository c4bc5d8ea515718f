package dev.dataflow.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;

/**
 * DataFlow's HikariCP pool as the engine borrows from it: a borrow that fails is a {@link DatabaseException} that
 * says why, never the pool's own exception.
 */
final class ConnectionPool {
  private final HikariDataSource dataSource;
  /** What a failed borrow says it was doing, naming the server when there is more than one. */
  private final String borrowing;
  /** The server as errors name it, or null when there is only one. */
  private final String server;

  ConnectionPool(HikariDataSource dataSource) {
    this(dataSource, null);
  }

  /**
   * @param server the server this pool connects to, as errors name it ({@code "the primary database host:5432/app"}),
   *     or null when there is only one
   */
  ConnectionPool(HikariDataSource dataSource, String server) {
    this.dataSource = dataSource;
    this.server = server;
    this.borrowing = server == null ? "getting a database connection" : "getting a connection to " + server;
  }

  /**
   * A connection, waiting at most the pool's connection timeout.
   *
   * @throws DatabaseException {@link DatabaseException#poolExhausted()} when every connection stayed in use for the
   *     whole timeout; {@link DatabaseException#connectionLost()} when the database could not be reached
   */
  Connection borrow() {
    try {
      return dataSource.getConnection();
    } catch (SQLTransientConnectionException e) {
      // HikariCP gives the timeout the state of its last failed attempt to connect, if there was one: then the
      // database is unreachable, and a bigger pool would not help.
      if (e.getSQLState() == null && e.getCause() == null) {
        throw exhausted();
      }
      throw DatabaseErrors.translate(e, borrowing);
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, borrowing);
    }
  }

  /** The server as errors name it ({@code "the primary database host:5432/app"}), or null when there is only one. */
  String server() {
    return server;
  }

  private DatabaseException exhausted() {
    int size = dataSource.getMaximumPoolSize();
    Duration timeout = Duration.ofMillis(dataSource.getConnectionTimeout());
    return DatabaseException.poolTimeout("no database connection became free within "
        + describe(timeout) + ": all " + size + (size == 1 ? " connection" : " connections") + " of DataFlow's pool"
        + " were in use (the pool is exhausted), so nothing was sent to the database. Wait longer or allow more"
        + " connections with DataFlow.builder().connectionTimeout(Duration) (now " + describe(timeout) + ") or"
        + " .maximumPoolSize(int) (now " + size + "; PostgreSQL's max_connections must allow it), or run fewer nodes"
        + " and workflows at once (ExecutionOptions parallelism)");
  }

  /** "30 s", "1.5 s", "250 ms": as a person would write the setting. */
  static String describe(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.valueOf(ms / 1000.0)) + " s";
  }
}
