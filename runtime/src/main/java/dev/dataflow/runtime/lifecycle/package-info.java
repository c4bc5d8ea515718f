/**
 * Acting on the lifecycle a model declares: {@link dev.dataflow.runtime.lifecycle.RetentionSweeper} deletes the rows
 * of every {@code @Retain} model that are past their period, in short batches, one instance per table at a time (a
 * PostgreSQL advisory lock), children before parents; it reports each table to a
 * {@link dev.dataflow.runtime.lifecycle.RetentionListener} and the log, and sums the sweep up in a
 * {@link dev.dataflow.runtime.lifecycle.RetentionReport}. It owns the cutoff (now minus the days, as the column's
 * type), the batch loop, the lock and the order of tables.
 *
 * <p>It may import {@code model}, {@code sql} (which renders and binds its statement and translates the database's
 * errors) and {@link dev.dataflow.runtime.DataFlowException}, nothing else of the runtime; {@link
 * dev.dataflow.runtime.DataFlow} wires it ({@code sweepExpired}, {@code retentionSchedule}).
 *
 * <pre>{@code
 * RetentionSweeper sweeper = new RetentionSweeper(dataSource, models, 1000, RetentionListener.NONE);
 * RetentionReport report = sweeper.sweep(Instant.now());
 * report.deleted("conversation_messages");
 * }</pre>
 */
package dev.dataflow.runtime.lifecycle;
