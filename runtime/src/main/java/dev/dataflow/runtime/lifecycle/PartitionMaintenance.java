package dev.dataflow.runtime.lifecycle;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Partitioning;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The partitions of a {@code @Partitioned} model's table: creating those of the coming intervals ahead of time, and
 * dropping those wholly past a retention cutoff. Used by the {@link RetentionSweeper}; public so that an application
 * can run the creation on its own schedule too.
 *
 * <p>Both run in one short transaction per table that first takes the transaction-level advisory lock
 * {@code pg_advisory_xact_lock(hashtext('dataflow.partitions.' || table))}: two instances never create or drop the
 * same partition at once (a plain {@code CREATE TABLE IF NOT EXISTS} races on the catalog), and a transaction-level
 * lock also holds behind a transaction-pooling proxy, where a session lock would not.
 *
 * <p>A partition is dropped with {@code ALTER TABLE ... DETACH PARTITION} (not {@code CONCURRENTLY}, which cannot run
 * in a transaction block, leaves a half-detached partition to finalize when interrupted, and is not allowed at all
 * while the table has a default partition), then its rows are counted and it is dropped, in the same transaction.
 * The detach takes an ACCESS EXCLUSIVE lock on the table for that moment: writers wait for it (a catalog change, not
 * a scan), bounded by {@code lock_timeout} ({@value #LOCK_TIMEOUT}), after which the drop fails and the rows are
 * deleted by the batches instead.
 */
public final class PartitionMaintenance {
  /** How many intervals after the current one get their partition ahead of time. */
  public static final int AHEAD = 2;
  /** The longest a detach waits for the table's lock before it gives up. */
  static final String LOCK_TIMEOUT = "5s";
  private static final String LOCK_PREFIX = "dataflow.partitions.";
  /** SQLSTATE of a partition refused because the default partition holds rows of its range. */
  private static final String CHECK_VIOLATION = "23514";
  private static final Logger LOG = LoggerFactory.getLogger(PartitionMaintenance.class);

  /** What dropping expired partitions did: how many, and the rows they held (counted before the drop). */
  public record Dropped(int partitions, long rows) {
    static final Dropped NONE = new Dropped(0, 0);
  }

  private PartitionMaintenance() {}

  /**
   * Creates, if missing, the partitions of {@code model}'s table for the interval holding {@code now} and the
   * {@link #AHEAD} after it, and the default partition; commits.
   *
   * <p>When the default partition already holds rows of a new partition's interval (the sweep did not run for a
   * while), PostgreSQL refuses the partition; the rows are then moved from the default partition into it (logged,
   * WARN), in the same transaction.
   *
   * @return the partitions created (empty when all existed)
   * @throws SQLException when one cannot be created
   */
  public static List<String> createAhead(Connection connection, ModelDescriptor model, LocalDateTime nowUtc)
      throws SQLException {
    Partitioning partitioning = partitioning(model);
    ColumnDescriptor column = model.column(partitioning.column());
    String table = model.table();
    List<String> created = new ArrayList<>();
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      lock(connection, table);
      List<String> existing = partitions(connection, table);
      LocalDateTime start = partitioning.start(nowUtc);
      for (int i = 0; i <= AHEAD; i++) {
        String name = partitioning.partitionName(table, start);
        LocalDateTime end = partitioning.next(start);
        if (!existing.contains(name)) {
          String from = Partitioning.boundLiteral(column.javaType(), start);
          String to = Partitioning.boundLiteral(column.javaType(), end);
          String create = "CREATE TABLE IF NOT EXISTS " + quote(name) + " PARTITION OF " + quote(table)
              + " FOR VALUES FROM (" + from + ") TO (" + to + ")";
          Savepoint beforeCreate = connection.setSavepoint();
          try {
            execute(connection, create);
          } catch (SQLException e) {
            if (!CHECK_VIOLATION.equals(e.getSQLState()) || !existing.contains(Partitioning.defaultPartition(table))) {
              throw e;
            }
            connection.rollback(beforeCreate);
            long moved = createTakingRowsFromDefault(connection, table, column.name(), create, from, to);
            LOG.warn("partitions {}: moved {} rows of {} from the default partition into it", table, moved, name);
          }
          created.add(name);
        }
        start = end;
      }
      String defaultPartition = Partitioning.defaultPartition(table);
      if (!existing.contains(defaultPartition)) {
        execute(connection, "CREATE TABLE IF NOT EXISTS " + quote(defaultPartition) + " PARTITION OF "
            + quote(table) + " DEFAULT");
        created.add(defaultPartition);
      }
      connection.commit();
      return created;
    } catch (SQLException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /**
   * Creates a partition while the default partition holds rows of its range, which PostgreSQL refuses (those rows
   * would be in the wrong partition): the default partition is detached, the partition created, the rows moved into
   * it through the table, and the default partition attached again, in the caller's transaction (whose lock on the
   * table keeps writers waiting meanwhile).
   *
   * @return the rows moved
   */
  private static long createTakingRowsFromDefault(Connection connection, String table, String column,
      String create, String from, String to) throws SQLException {
    String defaultPartition = quote(Partitioning.defaultPartition(table));
    String inRange = " WHERE " + quote(column) + " >= " + from + " AND " + quote(column) + " < " + to;
    execute(connection, "ALTER TABLE " + quote(table) + " DETACH PARTITION " + defaultPartition);
    execute(connection, create);
    long moved;
    try (Statement s = connection.createStatement()) {
      moved = s.executeUpdate("INSERT INTO " + quote(table) + " SELECT * FROM " + defaultPartition + inRange);
      s.executeUpdate("DELETE FROM " + defaultPartition + inRange);
    }
    execute(connection, "ALTER TABLE " + quote(table) + " ATTACH PARTITION " + defaultPartition + " DEFAULT");
    return moved;
  }

  /**
   * Detaches and drops every partition of {@code model}'s table whose interval ends at or before {@code cutoffUtc}
   * (all its rows are due), each in its own transaction. Only partitions named as {@link Partitioning} names them
   * are considered; the default partition and partitions made by hand are left to the row deletes.
   *
   * @param cutoffUtc the retention cutoff as UTC wall time (for a DATE column, the cutoff date at midnight)
   */
  public static Dropped dropExpired(Connection connection, ModelDescriptor model, LocalDateTime cutoffUtc)
      throws SQLException {
    Partitioning partitioning = partitioning(model);
    String table = model.table();
    int dropped = 0;
    long rows = 0;
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    try {
      for (String name : partitions(connection, table)) {
        LocalDateTime start = partitioning.startOf(table, name);
        if (start == null || partitioning.next(start).isAfter(cutoffUtc)) {
          continue;
        }
        try {
          execute(connection, "SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
          lock(connection, table);
          execute(connection, "ALTER TABLE " + quote(table) + " DETACH PARTITION " + quote(name));
          long held;
          try (Statement s = connection.createStatement();
              ResultSet rs = s.executeQuery("SELECT count(*) FROM " + quote(name))) {
            rs.next();
            held = rs.getLong(1);
          }
          execute(connection, "DROP TABLE " + quote(name));
          connection.commit();
          dropped++;
          rows += held;
        } catch (SQLException e) {
          connection.rollback();
          throw e;
        }
      }
      return dropped == 0 ? Dropped.NONE : new Dropped(dropped, rows);
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  /** The names of the partitions of {@code table}, sorted. */
  public static List<String> partitions(Connection connection, String table) throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p"
            + " ON p.oid = i.inhparent WHERE p.relname = ? AND p.relnamespace = current_schema()::regnamespace"
            + " ORDER BY c.relname")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }

  private static Partitioning partitioning(ModelDescriptor model) {
    return Objects.requireNonNull(model.partitioning(), () -> "model " + model.modelName() + " is not partitioned");
  }

  private static void lock(Connection connection, String table) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
      ps.setString(1, LOCK_PREFIX + table);
      ps.execute();
    }
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
