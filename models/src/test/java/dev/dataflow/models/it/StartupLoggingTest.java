package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Captured;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a start says at INFO under a default SLF4J configuration (slf4j-simple at INFO, as in these tests): DataFlow's
 * line naming the database, one line per applied migration naming its version and description, and the connection
 * pool's start under the pool name {@code dataflow}; nothing of Flyway's own commentary, which is at DEBUG.
 */
class StartupLoggingTest {
  private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");

  /** The committed migrations, as {version, description, file}. */
  private static List<String[]> committedMigrations() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      return files.map(f -> f.getFileName().toString()).sorted()
          .map(MIGRATION_FILE::matcher).filter(Matcher::matches)
          .map(m -> new String[] {m.group(1), m.group(2).replace('_', ' '), m.group()})
          .toList();
    }
  }

  private static List<String> infoLines(String log) {
    return log.lines().filter(line -> line.contains(" INFO ")).toList();
  }

  private static String start(String url) {
    return Captured.err(() -> DataFlow.builder().databaseUrl(url).maximumPoolSize(1)
        .createMissingTables(true) // the test models have no migration (a WARN line each, at the first start)
        .build().close());
  }

  @Test
  void aStartSaysOneInfoLinePerAppliedMigrationAndFlywayOnlyAtDebug() throws IOException {
    List<String[]> migrations = committedMigrations();
    assertTrue(migrations.size() >= 3, "the seed's migrations: " + migrations.size());
    String url = TestPostgres.newDatabase();

    List<String> first = infoLines(start(url));
    List<String> applied = first.stream().filter(line -> line.contains("SchemaMigrator")).toList();
    assertEquals(migrations.size(), applied.size(), String.join("\n", first));
    for (int i = 0; i < migrations.size(); i++) {
      String[] m = migrations.get(i);
      String expected = "Applied migration " + m[0] + " (" + m[1] + ") from " + m[2] + " in ";
      assertTrue(applied.get(i).contains(expected) && applied.get(i).matches(".* in \\d+ ms$"),
          "expected '" + expected + "... ms' in: " + applied.get(i));
    }
    assertNoFlywayOrOtherChatter(first);

    List<String> second = infoLines(start(url));
    List<String> upToDate = second.stream().filter(line -> line.contains("SchemaMigrator")).toList();
    assertEquals(List.of("Schema up to date at version " + migrations.get(migrations.size() - 1)[0]),
        upToDate.stream().map(line -> line.substring(line.indexOf(" - ") + 3)).toList(), String.join("\n", second));
    assertNoFlywayOrOtherChatter(second);
  }

  /** Every INFO line is DataFlow's, the migrator's, or the pool's (named {@code dataflow}); none is Flyway's. */
  private static void assertNoFlywayOrOtherChatter(List<String> info) {
    String all = String.join("\n", info);
    assertFalse(all.contains("org.flywaydb"), "Flyway's lines are at DEBUG:\n" + all);
    assertEquals(1, info.stream().filter(line -> line.contains("dev.dataflow.runtime.DataFlow - Using PostgreSQL"))
        .count(), all);
    for (String line : info) {
      boolean known = line.contains("dev.dataflow.runtime.DataFlow - ")
          || line.contains("dev.dataflow.runtime.migrate.SchemaMigrator - ")
          || line.contains("com.zaxxer.hikari.") && line.contains(" - dataflow - ");
      assertTrue(known, "unexpected INFO line: " + line + "\nin:\n" + all);
    }
  }
}
