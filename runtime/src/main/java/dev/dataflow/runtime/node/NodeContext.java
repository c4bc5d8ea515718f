package dev.dataflow.runtime.node;

import dev.dataflow.runtime.scrub.PiiScrubber;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.ZoneId;

/**
 * What a running node may use: who it is, the database, the scrubber of personal data in text, and the zone of
 * date-times written without offset.
 */
public interface NodeContext {
  /** The id of the workflow run. */
  String runId();

  /** The node's id in the workflow. */
  String nodeId();

  /** The node's type. */
  String nodeType();

  /**
   * The scrubber the application configured ({@code DataFlow.builder().piiScrubber(...)}, else
   * {@link PiiScrubber#defaults()}). The model nodes run the text of every {@code @Pii(scrub = true)} column they write
   * through it; an application node that stores free text may do the same.
   */
  PiiScrubber piiScrubber();

  /**
   * The zone a date-time written without offset is read in ({@code DataFlow.builder().zone(...)}, default UTC): the
   * model nodes read a {@code LocalDateTime} or an ISO-8601 string such as {@code 2026-11-30T09:15:00} given for a
   * TIMESTAMPTZ column ({@code Instant}, {@code OffsetDateTime}) in it, in values, records and filters alike. An
   * application node converting such input can pass it to
   * {@link ParamValues#toColumn(dev.dataflow.runtime.model.ColumnDescriptor, Object, String, ZoneId)}.
   */
  ZoneId zone();

  /**
   * Runs {@code work} on a pooled connection in auto-commit mode: one statement, atomic on its own. (In a WORKFLOW
   * run, and with an isolation level or statement timeout, the work runs in a transaction instead; see
   * {@link #transaction}.)
   *
   * <p>A write whose connection is lost before its result arrives may or may not have committed, and the driver
   * cannot tell. Report it as such: read {@link Connection#getAutoCommit()} before sending the statement and translate
   * its failure with {@link dev.dataflow.runtime.sql.DatabaseErrors#translateWrite}, as the model nodes do.
   *
   * @throws dev.dataflow.runtime.sql.DatabaseException when no connection could be had ({@code poolExhausted()}
   *     after the pool's connection timeout, or {@code connectionLost()})
   */
  <T> T autoCommit(SqlWork<T> work) throws SQLException;

  /**
   * Runs {@code work} in one transaction: it commits when {@code work} returns and rolls back when it throws. When the
   * connection fails during COMMIT, the database is asked whether the transaction committed (one round trip per
   * transaction reads its id first): if it did, this returns normally.
   *
   * @throws dev.dataflow.runtime.sql.DatabaseException when the transaction did not commit (nothing of it was
   *     written), or, with {@code outcomeUnknown()} true, when the database could not be asked whether it did
   */
  <T> T transaction(SqlWork<T> work) throws SQLException;

  /**
   * Reports rows this node inserted, updated or deleted; the sum reaches {@code WorkflowListener}s as
   * {@code NodeEvent.rowsAffected()} when the node finishes. A node that writes nothing reports nothing.
   */
  void addRowsAffected(long rows);

  /**
   * Reports how far the node has come, for {@code WorkflowListener.nodeProgress}: {@code done} records of
   * {@code total} ({@code -1} when unknown). A long node calls it after each batch; it is quick and never throws
   * because of a listener.
   */
  default void reportProgress(long done, long total) {}

  /** Work on a JDBC connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }
}
