package dev.dataflow.runtime;

import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.DatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The COMMIT of a transaction the engine opened (a {@link TransactionMode#WORKFLOW} run's, or a node's
 * {@code NodeContext.transaction}), and what became of it when the connection failed during it.
 *
 * <p>A COMMIT whose connection breaks is in doubt: the server may have committed just before the connection failed,
 * or not, and the driver cannot tell. So just before COMMIT the transaction's id is read (one round trip per
 * transaction, never per statement); when COMMIT then fails with a lost connection, a fresh pooled connection asks
 * the server {@code pg_xact_status(id)}. Only when the server cannot answer is the outcome reported as unknown.
 *
 * <pre>{@code
 * Commit commit = Commit.attempt(connection);    // never throws
 * connection.close();                            // a broken connection goes back before a fresh one is taken
 * commit.settle(pool, runId, nodeId, "the node's transaction");
 * }</pre>
 */
final class Commit {
  private static final Logger LOG = LoggerFactory.getLogger("dev.dataflow.runtime.workflow");
  /**
   * How often, and how far apart, to ask again while the server still reports the transaction in progress: its
   * backend has not yet noticed that its client is gone. Once it has, the transaction is committed or aborted.
   */
  static final int STATUS_POLLS = 50;
  static final long POLL_INTERVAL_MILLIS = 100;
  /** Fresh connections to try when the one asking breaks too (the pool may hand out one that died alongside). */
  private static final int STATUS_CONNECTIONS = 3;

  /** What the database says became of a transaction whose COMMIT lost its connection, or why it could not say. */
  enum Outcome { COMMITTED, ABORTED, IN_PROGRESS, UNREACHABLE, NO_FREE_CONNECTION }

  private final Ids ids;
  private final String transactionId;
  private final SQLException failure;
  private final boolean sent;

  private Commit(Ids ids, String transactionId, SQLException failure, boolean sent) {
    this.ids = ids;
    this.transactionId = transactionId;
    this.failure = failure;
    this.sent = sent;
  }

  /** Reads the transaction's id, then commits; a failure is kept for {@link #settle}, never thrown. */
  static Commit attempt(Connection connection) {
    Ids ids;
    String transactionId;
    try {
      ids = Ids.of(connection);
      transactionId = ids.current(connection);
    } catch (SQLException e) {
      // COMMIT was never sent, and a failed statement aborts the transaction anyway: nothing was written.
      rollbackQuietly(connection);
      return new Commit(Ids.NONE, null, e, false);
    }
    try {
      connection.commit();
      return new Commit(ids, transactionId, null, true);
    } catch (SQLException e) {
      return new Commit(ids, transactionId, e, true);
    }
  }

  /**
   * Returns when the transaction committed, asking the server first if the connection failed during COMMIT (and
   * logging a warning when it had committed after all); throws otherwise.
   *
   * @param nodeId the node whose transaction this is, or null for a WORKFLOW run's
   * @param what the transaction, for messages: "the node's transaction", "the workflow's transaction"
   * @throws DatabaseException what the database says: refused or aborted (nothing written), or
   *     {@link DatabaseException#outcomeUnknown()} when it could not be asked
   */
  void settle(ConnectionPool pool, String runId, String nodeId, String what) {
    if (failure == null) {
      return;
    }
    String state = failure.getSQLState() == null ? "08006" : failure.getSQLState();
    if (!sent) {
      throw amended(DatabaseErrors.translate(failure, "the commit of " + what),
          "COMMIT was never sent, so the transaction was rolled back and nothing of it was written");
    }
    if (!DatabaseErrors.connectionLost(failure)) {
      // The server answered: a deferred constraint, a serialization failure... and rolled the transaction back.
      throw amended(DatabaseErrors.translate(failure, "the commit of " + what),
          "PostgreSQL rolled the transaction back, so nothing of it was written");
    }
    String lost = "the connection to the database was lost during the COMMIT of " + what + " (SQLSTATE " + state
        + ")";
    if (ids == Ids.NONE) {
      throw inDoubt(lost + ", and this PostgreSQL (before version 10) cannot be asked what became of it: it may"
          + " have committed, or not. Check before retrying, which could write it twice: look its rows up by their"
          + " keys or unique values", state);
    }
    if (transactionId == null) {
      throw new DatabaseException(lost + "; the transaction had written nothing, so whether it committed or was"
          + " rolled back, nothing of it was written", state, null);
    }
    Outcome outcome = resolve(pool);
    switch (outcome) {
      // Logged whatever ExecutionOptions.logging says: it is the only trace of a connection lost at the worst moment.
      case COMMITTED -> LOG.warn("run {}{}: {}; the database reports transaction {} committed, so its writes stand",
          runId, nodeId == null ? "" : " node " + nodeId, lost, transactionId);
      case ABORTED -> throw new DatabaseException(lost + "; the database reports transaction " + transactionId
          + " aborted, so it was rolled back and nothing of it was written", state, null);
      case IN_PROGRESS -> throw inDoubt(lost + ". The database still reports transaction " + transactionId
          + " in progress " + (STATUS_POLLS * POLL_INTERVAL_MILLIS / 1000) + " s later, so it may yet commit, or"
          + " not. " + howToCheck(), state);
      case UNREACHABLE -> throw inDoubt(lost + ", and the database could not be reached to ask whether transaction "
          + transactionId + " committed: it may have, or not. " + howToCheck(), state);
      case NO_FREE_CONNECTION -> throw inDoubt(lost + ", and no pooled connection became free in time to ask the"
          + " database whether transaction " + transactionId + " committed: it may have, or not. " + howToCheck(),
          state);
    }
  }

