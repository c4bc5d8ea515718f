package dev.dataflow.runtime.node;

import java.sql.Connection;
import java.sql.SQLException;

/** What a running node may use: who it is, and the database. */
public interface NodeContext {
  /** The id of the workflow run. */
  String runId();

  /** The node's id in the workflow. */
  String nodeId();

  /** The node's type. */
  String nodeType();

  /** Runs {@code work} on a pooled connection in auto-commit mode: one statement, atomic on its own. */
  <T> T autoCommit(SqlWork<T> work) throws SQLException;

  /** Runs {@code work} in one transaction: it commits when {@code work} returns and rolls back when it throws. */
  <T> T transaction(SqlWork<T> work) throws SQLException;

  /**
   * Reports rows this node inserted, updated or deleted; the sum reaches {@code WorkflowListener}s as
   * {@code NodeEvent.rowsAffected()} when the node finishes. A node that writes nothing reports nothing.
   */
  void addRowsAffected(long rows);

  /** Work on a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
