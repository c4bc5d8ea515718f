package dev.dataflow.runtime;

import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.DatabaseException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
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

  abstract Context forNode(String runId, String nodeId, String nodeType);

  /**
   * Applies isolation and statement timeout to a connection whose transaction has just begun.
   *
   * @throws DatabaseException when the connection refuses
   */
  static void begin(Connection connection, ExecutionOptions options) {
    try {
      connection.setAutoCommit(false);
      if (options.isolation() != null) {
        connection.setTransactionIsolation(options.isolation().jdbcLevel());
      }
      if (options.statementTimeout() != null) {
        try (Statement s = connection.createStatement()) {
          // SET LOCAL ends with the transaction, so the pooled connection goes back without it.
          s.execute("SET LOCAL statement_timeout = " + options.statementTimeout().toMillis());
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
   */
  static final class PerNode extends ConnectionContexts {
    private final ConnectionPool pool;
    private final ExecutionOptions options;
    private final boolean plainAutoCommit;

    PerNode(ConnectionPool pool, ExecutionOptions options, RunSettings settings) {
      super(settings);
      this.pool = pool;
      this.options = options;
      this.plainAutoCommit = options.isolation() == null && options.statementTimeout() == null;
    }

    @Override
    Context forNode(String runId, String nodeId, String nodeType) {
      return new Context(runId, nodeId, nodeType, settings()) {
        @Override
        public <T> T autoCommit(SqlWork<T> work) throws SQLException {
          if (!plainAutoCommit) {
            return transaction(work); // the timeout and isolation need a transaction to live in
          }
          try (Connection connection = pool.borrow()) {
            return work.run(connection);
          }
        }

        @Override
        public <T> T transaction(SqlWork<T> work) throws SQLException {
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
      };
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
    Context forNode(String runId, String nodeId, String nodeType) {
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
