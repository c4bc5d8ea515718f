package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's first command on an embedded PostgreSQL: the console shows the example's lines and one line saying
 * which database is used, and no database chatter (no initdb or server output, no pool or migration lines).
 */
class ExampleConsoleTest {

  @Test
  void onItsEmbeddedServerTheExamplePrintsOneDatabaseLineAndNoChatter() throws Exception {
    ExampleJvm.Run run = ExampleJvm.run(Map.of());

    assertEquals(0, run.exitValue(), run.out() + run.err());
    assertTrue(run.out().startsWith("[OK] Initialized 3 conversation models"), run.out());
    assertTrue(run.out().strip().endsWith("Example completed successfully!"), run.out());
    assertEquals(1, run.errLines().size(), "one log line:\n" + run.err());
    assertTrue(Pattern.matches("INFO DataFlow - Using embedded PostgreSQL 17\\.\\d+ on port \\d+, data in \\S+, "
        + "deleted at close \\(\\d+ models, \\d+ node types\\)", run.errLines().get(0)), run.err());
    assertFalse(run.out().contains("\u001b") || run.err().contains("\u001b"), "no ANSI escape codes:\n" + run.out()
        + run.err());
  }

  /**
   * The README's command runs the example inside Maven, whose console library writes an ANSI reset ({@code ESC[0m})
   * to both streams at exit even with {@code -q} and {@code -B}; the build's {@code .mvn/jvm.config} turns it off.
   */
  @Test
  void mavenRunsWithoutItsAnsiResetAtExit() throws Exception {
    List<String> jvmConfig = Files.readAllLines(Path.of("..", ".mvn", "jvm.config"));
    assertTrue(jvmConfig.stream().anyMatch(line -> line.contains("-Djansi.noreset=true")), jvmConfig.toString());
  }
}
