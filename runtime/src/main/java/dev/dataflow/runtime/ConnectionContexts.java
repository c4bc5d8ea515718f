package dev.dataflow.runtime;

import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Where the nodes of a run get their connections, per {@link TransactionMode}. */
abstract class ConnectionContexts {
  /** The {@code DataFlow}'s scrubber and zone, which every node of the run gets through its context. */
  private final RunSettings settings;

  ConnectionContexts(RunSettings settings) {
    this.settings = java.util.Objects.requireNonNull(settings, "settings");
  }

  RunSettings settings() {
    return settings;
  }

  /**
   * The context one node execution gets.
   *
   * @param readOnly whether the node only reads ({@link dev.dataflow.runtime.node.Node#readOnly()})
   */
  abstract Context forNode(String runId, String nodeId, String nodeType, boolean readOnly);

  /**
   * Applies isolation and statement timeout to a connection whose transaction has just begun.
   *
   * @throws DatabaseException when the connection refuses
   */
  static void begin(Connection connection, ExecutionOptions options) {
    try {
      connection.setAutoCommit(false);
      // Both settings live only as long as the transaction: nothing stays on the connection, which matters when a
      // transaction pooler (PgBouncer) hands the server connection to another client next. (JDBC's
      // setTransactionIsolation would SET SESSION CHARACTERISTICS, and the pool would reset it with another SET.)
      if (options.isolation() != null || options.statementTimeout() != null) {
        try (Statement s = connection.createStatement()) {
          if (options.isolation() != null) {
            // the transaction's first statement, as SET TRANSACTION must be
            s.execute("SET TRANSACTION ISOLATION LEVEL " + options.isolation().sql());
          }
          if (options.statementTimeout() != null) {
            s.execute("SET LOCAL statement_timeout = " + options.statementTimeout().toMillis());
          }
        }
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "beginning a transaction");
    }
  }

  /**
   * {@link TransactionMode#PER_NODE}: each piece of work borrows a pooled connection and gives it back. A
   * transaction's commit is settled by {@link Commit}: when the connection fails during COMMIT, the database is
   * asked what became of it.
   *
   * <p>With read replicas, a read-only node ({@link dev.dataflow.runtime.node.Node#readOnly()}) borrows from the next
   * replica in use, unless the run reads from the primary ({@link ExecutionOptions#readFromPrimary()}) or a node that
   * writes has started in this run before it (read-your-writes: from then on every node of the run uses the primary).
   * A read whose replica fails before it has a result (unreachable, connection lost, or its query cancelled by a
   * recovery conflict) runs again on the primary.
   */
  static final class PerNode extends ConnectionContexts {
    private final ConnectionPool pool;
    private final ReadReplicas replicas;
    private final ExecutionOptions options;
    private final boolean plainAutoCommit;
    /** Whether a node that may write has started in this run: reads after it go to the primary. */
    private final AtomicBoolean wrote = new AtomicBoolean();

    PerNode(ConnectionPool pool, ReadReplicas replicas, ExecutionOptions options, RunSettings settings) {
      super(settings);
      this.pool = pool;
      this.replicas = replicas;
      this.options = options;
      this.plainAutoCommit = options.isolation() == null && options.statementTimeout() == null;
    }

    @Override
    Context forNode(String runId, String nodeId, String nodeType, boolean readOnly) {
      if (!readOnly) {
        wrote.set(true);
      }
      boolean replica = readOnly && replicas != null && !options.readFromPrimary() && !wrote.get();
      return new Context(runId, nodeId, nodeType, settings()) {
        @Override
        public <T> T autoCommit(SqlWork<T> work) throws SQLException {
          if (replica) {
            return onReplica(runId, nodeId, work, false);
          }
          return onPrimary(runId, nodeId, work, false);
        }

        @Override
        public <T> T transaction(SqlWork<T> work) throws SQLException {
          if (replica) {
            return onReplica(runId, nodeId, work, true);
          }
          return onPrimary(runId, nodeId, work, true);
        }
      };
    }

    private <T> T onPrimary(String runId, String nodeId, NodeContext.SqlWork<T> work, boolean transaction)
        throws SQLException {
      try {
        return onPrimaryConnection(runId, nodeId, work, transaction);
      } catch (DatabaseException e) {
        // With replicas there is more than one server: a lost connection says it was the primary's.
        if (pool.server() != null && e.connectionLost() && !e.getMessage().contains(pool.server())) {
          throw e.onServer(pool.server());
        }
        throw e;
      }
    }

    private <T> T onPrimaryConnection(String runId, String nodeId, NodeContext.SqlWork<T> work, boolean transaction)
        throws SQLException {
      if (!transaction && plainAutoCommit) {
        try (Connection connection = pool.borrow()) {
          return work.run(connection);
        }
      }
      // a transaction, or autocommit work whose timeout and isolation need a transaction to live in
      T result;
      Commit commit;
      try (Connection connection = pool.borrow()) {
        try {
          begin(connection, options);
          result = work.run(connection);
        } catch (Throwable t) {
          rollbackQuietly(connection, t);
          throw t;
        }
        commit = Commit.attempt(connection);
      }
      // The connection, broken or not, is back in the pool before a fresh one is borrowed to settle the commit.
      commit.settle(pool, runId, nodeId, "the node's transaction");
      return result;
    }

