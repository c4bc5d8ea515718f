package dev.dataflow.runtime.embedded;

/**
 * A running PostgreSQL server started for one {@code DataFlow} by an {@link EmbeddedServerProvider}, and stopped
 * with it by {@link #close()}.
 */
public interface EmbeddedDatabase extends AutoCloseable {

  /** The JDBC URL of the database to use, with its user and password as URL parameters. */
  String jdbcUrl();

  /**
   * Says which server this is, for the start-up line, for example {@code embedded PostgreSQL 17.6 on port 54321,
   * data in DIR, deleted at close} or {@code ..., data kept in DIR}.
   *
   * @param serverVersion the version the server reports, for example {@code 17.6}
   */
  String describe(String serverVersion);

  /** Stops the server (its kept data whole) and deletes what was temporary; never throws. */
  @Override
  void close();
}
