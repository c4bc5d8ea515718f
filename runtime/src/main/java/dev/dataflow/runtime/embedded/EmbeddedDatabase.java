package dev.dataflow.runtime.embedded;

import dev.dataflow.runtime.DataFlowException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started in a temporary directory for one {@code DataFlow} and stopped with it, used when
 * no database URL is configured. For examples, tests and prototypes; set {@code DATABASE_URL} in production.
 */
public final class EmbeddedDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts a server on a free local port. */
  public static EmbeddedDatabase start() {
    long started = System.nanoTime();
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
      LOG.info("Started embedded PostgreSQL on port {} in {} ms", postgres.getPort(),
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedDatabase(postgres);
    } catch (IOException | RuntimeException e) {
      throw new DataFlowException("Could not start the embedded PostgreSQL (used because neither databaseUrl(...) nor "
          + "DATABASE_URL is set): " + e.getMessage() + ". Set DATABASE_URL to use a running server instead.", e);
    }
  }

  /** The JDBC URL of the {@code postgres} database, as user {@code postgres}. */
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
    }
  }
}
