package dev.dataflow.runtime;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The read replicas of a {@link DataFlow} ({@link DataFlow.Builder#readReplicaUrl(String)}): where read-only nodes of
 * a {@link TransactionMode#PER_NODE} run borrow their connection, round-robin among the replicas that are in use.
 *
 * <p>A monitor thread checks every replica once a second: a replica that cannot be reached, or whose replay is
 * further behind the primary than {@link DataFlow.Builder#maxReplicaLag(Duration)}, is skipped (one WARN when it
 * starts being skipped, one INFO when it is used again). The check reads the replica's own view of its lag
 * ({@link Replica#lag}: WAL received but not replayed, and {@code pg_last_xact_replay_timestamp()}), so it works
 * with the primary down. The engine's hot path only reads the state the monitor left.
 */
final class ReadReplicas implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ReadReplicas.class);

  /**
   * The replica's own view: whether it is in recovery, the WAL it has received and replayed, and the age of the last
   * transaction it replayed.
   */
  static final String LAG_QUERY = "select pg_is_in_recovery(), pg_last_wal_receive_lsn()::text,"
      + " pg_last_wal_replay_lsn()::text, extract(epoch from now() - pg_last_xact_replay_timestamp())";

  private final List<Replica> replicas;
  private final Duration maxLag;
  private final AtomicInteger next = new AtomicInteger();
  private final ScheduledExecutorService monitor;

  ReadReplicas(List<Replica> replicas, Duration maxLag) {
    this.replicas = List.copyOf(replicas);
    this.maxLag = maxLag;
    checkAll(); // before the first run, so the first reads already know which replicas are usable
    this.monitor = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dataflow-replica-monitor");
      t.setDaemon(true);
      return t;
    });
    monitor.scheduleWithFixedDelay(this::checkAll, 1, 1, TimeUnit.SECONDS);
  }

  /** How many replicas are configured. */
  int size() {
    return replicas.size();
  }

  /** How many replicas reads use now. */
  int inUse() {
    return (int) replicas.stream().filter(r -> r.usable).count();
  }

  /**
   * The next replica in use, round-robin, or null when every replica is skipped (the read goes to the primary).
   */
  Replica choose() {
    int n = replicas.size();
    int start = Math.floorMod(next.getAndIncrement(), n);
    for (int i = 0; i < n; i++) {
      Replica r = replicas.get((start + i) % n);
      if (r.usable) {
        return r;
      }
    }
    return null;
  }

  /** Checks each replica and updates whether it is used; runs on the monitor thread, and once at start. */
  void checkAll() {
    for (Replica r : replicas) {
      try {
        check(r);
      } catch (RuntimeException e) {
        r.skip("its check failed: " + e.getMessage());
      }
    }
  }

  private void check(Replica r) {
    boolean inRecovery;
    long received;
    long replayed;
    Double replayAge;
    try (Connection c = r.dataSource.getConnection(); Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      try (ResultSet rs = s.executeQuery(LAG_QUERY)) {
        rs.next();
        inRecovery = rs.getBoolean(1);
        received = lsn(rs.getString(2));
        replayed = lsn(rs.getString(3));
        double age = rs.getDouble(4);
        replayAge = rs.wasNull() ? null : age;
      }
    } catch (SQLException e) {
      r.skip("it cannot be reached (" + e.getMessage() + ")");
      return;
    }
    Duration lag = inRecovery ? r.lag(System.nanoTime(), received, replayed, replayAge) : Duration.ZERO;
    if (lag.compareTo(maxLag) > 0) {
      r.skip("its replay is " + ConnectionPool.describe(lag) + " behind the primary, more than maxReplicaLag "
          + ConnectionPool.describe(maxLag));
    } else {
      r.use();
    }
  }

  /** {@code 16/B374D848} → its 64-bit position; -1 for null (nothing received by streaming). */
  static long lsn(String text) {
    if (text == null) {
      return -1;
    }
    int slash = text.indexOf('/');
    return (Long.parseUnsignedLong(text.substring(0, slash), 16) << 32)
        | Long.parseUnsignedLong(text.substring(slash + 1), 16);
  }

  @Override
  public void close() {
    if (monitor != null) {
      monitor.shutdownNow();
    }
    for (Replica r : replicas) {
      r.close();
    }
  }

  /** One replica: its pool and whether reads use it now. */
  static final class Replica {
    /** Checks remembered for {@link #lag}: two minutes of once-a-second checks. */
    private static final int HISTORY = 120;

    private final String name;
    private final HikariDataSource dataSource;
    private final ConnectionPool pool;
    /** Whether reads use this replica; written by the monitor (and by a read whose borrow failed), read by runs. */
    private volatile boolean usable;
    /** Whether the WARN for the current skipped spell has been logged. */
    private boolean warned;
    /** What earlier checks saw the replica had received, oldest first: {@code {nanoTime, lsn}}. */
    private final Deque<long[]> receivedAt = new ArrayDeque<>();

    Replica(String name, HikariDataSource dataSource) {
      this.name = name;
      this.dataSource = dataSource;
      this.pool = new ConnectionPool(dataSource, "the read replica " + name);
    }

    String name() {
      return name;
    }

    ConnectionPool pool() {
      return pool;
    }

    void close() {
      dataSource.close();
    }

    /**
     * How far behind the primary the replica is, from its own view at {@code now}: zero while it has replayed all it
     * received; else the smaller of the age of the last transaction it replayed (which overstates the lag when the
     * primary was idle before the WAL now being replayed) and how long ago an earlier check saw it had received WAL
     * it has still not replayed (which, from checks a second apart, can understate it by up to a second). A replica
     * that is merely catching up with a burst is not skipped; one whose replay stalls is, within a second or two.
     */
    synchronized Duration lag(long now, long received, long replayed, Double replayAgeSeconds) {
      Duration lag = Duration.ZERO;
      if (received >= 0 && replayed < received) {
        long behindSince = now;
        for (long[] sample : receivedAt) {
          if (sample[1] > replayed) {
            behindSince = sample[0];
            break;
          }
        }
        lag = Duration.ofNanos(now - behindSince);
        if (replayAgeSeconds != null) {
          Duration age = Duration.ofMillis(Math.max(0, Math.round(replayAgeSeconds * 1000)));
          lag = age.compareTo(lag) < 0 ? age : lag;
        }
      }
      receivedAt.addLast(new long[] {now, received});
      while (receivedAt.size() > HISTORY) {
        receivedAt.removeFirst();
      }
      return lag;
    }

    /** Stops using this replica until a check finds it usable again; one WARN per spell. */
    synchronized void skip(String why) {
      usable = false;
      if (!warned) {
        warned = true;
        LOG.warn("Read replica {} is skipped, reads go to the other replicas or the primary: {}", name, why);
      }
    }

    synchronized void use() {
      if (warned) {
        LOG.info("Read replica {} is used again", name);
      }
      warned = false;
      usable = true;
    }
  }
}
