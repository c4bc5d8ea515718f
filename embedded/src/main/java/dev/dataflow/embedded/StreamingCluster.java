package dev.dataflow.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A real PostgreSQL primary with streaming replicas on loopback, from the embedded PostgreSQL binaries (which hold
 * only initdb, pg_ctl and postgres): the primary is initialised and stopped cleanly, which makes its data directory a
 * valid base backup; each replica is a copy of it with {@code standby.signal} and {@code primary_conninfo}; then all
 * start. Each server can be stopped on its own. For tests and benchmarks of read replicas
 * ({@code DataFlow.builder().readReplicaUrl(...)}): point the primary URL and the replica URLs at it.
 *
 * <pre>{@code
 * try (StreamingCluster cluster = StreamingCluster.start(Files.createTempDirectory("cluster"), 2);
 *     DataFlow db = DataFlow.builder().databaseUrl(cluster.primaryUrl())
 *         .readReplicaUrl(cluster.replicaUrl(0)).readReplicaUrl(cluster.replicaUrl(1)).build()) {
 *   ...
 * }
 * }</pre>
 *
 * <p>The servers' own output goes to zonky's logger, as for any {@code EmbeddedPostgres}; the directories under
 * {@code root} are left for the caller to delete.
 */
public final class StreamingCluster implements AutoCloseable {
  /** Files of a running server that a copy must not take. */
  private static final Set<String> NOT_COPIED = Set.of("postmaster.pid", "postmaster.opts", "epg-lock");

  private final Path primaryDirectory;
  private final int primaryPort;
  private EmbeddedPostgres primary;
  private final List<Path> replicaDirectories = new ArrayList<>();
  private final List<EmbeddedPostgres> replicas = new ArrayList<>();
  private final List<Integer> replicaPorts = new ArrayList<>();

  private StreamingCluster(Path primaryDirectory, int primaryPort) {
    this.primaryDirectory = primaryDirectory;
    this.primaryPort = primaryPort;
  }

  /** Starts a primary and {@code replicaCount} streaming replicas in directories under {@code root}. */
  public static StreamingCluster start(Path root, int replicaCount) {
    try {
      Path primaryDirectory = root.resolve("primary");
      EmbeddedPostgres initial = server(primaryDirectory, 0).start();
      int port = initial.getPort();
      initial.close(); // a clean stop: the directory is a consistent base backup now
      StreamingCluster cluster = new StreamingCluster(primaryDirectory, port);
      for (int i = 1; i <= replicaCount; i++) {
        Path replica = root.resolve("replica-" + i);
        copy(primaryDirectory, replica);
        Files.writeString(replica.resolve("standby.signal"), "");
        Files.writeString(replica.resolve("postgresql.auto.conf"),
            "\nprimary_conninfo = 'host=127.0.0.1 port=" + port + " user=postgres application_name=replica" + i
                + "'\n", StandardOpenOption.APPEND);
        cluster.replicaDirectories.add(replica);
      }
      try {
        cluster.primary = server(primaryDirectory, port).start();
        for (Path replica : cluster.replicaDirectories) {
          EmbeddedPostgres started = server(replica, 0).start();
          cluster.replicas.add(started);
          cluster.replicaPorts.add(started.getPort());
        }
      } catch (IOException | RuntimeException e) {
        try {
          cluster.close(); // what started must stop before its directories go
        } catch (RuntimeException suppressed) {
          e.addSuppressed(suppressed);
        }
        throw e;
      }
      return cluster;
    } catch (IOException e) {
      throw new UncheckedIOException("could not start the streaming cluster under " + root, e);
    }
  }

  private static EmbeddedPostgres.Builder server(Path directory, int port) {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setDataDirectory(directory)
        .setCleanDataDirectory(false);
    if (port != 0) {
      builder.setPort(port);
    }
    return builder;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : (Iterable<Path>) files::iterator) {
        if (NOT_COPIED.contains(source.getFileName().toString())) {
          continue;
        }
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          // PostgreSQL refuses a data directory that others may read
          Files.createDirectories(target);
          Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
        } else {
          Files.copy(source, target);
        }
      }
    }
  }

  /** The primary's JDBC URL for database {@code postgres}. */
  public String primaryUrl() {
    return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres?user=postgres";
  }

  public int primaryPort() {
    return primaryPort;
  }

  /** Replica {@code i}'s (from 0) JDBC URL for database {@code postgres}. */
  public String replicaUrl(int i) {
    return "jdbc:postgresql://127.0.0.1:" + replicaPorts.get(i) + "/postgres?user=postgres";
  }

  public int replicaPort(int i) {
    return replicaPorts.get(i);
  }

  /** Runs SQL on replica {@code i} directly (for example {@code select pg_wal_replay_pause()}). */
  public void onReplica(int i, String sql) {
    try (Connection c = replicas.get(i).getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " on replica " + i + ": " + e.getMessage(), e);
    }
  }

  /** Waits until replica {@code i} has replayed everything the primary has written so far. */
  public void awaitReplay(int i) {
    String lsn;
    try (Connection c = primary.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select pg_current_wal_insert_lsn()::text")) {
      rs.next();
      lsn = rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException("reading the primary's WAL position: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      try (Connection c = replicas.get(i).getPostgresDatabase().getConnection(); Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_last_wal_replay_lsn() >= '" + lsn + "'::pg_lsn")) {
        rs.next();
        if (rs.getBoolean(1)) {
          return;
        }
        Thread.sleep(20);
      } catch (SQLException e) {
        throw new IllegalStateException("reading replica " + i + "'s replay position: " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    throw new IllegalStateException("replica " + i + " did not replay up to " + lsn + " within 30 s");
  }

  /** Stops the primary cleanly (the replicas go on, read-only). */
  public void stopPrimary() {
    close(primary);
    primary = null;
  }

  /** Stops replica {@code i}. */
  public void stopReplica(int i) {
    close(replicas.get(i));
    replicas.set(i, null);
  }

  @Override
  public void close() {
    for (int i = 0; i < replicas.size(); i++) {
      if (replicas.get(i) != null) {
        stopReplica(i);
      }
    }
    if (primary != null) {
      stopPrimary();
    }
  }

  private static void close(EmbeddedPostgres server) {
    try {
      server.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