  private String howToCheck() {
    return "Check before retrying, which could write it twice: " + ids.statusQuery(transactionId) + " answers"
        + " 'committed' (every write of the transaction stands) or 'aborted' (none does); or look the rows up by"
        + " their keys or unique values";
  }

  /** Asks fresh connections for the transaction's status until it is no longer in progress. */
  private Outcome resolve(ConnectionPool pool) {
    for (int attempt = 0; attempt < STATUS_CONNECTIONS; attempt++) {
      Connection connection;
      try {
        connection = pool.borrow();
      } catch (DatabaseException e) {
        // the pool already waited its connection timeout
        return e.poolExhausted() ? Outcome.NO_FREE_CONNECTION : Outcome.UNREACHABLE;
      }
      try (connection; PreparedStatement ps = connection.prepareStatement(ids.statusSql())) {
        ps.setString(1, transactionId);
        for (int poll = 0; poll < STATUS_POLLS; poll++) {
          String status;
          try (ResultSet rs = ps.executeQuery()) {
            status = rs.next() ? rs.getString(1) : null;
          }
          if ("committed".equals(status)) {
            return Outcome.COMMITTED;
          }
          if ("aborted".equals(status)) {
            return Outcome.ABORTED;
          }
          if (!"in progress".equals(status)) {
            return Outcome.UNREACHABLE; // null: the server no longer knows; cannot happen for a recent transaction
          }
          Thread.sleep(POLL_INTERVAL_MILLIS);
        }
        return Outcome.IN_PROGRESS;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Outcome.UNREACHABLE;
      } catch (SQLException e) {
        if (!DatabaseErrors.connectionLost(e)) {
          return Outcome.UNREACHABLE;
        }
        // that connection had died too; the pool evicts it, try another
      }
    }
    return Outcome.UNREACHABLE;
  }

  private static DatabaseException inDoubt(String message, String state) {
    return DatabaseException.inDoubt(message, state);
  }

  private static DatabaseException amended(DatabaseException e, String consequence) {
    DatabaseException amended = new DatabaseException(e.getMessage() + ". " + consequence, e.sqlState(),
        e.constraint());
    amended.setStackTrace(e.getStackTrace());
    return amended;
  }

  private static void rollbackQuietly(Connection connection) {
    try {
      connection.rollback();
    } catch (SQLException ignored) {
      // a broken connection: the server discards the transaction when it notices
    }
  }

  /**
   * The SQL that reads a transaction's id and its status, by server version: {@code pg_current_xact_id_if_assigned}
   * and {@code pg_xact_status} from PostgreSQL 13, {@code txid_current_if_assigned} and {@code txid_status} in 10 to
   * 12; before 10, none.
   */
  private enum Ids {
    XACT("select pg_current_xact_id_if_assigned()", "select pg_xact_status(?::xid8)"),
    TXID("select txid_current_if_assigned()", "select txid_status(?::bigint)"),
    NONE(null, null);

    private final String currentSql;
    private final String statusSql;

    Ids(String currentSql, String statusSql) {
      this.currentSql = currentSql;
      this.statusSql = statusSql;
    }

    /** From the version the driver read at connect time: no round trip. */
    static Ids of(Connection connection) throws SQLException {
      int major = connection.getMetaData().getDatabaseMajorVersion();
      return major >= 13 ? XACT : major >= 10 ? TXID : NONE;
    }

    /** The transaction's id, or null when it has written nothing (PostgreSQL assigns ids at the first write). */
    String current(Connection connection) throws SQLException {
      if (currentSql == null) {
        return null;
      }
      try (PreparedStatement ps = connection.prepareStatement(currentSql); ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }

    String statusSql() {
      return statusSql;
    }

    /** The query a person can run to check, with the id written in. */
    String statusQuery(String id) {
      return this == XACT ? "SELECT pg_xact_status('" + id + "'::xid8)" : "SELECT txid_status(" + id + ")";
    }
  }
}
