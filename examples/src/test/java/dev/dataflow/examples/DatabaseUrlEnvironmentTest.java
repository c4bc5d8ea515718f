package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: with {@code DATABASE_URL} set, the example runs on that server instead of starting its own,
 * and says so in its start-up line; with {@code DATAFLOW_EMBEDDED=false} (the production setting) and no
 * {@code DATABASE_URL} it fails instead of starting one.
 */
class DatabaseUrlEnvironmentTest {

  @Test
  void exampleRunsOnTheServerNamedByDatabaseUrl() throws Exception {
    String jdbcUrl = TestPostgres.newDatabase();                       // jdbc:postgresql://localhost:PORT/DB?...
    String hostAndDb = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.indexOf('?') < 0
        ? jdbcUrl.length() : jdbcUrl.indexOf('?'));

    ExampleJvm.Run run = ExampleJvm.run(Map.of(
        "DATABASE_URL", "postgresql://postgres:Secret-Pw-42@" + hostAndDb, "DATAFLOW_EMBEDDED", "false"));

    assertEquals(0, run.exitValue(), run.out() + run.err());
    assertTrue(run.out().contains("Example completed successfully!"), run.out());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(Pattern.matches("INFO DataFlow - Using PostgreSQL 17\\.\\d+ at " + Pattern.quote(hostAndDb)
        + " as user postgres \\(\\d+ models, \\d+ node types\\)", run.errLines().get(0)), run.err());
    assertFalse(run.err().contains("Secret-Pw-42"), "never the password:\n" + run.err());

    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM conversation_messages")) {
      rs.next();
      assertEquals(3, rs.getInt(1), "the example wrote its messages to the DATABASE_URL database");
    }
  }

  @Test
  void withDataflowEmbeddedFalseAMissingDatabaseUrlFailsTheStart() throws Exception {
    ExampleJvm.Run run = ExampleJvm.run(Map.of("DATAFLOW_EMBEDDED", "false"));

    assertNotEquals(0, run.exitValue(), run.out() + run.err());
    assertTrue(run.err().contains("No database is set and the embedded PostgreSQL is off (DATAFLOW_EMBEDDED=false). "
        + "Set the DATABASE_URL environment variable"), run.err());
    assertEquals("", run.out(), "nothing ran");
  }
}
