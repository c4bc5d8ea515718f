package dev.dataflow.runtime.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM (embedded, started on first use, stopped at JVM exit). Tests that need
 * isolation take a fresh database with {@link #newDatabase()}.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static EmbeddedPostgres server;

  private TestPostgres() {}

  /** The running server, started on first call. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("could not start the embedded PostgreSQL for tests", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is exiting; the server's directory is temporary
        }
      }));
    }
    return server;
  }

  /** Creates an empty database and returns its JDBC URL (user and password {@code postgres}). */
  public static String newDatabase() {
    String name = "test_" + DATABASES.incrementAndGet() + "_" + ProcessHandle.current().pid();
    DataSource admin = server().getPostgresDatabase();
    try (Connection c = admin.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("could not create test database " + name, e);
    }
    return server().getJdbcUrl("postgres", name);
  }

  /** A data source on a fresh, empty database. */
  public static DataSource newDataSource() {
    String url = newDatabase();
    org.postgresql.ds.PGSimpleDataSource ds = new org.postgresql.ds.PGSimpleDataSource();
    ds.setUrl(url);
    ds.setUser("postgres");
    ds.setPassword("postgres");
    return ds;
  }
}
