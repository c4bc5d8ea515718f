package dev.dataflow.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.TestBuilders;
import dev.dataflow.runtime.embedded.EmbeddedServerProvider;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.testing.StandardErr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL, found on the class path: data kept in a directory across restarts, a directory in use or
 * holding other files refused, the embedded server switched off for production even when this artifact is present,
 * and the one start-up line that says which server is used (the server's own output at DEBUG only).
 */
class EmbeddedDatabaseTest {
  private static final Map<String, String> NO_VARIABLES = Map.of();

  /** No models, no migrations: these tests are about the server, not the schema. */
  private static DataFlow.Builder builder(Map<String, String> environment) {
    return TestBuilders.withEnvironment(environment).registry(NodeRegistry.builder().build()).autoMigrate(false);
  }

  @Test
  void theRuntimeFindsThisArtifactsServerOnTheClassPath() {
    assertEquals(EmbeddedPostgresProvider.class, EmbeddedServerProvider.find(getClass().getClassLoader())
        .orElseThrow().getClass(), "registered in META-INF/services by @AutoService");
  }

  @Test
  void dataInTheDirectoryOutlivesCloseAndIsReadBackAfterARestart(@TempDir Path tmp) throws Exception {
    Path directory = tmp.resolve("dev-db");

    try (DataFlow db = builder(NO_VARIABLES).embeddedDataDirectory(directory).build()) {
      assertTrue(db.isEmbedded());
      execute(db, "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT NOT NULL)");
      execute(db, "INSERT INTO notes VALUES (1, 'kept across restarts')");
    }
    assertTrue(Files.exists(directory.resolve("PG_VERSION")), "initialised on first use");
    assertFalse(Files.exists(directory.resolve("postmaster.pid")), "the server was stopped at close");

    try (DataFlow db = builder(NO_VARIABLES).embeddedDataDirectory(directory).build()) {
      assertEquals(List.of("kept across restarts"), bodies(db));
    }
    assertTrue(Files.exists(directory.resolve("PG_VERSION")), "the data is still there after the second close");
  }

  @Test
  void aSecondInstanceOnADirectoryInUseIsRefusedAndTheFirstGoesOn(@TempDir Path tmp) throws Exception {
    Path directory = tmp.resolve("shared-db");
    try (DataFlow first = builder(NO_VARIABLES).embeddedDataDirectory(directory).build()) {
      execute(first, "CREATE TABLE notes (id INT PRIMARY KEY, body TEXT NOT NULL)");

      DataFlowException e = assertThrows(DataFlowException.class,
          () -> builder(NO_VARIABLES).embeddedDataDirectory(directory).build().close());

      String message = e.getMessage();
      assertTrue(message.contains("The embedded data directory " + directory.toAbsolutePath() + " is in use by a "
          + "running PostgreSQL (PID "), message);
      assertTrue(message.contains("Close it first, or give this one another directory"), message);
      execute(first, "INSERT INTO notes VALUES (1, 'still running')");
      assertEquals(List.of("still running"), bodies(first));
    }
  }

  @Test
  void aDirectoryWithOtherFilesIsRefusedAndLeftAsItWas(@TempDir Path tmp) throws Exception {
    Path directory = Files.createDirectories(tmp.resolve("documents"));
    Files.writeString(directory.resolve("notes.txt"), "mine");

    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(NO_VARIABLES).embeddedDataDirectory(directory).build().close());

    assertTrue(e.getMessage().contains("The embedded data directory " + directory.toAbsolutePath() + " is not empty "
        + "and holds no PostgreSQL data (no PG_VERSION file)"), e.getMessage());
    try (Stream<Path> files = Files.list(directory)) {
      assertEquals(List.of(directory.resolve("notes.txt")), files.toList());
    }
    assertEquals("mine", Files.readString(directory.resolve("notes.txt")));
  }

  @Test
  void aDataDirectoryTheServerCannotStartOnFailsWithTheServersOwnReason(@TempDir Path tmp) throws Exception {
    Path directory = tmp.resolve("old-db");
    builder(NO_VARIABLES).embeddedDataDirectory(directory).build().close();
    Files.writeString(directory.resolve("PG_VERSION"), "9\n");           // as if an older PostgreSQL made it

    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(NO_VARIABLES).embeddedDataDirectory(directory).build().close());

    assertTrue(e.getMessage().startsWith("Could not start the embedded PostgreSQL"), e.getMessage());
    assertTrue(e.getMessage().contains("data in " + directory.toAbsolutePath() + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("The server's last lines: "), e.getMessage());
    assertTrue(e.getMessage().contains("database files are incompatible with server"), e.getMessage());
  }

  @Test
  void embeddedFalseWithoutAUrlIsRefusedNamingDatabaseUrl() {
    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(NO_VARIABLES).embedded(false).build().close());

    assertEquals("No database is set and the embedded PostgreSQL is off (embedded(false)). Set the DATABASE_URL "
        + "environment variable (postgresql://user:password@host:port/database) or call databaseUrl(...) on "
        + "DataFlow.builder().", e.getMessage());
  }

  @Test
  void dataflowEmbeddedFalseInTheEnvironmentIsRefusedUnlessTheBuilderSaysOtherwise() {
    Map<String, String> production = Map.of("DATAFLOW_EMBEDDED", "false");

    DataFlowException e = assertThrows(DataFlowException.class, () -> builder(production).build().close());
    assertTrue(e.getMessage().startsWith("No database is set and the embedded PostgreSQL is off "
        + "(DATAFLOW_EMBEDDED=false). Set the DATABASE_URL environment variable"), e.getMessage());

    try (DataFlow db = builder(production).embedded(true).build()) {
      assertTrue(db.isEmbedded(), "the builder wins over the environment");
    }
  }

  @Test
  void oneStartUpLineSaysWhichEmbeddedServerAndTheServersOwnOutputIsDebugOnly(@TempDir Path tmp) {
    String temporary;
    String kept;
    Path directory = tmp.resolve("kept-db");
    try (StandardErr err = new StandardErr()) {
      builder(NO_VARIABLES).build().close();
      temporary = err.text();
    }
    try (StandardErr err = new StandardErr()) {
      builder(NO_VARIABLES).embeddedDataDirectory(directory).build().close();
      kept = err.text();
    }

    Pattern temporaryLine = Pattern.compile("INFO dev\\.dataflow\\.runtime\\.DataFlow - Using embedded PostgreSQL "
        + "17\\.\\d+ on port \\d+, data in \\S+dataflow-postgres-\\S+, deleted at close \\(0 models, \\d+ node types\\)");
    assertEquals(1, infoLines(temporary, "dev.dataflow.runtime.DataFlow").size(), temporary);
    assertTrue(temporaryLine.matcher(temporary).find(), temporary);
    Pattern keptLine = Pattern.compile("INFO dev\\.dataflow\\.runtime\\.DataFlow - Using embedded PostgreSQL "
        + "17\\.\\d+ on port \\d+, data kept in " + Pattern.quote(directory.toAbsolutePath().toString()) + " \\(");
    assertTrue(keptLine.matcher(kept).find(), kept);

    // Positive control: initdb's and the server's output were captured, at DEBUG on their own logger ...
    assertTrue(temporary.contains("DEBUG dev.dataflow.embedded.postgres - The files belonging to this "
        + "database system will be owned by user"), temporary);
    assertTrue(temporary.contains("DEBUG dev.dataflow.embedded.postgres - ")
        && temporary.contains("database system is ready to accept connections"), temporary);
    // ... and nowhere else: zonky, which would log it at INFO, never saw it.
    for (String line : temporary.lines().toList()) {
      if (line.contains("The files belonging to this database system") || line.contains("ready to accept")) {
        assertTrue(line.contains(" DEBUG dev.dataflow.embedded.postgres - "), line);
      }
    }
    assertFalse(temporary.contains("INFO io.zonky.test.db.postgres.embedded.EmbeddedPostgres - The files"), temporary);
  }

  private static List<String> infoLines(String log, String logger) {
    return log.lines().filter(line -> line.contains(" INFO " + logger + " - ")).toList();
  }

  private static void execute(DataFlow db, String sql) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> bodies(DataFlow db) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM notes ORDER BY id")) {
      List<String> bodies = new java.util.ArrayList<>();
      while (rs.next()) {
        bodies.add(rs.getString(1));
      }
      return bodies;
    }
  }
}
