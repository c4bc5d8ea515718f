package dev.dataflow.runtime;

import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.sql.DatabaseErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Where the nodes of a run get their connections, per {@link TransactionMode}. */
abstract class ConnectionContexts {

  abstract Context forNode(String runId, String nodeId, String nodeType);

  /** Applies isolation and statement timeout to a connection whose transaction has just begun. */
  static void begin(Connection connection, ExecutionOptions options) throws SQLException {
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
  }

  /** {@link TransactionMode#PER_NODE}: each piece of work borrows a pooled connection and gives it back. */
  static final class PerNode extends ConnectionContexts {
    private final DataSource dataSource;
    private final ExecutionOptions options;
    private final boolean plainAutoCommit;

    PerNode(DataSource dataSource, ExecutionOptions options) {
      this.dataSource = dataSource;
      this.options = options;
      this.plainAutoCommit = options.isolation() == null && options.statementTimeout() == null;
    }

    @Override
    Context forNode(String runId, String nodeId, String nodeType) {
      return new Context(runId, nodeId, nodeType) {
        @Override
        public <T> T autoCommit(SqlWork<T> work) throws SQLException {
          if (!plainAutoCommit) {
            return transaction(work); // the timeout and isolation need a transaction to live in
          }
          try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
          }
        }

        @Override
        public <T> T transaction(SqlWork<T> work) throws SQLException {
          try (Connection connection = dataSource.getConnection()) {
            try {
              begin(connection, options);
              T result = work.run(connection);
              connection.commit();
              return result;
            } catch (Throwable t) {
              rollbackQuietly(connection, t);
              throw t;
            }
          }
        }
      };
    }
  }

  /**
   * {@link TransactionMode#WORKFLOW}: one connection and one transaction for the whole run, opened at the first
   * database work. The run commits or rolls back; nodes never do.
   */
  static final class Shared extends ConnectionContexts implements AutoCloseable {
    private final DataSource dataSource;
    private final ExecutionOptions options;
    private Connection connection;

    Shared(DataSource dataSource, ExecutionOptions options) {
      this.dataSource = dataSource;
      this.options = options;
    }

    private Connection connection() throws SQLException {
      if (connection == null) {
        Connection c = dataSource.getConnection();
        try {
          begin(c, options);
        } catch (SQLException | RuntimeException e) {
          c.close();
          throw e;
        }
        connection = c;
      }
      return connection;
    }

    @Override
    Context forNode(String runId, String nodeId, String nodeType) {
      return new Context(runId, nodeId, nodeType) {
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

    void commit() {
      if (connection != null) {
        try {
          connection.commit();
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "commit");
        }
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
        try {
          connection.close();
        } catch (SQLException ignored) {
          // a broken connection: the pool discards it
        }
      }
    }
  }

  /** One node execution's context: its identity and the rows it reported; subclasses say where connections come from. */
  abstract static class Context implements NodeContext {
    private final String runId;
    private final String nodeId;
    private final String nodeType;
    private final AtomicLong rowsAffected = new AtomicLong();

    Context(String runId, String nodeId, String nodeType) {
      this.runId = runId;
      this.nodeId = nodeId;
      this.nodeType = nodeType;
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
    public void addRowsAffected(long rows) {
      rowsAffected.addAndGet(rows);
    }

    /** The rows the node reported so far. */
    long rowsAffected() {
      return rowsAffected.get();
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
