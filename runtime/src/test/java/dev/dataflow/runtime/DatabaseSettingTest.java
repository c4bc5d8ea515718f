package dev.dataflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.embedded.EmbeddedServerProvider;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.testing.StandardErr;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Which database {@code build()} uses, with the runtime alone on the class path (as in production): no embedded
 * server comes with it, so a missing URL names the artifact to add and the variable to set. The embedded server's own
 * tests are in the module dataflow-embedded.
 */
class DatabaseSettingTest {

  /** No models, no migrations: these tests are about the connection, not the schema. */
  private static DataFlow.Builder builder(Map<String, String> environment) {
    return DataFlow.builder().environment(environment).registry(NodeRegistry.builder().build()).autoMigrate(false);
  }

  @Test
  void withoutTheEmbeddedArtifactAndWithoutAUrlTheErrorNamesTheDependencyToAddAndDatabaseUrl() {
    // The premise: the runtime's tests do not have dataflow-embedded on their class path.
    assertTrue(EmbeddedServerProvider.find(Thread.currentThread().getContextClassLoader()).isEmpty());

    DataFlowException e = assertThrows(DataFlowException.class, () -> builder(Map.of()).build().close());

    assertEquals("No database is set (neither databaseUrl(...) nor the DATABASE_URL environment variable) and no "
        + "embedded PostgreSQL is on the class path. For a database on your own server, set DATABASE_URL "
        + "(postgresql://user:password@host:port/database) or call databaseUrl(...) on DataFlow.builder(). For an "
        + "embedded PostgreSQL in tests, examples or development, add the dependency dev.dataflow:dataflow-embedded "
        + "(the same version as dataflow-runtime; <scope>test</scope> to keep its binaries out of production): "
        + "<dependency><groupId>dev.dataflow</groupId><artifactId>dataflow-embedded</artifactId><version>...</version>"
        + "<scope>test</scope></dependency>.", e.getMessage());
  }

  @Test
  void embeddedFalseWithoutAUrlIsRefusedNamingDatabaseUrlBeforeLookingForTheEmbeddedServer() {
    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(Map.of()).embedded(false).build().close());

    assertEquals("No database is set and the embedded PostgreSQL is off (embedded(false)). Set the DATABASE_URL "
        + "environment variable (postgresql://user:password@host:port/database) or call databaseUrl(...) on "
        + "DataFlow.builder().", e.getMessage());
  }

  @Test
  void dataflowEmbeddedFalseInTheEnvironmentIsNamedInTheRefusal() {
    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(Map.of("DATAFLOW_EMBEDDED", "false")).build().close());

    assertTrue(e.getMessage().startsWith("No database is set and the embedded PostgreSQL is off "
        + "(DATAFLOW_EMBEDDED=false). Set the DATABASE_URL environment variable"), e.getMessage());
  }

  @Test
  void aDatabaseUrlNeedsNoEmbeddedServer() {
    String url = TestPostgres.newDatabase();
    try (DataFlow db = builder(Map.of("DATAFLOW_EMBEDDED", "false", "DATABASE_URL", url)).build()) {
      assertFalse(db.isEmbedded());
    }
  }

  @Test
  void dataflowEmbeddedTakesOnlyTrueOrFalse() {
    DataFlowException e = assertThrows(DataFlowException.class,
        () -> builder(Map.of("DATAFLOW_EMBEDDED", "flase")).build().close());
    assertEquals("DATAFLOW_EMBEDDED must be true or false; it is 'flase'", e.getMessage());
  }

  @Test
  void oneStartUpLineNamesTheServersHostPortAndDatabaseButNeverThePassword() {
    String jdbcUrl = TestPostgres.newDatabase();                       // jdbc:postgresql://localhost:PORT/DB?...
    String hostPortDatabase = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.indexOf('?'));
    String log;
    try (StandardErr err = new StandardErr()) {
      builder(Map.of("DATABASE_URL", "postgresql://postgres:Secret-Pw-42@" + hostPortDatabase)).build().close();
      log = err.text();
    }

    assertTrue(Pattern.compile("INFO dev\\.dataflow\\.runtime\\.DataFlow - Using PostgreSQL 17\\.\\d+ at "
        + Pattern.quote(hostPortDatabase) + " as user postgres \\(0 models").matcher(log).find(), log);
    assertEquals(1, log.lines().filter(line -> line.contains(" INFO dev.dataflow.runtime.DataFlow - ")).count(), log);
    assertFalse(log.contains("Secret-Pw-42"), log);
    assertFalse(log.contains("embedded"), log);
  }
}