    /** Read-only work on the next replica in use; on the primary when none is, or when the replica fails it. */
    private <T> T onReplica(String runId, String nodeId, NodeContext.SqlWork<T> work, boolean transaction) throws SQLException {
      ReadReplicas.Replica replica = replicas.choose();
      if (replica == null) {
        return onPrimary(runId, nodeId, work, transaction);
      }
      Connection connection;
      try {
        connection = replica.pool().borrow();
      } catch (DatabaseException e) {
        replica.skip("no connection could be borrowed: " + e.getMessage());
        return onPrimary(runId, nodeId, work, transaction);
      }
      boolean inTransaction = transaction || !plainAutoCommit;
      try (connection) {
        if (inTransaction) {
          begin(connection, options);
        }
        T result = work.run(connection);
        if (inTransaction) {
          connection.commit(); // read-only: nothing to settle if this fails, the read is simply done again
        }
        return result;
      } catch (SQLException e) {
        // (an open read-only transaction was rolled back by the pool when the connection went back)
        if (DatabaseErrors.connectionLost(e)) {
          replica.skip("its connection was lost during a read (SQLSTATE " + e.getSQLState() + ")");
        } else if (!"40001".equals(e.getSQLState())) {
          throw e; // the read's own failure: the primary would refuse it too
        }
        // lost, or cancelled by a conflict with the replica's recovery: the read is done again on the primary
      } catch (DatabaseException e) {
        if (!e.connectionLost()) {
          throw e;
        }
        replica.skip("its connection was lost: " + e.getMessage());
      }
      return onPrimary(runId, nodeId, work, transaction);
    }
  }

  /**
   * {@link TransactionMode#WORKFLOW}: one connection and one transaction for the whole run, opened at the first
   * database work. The run commits or rolls back; nodes never do.
   */
  static final class Shared extends ConnectionContexts implements AutoCloseable {
    private final ConnectionPool pool;
    private final ExecutionOptions options;
    private Connection connection;

    Shared(ConnectionPool pool, ExecutionOptions options, RunSettings settings) {
      super(settings);
      this.pool = pool;
      this.options = options;
    }

    private Connection connection() {
      if (connection == null) {
        Connection c = pool.borrow();
        try {
          begin(c, options);
        } catch (RuntimeException e) {
          closeQuietly(c);
          throw e;
        }
        connection = c;
      }
      return connection;
    }

    @Override
    Context forNode(String runId, String nodeId, String nodeType, boolean readOnly) {
      return new Context(runId, nodeId, nodeType, settings()) {
        @Override
        public <T> T autoCommit(SqlWork<T> work) throws SQLException {
          return work.run(connection());
        }

        @Override
        public <T> T transaction(SqlWork<T> work) throws SQLException {
          return work.run(connection());
        }
      };
    }

    /**
     * Commits the run's transaction, if any node opened it; returns when it committed (see {@link Commit#settle}).
     *
     * @throws DatabaseException when it did not commit, or when whether it did is unknown
     */
    void commit(String runId) {
      if (connection != null) {
        Commit commit = Commit.attempt(connection);
        close();
        commit.settle(pool, runId, null, "the workflow's transaction");
      }
    }

    void rollback() {
      if (connection != null) {
        rollbackQuietly(connection, null);
      }
    }

    @Override
    public void close() {
      if (connection != null) {
        closeQuietly(connection);
        connection = null;
      }
    }
  }

  /** One node execution's context: its identity and the rows it reported; subclasses say where connections come from. */
  abstract static class Context implements NodeContext {
    private final String runId;
    private final String nodeId;
    private final String nodeType;
    private final RunSettings settings;
    private final AtomicLong rowsAffected = new AtomicLong();
    private final long started = System.nanoTime();
    /** Where reported progress goes: the run's listeners; nowhere until the run sets it. */
    private volatile java.util.function.Consumer<NodeProgress> progress = p -> {};

    Context(String runId, String nodeId, String nodeType, RunSettings settings) {
      this.runId = runId;
      this.nodeId = nodeId;
      this.nodeType = nodeType;
      this.settings = settings;
    }

    @Override
    public String runId() {
      return runId;
    }

    @Override
    public String nodeId() {
      return nodeId;
    }

    @Override
    public String nodeType() {
      return nodeType;
    }

    @Override
    public PiiScrubber piiScrubber() {
      return settings.piiScrubber();
    }

    @Override
    public ZoneId zone() {
      return settings.zone();
    }

    @Override
    public void addRowsAffected(long rows) {
      rowsAffected.addAndGet(rows);
    }

    /** Sends this node's progress reports to {@code sink}. */
    void onProgress(java.util.function.Consumer<NodeProgress> sink) {
      this.progress = sink;
    }

    @Override
    public void reportProgress(long done, long total) {
      progress.accept(new NodeProgress(runId, nodeId, nodeType, done, total,
          java.time.Duration.ofNanos(System.nanoTime() - started)));
    }

    /** The rows the node reported so far. */
    long rowsAffected() {
      return rowsAffected.get();
    }
  }

  static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // a broken connection: the pool discards it
    }
  }

  static void rollbackQuietly(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      if (failure != null) {
        failure.addSuppressed(DatabaseErrors.translate(e, "rollback"));
      }
    }
  }
}
