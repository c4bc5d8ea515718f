package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.testing.TestPostgres;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's promise: with {@code DATABASE_URL} set, the example runs on that server instead of starting its own.
 * Runs the example as a separate JVM, since the environment of this one cannot be changed.
 */
class DatabaseUrlEnvironmentTest {

  @Test
  void exampleRunsOnTheServerNamedByDatabaseUrl() throws Exception {
    String jdbcUrl = TestPostgres.newDatabase();                       // jdbc:postgresql://localhost:PORT/DB?...
    String hostAndDb = jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.indexOf('?') < 0
        ? jdbcUrl.length() : jdbcUrl.indexOf('?'));
    ProcessBuilder pb = new ProcessBuilder(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.slf4j.simpleLogger.log.dev.dataflow.runtime.embedded=info",
        ConversationMemoryExample.class.getName()));
    pb.environment().put("DATABASE_URL", "postgresql://postgres:postgres@" + hostAndDb);
    pb.redirectErrorStream(true);
    Process process = pb.start();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the example finished");
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), output);
    assertTrue(output.contains("Example completed successfully!"), output);
    assertTrue(!output.contains("Started embedded PostgreSQL"), "no embedded server was started:\n" + output);

    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM conversation_messages")) {
      rs.next();
      assertEquals(3, rs.getInt(1), "the example wrote its messages to the DATABASE_URL database");
    }
  }
}
