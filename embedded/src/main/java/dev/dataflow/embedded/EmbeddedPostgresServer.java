package dev.dataflow.embedded;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.embedded.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server started for one {@code DataFlow} and stopped with it, used when no database URL is
 * configured. For examples, tests, prototypes and a development database on disk; set {@code DATABASE_URL} in
 * production.
 *
 * <p>The data is either in a temporary directory deleted at close ({@link #startTemporary()}) or in a directory
 * kept across restarts ({@link #startIn(Path)}). Either way the server listens on a free local port chosen at each
 * start, and what its programs print ({@code initdb}, {@code pg_ctl}, {@code postgres}) is logged at DEBUG on
 * {@code dev.dataflow.embedded.postgres}, never on the console at INFO.
 */
final class EmbeddedPostgresServer implements EmbeddedDatabase {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
  private static final String LAST_LINES_HEADER = " The server's last lines: ";

  private final EmbeddedPostgres postgres;
  private final Path dataDirectory;
  /** The directory holding a temporary data directory and the output file, deleted at close; null when kept. */
  private final Path temporaryRoot;
  private final ServerOutput output;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory, Path temporaryRoot,
      ServerOutput output) {
    this.postgres = postgres;
    this.dataDirectory = dataDirectory;
    this.temporaryRoot = temporaryRoot;
    this.output = output;
  }

  /** Starts a server whose data lives in a new temporary directory, deleted by {@link #close()}. */
  static EmbeddedPostgresServer startTemporary() {
    Path root;
    try {
      root = Files.createTempDirectory("dataflow-postgres-");
    } catch (IOException e) {
      throw cannotStart("could not create a temporary directory: " + e.getMessage(), e);
    }
    return start(root.resolve("data"), root, root.resolve("server.log"));
  }

  /**
   * Starts a server on the data in {@code directory}, which it keeps: a new or empty directory is initialised
   * ({@code initdb}), one initialised before is reused.
   *
   * @throws DataFlowException when the directory is a file, holds other files than PostgreSQL's (no
   *     {@code PG_VERSION}), or is in use by a running server
   */
  static EmbeddedPostgresServer startIn(Path directory) {
    Path dataDirectory = directory.toAbsolutePath().normalize();
    DataDirectories.checkUsable(dataDirectory);
    Path outputFile;
    try {
      // Not inside the data directory: initdb wants it empty.
      outputFile = Files.createTempFile("dataflow-postgres-", ".log");
    } catch (IOException e) {
      throw cannotStart("could not create a temporary file for the server's output: " + e.getMessage(), e);
    }
    return start(dataDirectory, null, outputFile);
  }

  private static EmbeddedPostgresServer start(Path dataDirectory, Path temporaryRoot, Path outputFile) {
    long started = System.nanoTime();
    ServerOutput output = null;
    try {
      output = ServerOutput.create(outputFile);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDirectory)
          .setCleanDataDirectory(temporaryRoot != null)
          .setOutputRedirector(output.redirect())
          .setErrorRedirector(output.redirect())
          // The server's log leaves out DETAIL lines, which quote row values ("Key (email)=(...) already exists").
          .setServerConfig("log_error_verbosity", "terse");
      if (temporaryRoot == null) {
        // zonky turns synchronous_commit off for speed; data that is kept must be on disk once committed.
        builder.setServerConfig("synchronous_commit", "on");
      }
      EmbeddedPostgres postgres = builder.start();
      LOG.debug("Started embedded PostgreSQL on port {} in {} ms", postgres.getPort(),
          (System.nanoTime() - started) / 1_000_000);
      return new EmbeddedPostgresServer(postgres, dataDirectory, temporaryRoot, output);
    } catch (OverlappingFileLockException e) {
      throw afterFailedStart(output, temporaryRoot, DataDirectories.inUse(dataDirectory, Optional.empty()));
    } catch (IllegalStateException e) {
      if (String.valueOf(e.getMessage()).startsWith("could not lock")) {
        throw afterFailedStart(output, temporaryRoot, DataDirectories.inUse(dataDirectory, Optional.empty()));
      }
      throw afterFailedStart(output, temporaryRoot, cannotStart(dataDirectory, e, output));
    } catch (IOException | RuntimeException e) {
      throw afterFailedStart(output, temporaryRoot, cannotStart(dataDirectory, e, output));
    }
  }

  private static DataFlowException cannotStart(Path dataDirectory, Exception e, ServerOutput output) {
    List<String> lines = output == null ? List.of() : output.lastLines(8);
    String reason = "data in " + dataDirectory + ": " + e.getMessage();
    if (!lines.isEmpty()) {
      reason = reason.endsWith(".") ? reason : reason + ".";
      reason += LAST_LINES_HEADER + String.join(" | ", lines);
    }
    return cannotStart(reason, e);
  }

  private static DataFlowException afterFailedStart(ServerOutput output, Path temporaryRoot, DataFlowException failure) {
    if (output != null) {
      output.closeAfterFailedStart();
    }
    deleteTemporaryRoot(temporaryRoot);
    return failure;
  }

  private static DataFlowException cannotStart(String reason, Exception cause) {
    String sentence = reason.endsWith(".") ? reason : reason + ".";
    return new DataFlowException("Could not start the embedded PostgreSQL (used because neither databaseUrl(...) nor "
        + "DATABASE_URL is set), " + sentence + " Set DATABASE_URL to use a running server instead.", cause);
  }

  /** The JDBC URL of the {@code postgres} database, as user {@code postgres}. */
  @Override
  public String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** The local port the server listens on, free when it started. */
  int port() {
    return postgres.getPort();
  }

  /** The data directory. */
  Path dataDirectory() {
    return dataDirectory;
  }

  /** Whether the data outlives {@link #close()}. */
  boolean isKept() {
    return temporaryRoot == null;
  }

  /**
   * Says which server this is, for the start-up line: {@code embedded PostgreSQL 17.6 on port 54321, data in DIR,
   * deleted at close} or {@code ..., data kept in DIR}.
   */
  @Override
  public String describe(String serverVersion) {
    return "embedded PostgreSQL " + serverVersion + " on port " + port() + ", data "
        + (isKept() ? "kept in " + dataDirectory : "in " + dataDirectory + ", deleted at close");
  }

  /** Stops the server cleanly ({@code pg_ctl stop -m fast}: a checkpoint, so kept data is whole). */
  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Could not stop the embedded PostgreSQL cleanly: {}", e.getMessage());
    } finally {
      output.close();
      deleteTemporaryRoot(temporaryRoot);
    }
  }

  private static void deleteTemporaryRoot(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      LOG.warn("Could not delete the embedded PostgreSQL's temporary directory {}: {}", root, e.getMessage());
    }
  }

  /** The rules for a directory given to keep the data in. */
  static final class DataDirectories {
    private DataDirectories() {}

    static void checkUsable(Path directory) {
      if (Files.exists(directory) && !Files.isDirectory(directory)) {
        throw new DataFlowException("The embedded data directory " + directory + " is a file. Give "
            + "embeddedDataDirectory(...) a directory: a new or empty one, or one it used before.");
      }
      if (!Files.isDirectory(directory)) {
        return;
      }
      if (!Files.exists(directory.resolve("PG_VERSION"))) {
        if (!isEmpty(directory)) {
          throw new DataFlowException("The embedded data directory " + directory + " is not empty and holds no "
              + "PostgreSQL data (no PG_VERSION file). DataFlow initialises only a new or empty directory and never "
              + "writes over other files: give embeddedDataDirectory(...) a new or empty directory, or one it used "
              + "before.");
        }
        return;
      }
      Optional<Long> pid = runningPostmaster(directory);
      if (pid.isPresent()) {
        throw inUse(directory, pid);
      }
    }

    static DataFlowException inUse(Path directory, Optional<Long> pid) {
      return new DataFlowException("The embedded data directory " + directory + " is in use by a running PostgreSQL"
          + pid.map(p -> " (PID " + p + ", in its postmaster.pid)").orElse("") + ": another DataFlow with "
          + "embeddedDataDirectory(" + directory + "), in this process or another, is still open. Close it first, or "
          + "give this one another directory. If no DataFlow uses it any more, stop that server: pg_ctl -D "
          + directory + " stop" + pid.map(p -> ", or end process " + p).orElse("") + ".");
    }

    private static boolean isEmpty(Path directory) {
      try (Stream<Path> entries = Files.list(directory)) {
        return entries.findAny().isEmpty();
      } catch (IOException e) {
        throw new DataFlowException("Could not read the embedded data directory " + directory + ": "
            + e.getMessage(), e);
      }
    }

    /** The PID in {@code postmaster.pid} when that process runs (a stale file from a crash is PostgreSQL's to clear). */
    private static Optional<Long> runningPostmaster(Path directory) {
      Path pidFile = directory.resolve("postmaster.pid");
      if (!Files.exists(pidFile)) {
        return Optional.empty();
      }
      try (Stream<String> lines = Files.lines(pidFile, StandardCharsets.UTF_8)) {
        long pid = Long.parseLong(lines.findFirst().orElse("").trim());
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(ProcessHandle::pid);
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
