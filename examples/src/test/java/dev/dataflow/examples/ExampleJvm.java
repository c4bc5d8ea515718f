package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link ConversationMemoryExample} in a JVM of its own, as the README's command does, with the environment
 * given: this JVM's environment cannot be changed. Its logging is the example's own {@code simplelogger.properties}.
 */
final class ExampleJvm {
  /** What the run printed: standard output (the example's lines) and standard error (the log). */
  record Run(int exitValue, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(line -> !line.isBlank()).toList();
    }
  }

  private ExampleJvm() {}

  /** Runs the example with the database variables of this JVM cleared, then {@code environment} set. */
  static Run run(Map<String, String> environment) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"),
        "-Dorg.jooq.no-logo=true", "-Dorg.jooq.no-tips=true",
        ConversationMemoryExample.class.getName()));
    pb.environment().remove("DATABASE_URL");
    pb.environment().remove("DATAFLOW_EMBEDDED");
    pb.environment().putAll(environment);
    Path out = Files.createTempFile("example-out-", ".txt");
    Path err = Files.createTempFile("example-err-", ".txt");
    try {
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Process process = pb.start();
      assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the example finished");
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
