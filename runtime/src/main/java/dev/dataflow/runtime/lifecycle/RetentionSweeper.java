package dev.dataflow.runtime.lifecycle;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Partitioning;
import dev.dataflow.runtime.model.Retention;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the rows of every {@code @Retain} model that are past their period. Thread-safe; {@code DataFlow} holds
 * one and calls it from {@code sweepExpired} and from its retention schedule.
 *
 * <p>First, for every {@code @Partitioned} model (with or without {@code @Retain}), the partitions of the current and
 * the next {@value PartitionMaintenance#AHEAD} intervals and the default partition are created when missing
 * ({@link PartitionMaintenance#createAhead}); a failure there is logged (WARN, with the fix) and does not stop the
 * sweep: rows of an interval without its partition land in the default partition and are still swept.
 *
 * <p>Then for each {@code @Retain} table, in an order that sweeps a table before the tables it references:
 *
 * <ol>
 *   <li>the cutoff is {@code now} minus the model's days, as the retention column's Java type ({@code Instant},
 *       {@code OffsetDateTime}; {@code LocalDateTime} and {@code LocalDate} in UTC);
 *   <li>on one connection, {@code pg_try_advisory_lock(hashtext('dataflow.retention.' || table))}: when another
 *       sweeper (another application instance) holds it, the table is skipped, not waited for;
 *   <li>on a table {@code @Partitioned} by the retention column, every partition whose interval ends at or before
 *       the cutoff is detached and
 *       dropped whole ({@link PartitionMaintenance#dropExpired}), its rows counted first; should that fail (the
 *       table's lock not had within the lock timeout), a WARN says so and the batches below delete those rows;
 *   <li>batches of {@link SqlRenderer#deleteBatchBefore} (the oldest {@code batchSize} rows before the cutoff, rows
 *       locked by others skipped), each its own transaction, until one deletes fewer than {@code batchSize};
 *   <li>the lock is released, the table's {@link RetentionEvent} goes to the listener and to the log (INFO; WARN
 *       when it failed).
 * </ol>
 *
 * <p>A table whose batch fails (a foreign key of another table forbids the delete, the connection is lost) stops
 * there and the sweep goes on with the other tables; {@link #sweep} then throws a {@link RetentionException} holding
 * the whole report. Nothing is retried within a sweep.
 */
public final class RetentionSweeper {
  private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);
  /** Prefix of the advisory lock names; the table name follows. */
  static final String LOCK_PREFIX = "dataflow.retention.";

  private final DataSource dataSource;
  private final List<ModelDescriptor> models;
  private final List<ModelDescriptor> partitioned;
  private final int batchSize;
  private final RetentionListener listener;
  /** Whether the lock is taken per batch transaction (behind a transaction pooler) instead of per session. */
  private final boolean transactionLocks;

  /**
   * @param models the registered models; those without {@code @Retain} are left alone
   * @param batchSize the most rows one delete statement (one transaction) removes, at least 1
   * @param listener hears every table; {@link RetentionListener#NONE} for none
   */
  public RetentionSweeper(DataSource dataSource, List<ModelDescriptor> models, int batchSize,
      RetentionListener listener) {
    this(dataSource, models, batchSize, listener, false);
  }

  /**
   * @param transactionLocks true behind a transaction pooler (PgBouncer in transaction mode), where a session-level
   *     advisory lock would stay on whichever server connection took it: each batch is then a transaction that
   *     takes {@code pg_try_advisory_xact_lock} first, and a sweeper that does not get it stops the table there
   *     (another is sweeping it)
   */
  public RetentionSweeper(DataSource dataSource, List<ModelDescriptor> models, int batchSize,
      RetentionListener listener, boolean transactionLocks) {
    this.transactionLocks = transactionLocks;
    if (batchSize < 1) {
      throw new IllegalArgumentException("the retention batch size must be at least 1; got " + batchSize);
    }
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.models = childrenFirst(models.stream().filter(m -> m.retention() != null).toList());
    this.partitioned = models.stream().filter(m -> m.partitioning() != null).toList();
    this.batchSize = batchSize;
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** The models with {@code @Retain}, in the order a sweep takes them. */
  public List<ModelDescriptor> models() {
    return models;
  }

  /**
   * Deletes, table by table, the rows past retention as of {@code now}. An interrupt stops it between batches and
   * leaves the tables not reached out of the report.
   *
   * @throws RetentionException when one or more tables failed; the others were swept, see its report
   */
  public RetentionReport sweep(Instant now) {
    Objects.requireNonNull(now, "now");
    createPartitionsAhead(now);
    List<RetentionEvent> events = new ArrayList<>();
    for (ModelDescriptor model : models) {
      if (Thread.currentThread().isInterrupted()) {
        LOG.info("retention sweep interrupted; {} of {} tables swept", events.size(), models.size());
        break;
      }
      RetentionEvent event = sweepTable(model, now);
      events.add(event);
      log(event);
      tell(event);
    }
    RetentionReport report = new RetentionReport(events);
    List<RetentionEvent> failed = events.stream().filter(RetentionEvent::failed).toList();
    if (!failed.isEmpty()) {
      StringBuilder message = new StringBuilder("retention sweep failed for ").append(failed.size()).append(" of ")
          .append(events.size()).append(" tables (the others were swept):");
      for (RetentionEvent e : failed) {
        message.append("\n  ").append(e.table()).append(", after ").append(e.deleted()).append(" rows: ")
            .append(e.failure().getMessage());
      }
      throw new RetentionException(message.toString(), report, failed.get(0).failure());
    }
    return report;
  }

  /** Creates the coming partitions of every partitioned table; a failure is logged, not thrown. */
  private void createPartitionsAhead(Instant now) {
    for (ModelDescriptor model : partitioned) {
      try (Connection connection = dataSource.getConnection()) {
        List<String> created = PartitionMaintenance.createAhead(connection, model, Partitioning.utc(now));
        if (!created.isEmpty()) {
          LOG.info("partitions {}: created {}", model.table(), String.join(", ", created));
        }
      } catch (SQLException e) {
        LOG.warn("partitions {}: could not create the partitions of the coming intervals ({}); rows of those"
            + " intervals go to the default partition {} meanwhile, and the next sweep tries again", model.table(),
            DatabaseErrors.translate(e, "creating partitions of " + model.table()).getMessage(),
            Partitioning.defaultPartition(model.table()));
      }
    }
  }

  /** The cutoff on the scale of partition bounds: UTC wall time, or midnight of the cutoff date for a DATE column. */
  private static LocalDateTime partitionCutoff(ColumnDescriptor column, Instant cutoff) {
    return column.javaType() == JavaType.LOCAL_DATE
        ? LocalDate.ofInstant(cutoff, ZoneOffset.UTC).atStartOfDay()
        : Partitioning.utc(cutoff);
  }

  private RetentionEvent sweepTable(ModelDescriptor model, Instant now) {
    Retention retention = model.retention();
    Instant cutoff = now.minus(Duration.ofDays(retention.days()));
    Object cutoffValue = cutoffValue(model.column(retention.column()), cutoff);
    RenderedSql delete = SqlRenderer.deleteBatchBefore(model, retention.column(), cutoffValue, batchSize);
    String table = model.table();
    long started = System.nanoTime();
    long deleted = 0;
    int batches = 0;
    long longestBatch = 0;
    PartitionMaintenance.Dropped dropped = PartitionMaintenance.Dropped.NONE;
    DataFlowException failure = null;
    if (transactionLocks) {
      return sweepTableInTransactions(model, cutoff, delete, started);
    }
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(true); // each batch is its own transaction
      if (!tryLock(connection, table)) {
        return new RetentionEvent(model.modelName(), table, cutoff, 0, 0, since(started), Duration.ZERO, true, null);
      }
      if (model.partitioning() != null && model.partitioning().column().equals(retention.column())) {
        try {
          dropped = PartitionMaintenance.dropExpired(connection, model,
              partitionCutoff(model.column(retention.column()), cutoff));
        } catch (SQLException e) {
          LOG.warn("retention {}: could not drop the expired partitions ({}); their rows are deleted in batches"
              + " instead", table, DatabaseErrors.translate(e, "dropping partitions of " + table).getMessage());
        }
      }
      try (PreparedStatement ps = delete.prepare(connection)) {
        int rows;
        do {
          long batchStarted = System.nanoTime();
          batches++; // a batch that fails counts too: it ran, and rolled back
          rows = ps.executeUpdate();
          longestBatch = Math.max(longestBatch, System.nanoTime() - batchStarted);
          deleted += rows;
        } while (rows == batchSize && !Thread.currentThread().isInterrupted());
      } catch (SQLException e) {
        failure = deleteFailed(e, table);
      } finally {
        unlock(connection, table);
      }
    } catch (SQLException e) {
      failure = DatabaseErrors.translate(e, "retention sweep of " + table);
    }
    return new RetentionEvent(model.modelName(), table, cutoff, deleted, batches, since(started),
        Duration.ofNanos(longestBatch), false, failure, dropped.partitions(), dropped.rows());
  }

  /** A batch failed; a foreign key that forbids the delete gets the two ways out in its message. */
  private static DatabaseException deleteFailed(SQLException e, String table) {
    DatabaseException translated = DatabaseErrors.translate(e, "retention delete from " + table);
    if (!"23503".equals(translated.sqlState())) {
      return translated;
    }
    return new DatabaseException(translated.getMessage() + ". Rows of another table still reference due rows of "
        + table + " through a foreign key without ON DELETE CASCADE or SET NULL: give that model an @Retain no"
        + " longer than this one's (it is swept first), delete those rows first, or declare the reference"
        + " onDelete = CASCADE or SET_NULL", translated.sqlState(), translated.constraint());
  }

  /**
   * The sweep of one table behind a transaction pooler: each batch one transaction that first takes the table's
   * transaction-level advisory lock, so that no lock outlives its transaction on a server connection the pooler
   * hands to other clients.
   */
  private RetentionEvent sweepTableInTransactions(ModelDescriptor model, Instant cutoff, RenderedSql delete,
      long started) {
    String table = model.table();
    long deleted = 0;
    int batches = 0;
    long longestBatch = 0;
    DataFlowException failure = null;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(hashtext(?))");
          PreparedStatement ps = delete.prepare(connection)) {
        lock.setString(1, LOCK_PREFIX + table); // a lock name, not a column value
        int rows;
        do {
          boolean locked;
          try (ResultSet rs = lock.executeQuery()) {
            rs.next();
            locked = rs.getBoolean(1);
          }
          if (!locked) {
            connection.rollback();
            if (batches == 0) {
              return new RetentionEvent(model.modelName(), table, cutoff, 0, 0, since(started), Duration.ZERO, true,
                  null);
            }
            break; // another sweeper took the table between two batches; it goes on from here
          }
          long batchStarted = System.nanoTime();
          batches++;
          rows = ps.executeUpdate();
          connection.commit();
          longestBatch = Math.max(longestBatch, System.nanoTime() - batchStarted);
          deleted += rows;
        } while (rows == batchSize && !Thread.currentThread().isInterrupted());
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException suppressed) {
          e.addSuppressed(suppressed);
        }
        failure = deleteFailed(e, table);
      }
    } catch (SQLException e) {
      failure = DatabaseErrors.translate(e, "retention sweep of " + table);
    }
    return new RetentionEvent(model.modelName(), table, cutoff, deleted, batches, since(started),
        Duration.ofNanos(longestBatch), false, failure);
  }

  private static boolean tryLock(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_try_advisory_lock(hashtext(?))")) {
      ps.setString(1, LOCK_PREFIX + table); // a lock name, not a column value
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean(1);
      }
    }
  }

  /**
   * Releases the table's lock before the connection goes back to the pool. Should that fail, the connection is
   * broken and the server released the lock with the session.
   */
  private static void unlock(Connection connection, String table) {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
      ps.setString(1, LOCK_PREFIX + table);
      ps.execute();
    } catch (SQLException e) {
      LOG.warn("retention {}: could not release the sweep lock (SQLSTATE {}); it goes with the session",
          table, e.getSQLState());
    }
  }

  /**
   * The cutoff as the column's Java type, so it is bound like any value of that column: date-times without a zone
   * and dates are taken in UTC.
   */
  static Object cutoffValue(ColumnDescriptor column, Instant cutoff) {
    return switch (column.javaType()) {
      case INSTANT -> cutoff;
      case OFFSET_DATE_TIME -> cutoff.atOffset(ZoneOffset.UTC);
      case LOCAL_DATE_TIME -> LocalDateTime.ofInstant(cutoff, ZoneOffset.UTC);
      case LOCAL_DATE -> LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
      default -> throw new IllegalArgumentException("column '" + column.name() + "' holds no date or time");
    };
  }

  /**
   * The models ordered so that a model comes before every model it references (a child before its parent), so
   * that a parent's rows are no longer referenced by due children when its turn comes. Otherwise the given order;
   * models in a reference cycle keep it too.
   */
  static List<ModelDescriptor> childrenFirst(List<ModelDescriptor> models) {
    Set<String> placed = new LinkedHashSet<>();
    Set<String> visiting = new LinkedHashSet<>();
    List<ModelDescriptor> ordered = new ArrayList<>();
    for (ModelDescriptor model : models) {
      placeChildrenFirst(model, models, placed, visiting, ordered);
    }
    return List.copyOf(ordered);
  }

  private static void placeChildrenFirst(ModelDescriptor model, List<ModelDescriptor> models, Set<String> placed,
      Set<String> visiting, List<ModelDescriptor> out) {
    if (placed.contains(model.table()) || !visiting.add(model.table())) {
      return; // done, or a reference cycle: leave it where it is
    }
    for (ModelDescriptor other : models) {
      if (other.referencedTables().contains(model.table())) {
        placeChildrenFirst(other, models, placed, visiting, out);
      }
    }
    visiting.remove(model.table());
    placed.add(model.table());
    out.add(model);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  private static void log(RetentionEvent e) {
    long millis = e.duration().toMillis();
    if (e.skipped()) {
      LOG.info("retention {}: skipped, another instance is sweeping it", e.table());
    } else if (e.failed()) {
      LOG.warn("retention {}: stopped after {} rows in {} batches, {} ms (due before {}): {}", e.table(),
          e.deleted(), e.batches(), millis, e.cutoff(), e.failure().getMessage());
    } else if (e.partitionsDropped() > 0) {
      LOG.info("retention {}: {} partitions dropped ({} rows), {} rows deleted in {} batches, {} ms, longest batch"
          + " {} ms (due before {})", e.table(), e.partitionsDropped(), e.rowsInDroppedPartitions(), e.deleted(),
          e.batches(), millis, e.longestBatch().toMillis(), e.cutoff());
    } else {
      LOG.info("retention {}: {} rows deleted in {} batches, {} ms, longest batch {} ms (due before {})", e.table(),
          e.deleted(), e.batches(), millis, e.longestBatch().toMillis(), e.cutoff());
    }
  }

  private void tell(RetentionEvent event) {
    try {
      listener.tableSwept(event);
    } catch (RuntimeException e) {
      LOG.warn("retention listener failed on {} (ignored): {}", event.table(), e.toString());
    }
  }
}
