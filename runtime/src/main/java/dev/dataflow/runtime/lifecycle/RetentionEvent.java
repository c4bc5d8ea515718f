package dev.dataflow.runtime.lifecycle;

import dev.dataflow.runtime.DataFlowException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a sweep did to one table. It carries names, counts and times only, never a row's values.
 *
 * @param model the model's simple name ({@code ConversationMessage})
 * @param table the table
 * @param cutoff rows whose retention column is before this instant were due (now minus the model's days)
 * @param deleted rows deleted from this table by the batched deletes (rows of other tables that ON DELETE CASCADE
 *     removed are not counted, nor the rows of dropped partitions: see {@code rowsInDroppedPartitions})
 * @param batches the delete statements run, each its own transaction; the last deletes fewer rows than the batch
 *     size
 * @param duration from taking the table's lock to releasing it
 * @param longestBatch the longest single batch, which is the longest any row of this table stayed locked by the
 *     sweep
 * @param skipped whether another sweeper held the table's lock, so this one left it alone (then {@code deleted}
 *     and {@code batches} are 0)
 * @param failure why the table's sweep stopped early (a foreign key of another table that forbids the delete, a
 *     lost connection), or null; the batches before it stay deleted
 * @param partitionsDropped for a {@code @Partitioned} table, the partitions wholly past the cutoff that were
 *     detached and dropped before the batches ran; 0 otherwise
 * @param rowsInDroppedPartitions the rows those partitions held, counted exactly ({@code count(*)} of each detached
 *     partition, in the transaction that drops it)
 */
public record RetentionEvent(
    String model,
    String table,
    Instant cutoff,
    long deleted,
    int batches,
    Duration duration,
    Duration longestBatch,
    boolean skipped,
    DataFlowException failure,
    int partitionsDropped,
    long rowsInDroppedPartitions) {

  /** The event of a sweep that dropped no partition (a plain table, or nothing wholly expired). */
  public RetentionEvent(
      String model,
      String table,
      Instant cutoff,
      long deleted,
      int batches,
      Duration duration,
      Duration longestBatch,
      boolean skipped,
      DataFlowException failure) {
    this(model, table, cutoff, deleted, batches, duration, longestBatch, skipped, failure, 0, 0);
  }

  public RetentionEvent {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(longestBatch, "longestBatch");
  }

  /** All the rows the sweep removed from this table: {@link #deleted()} plus {@link #rowsInDroppedPartitions()}. */
  public long removed() {
    return deleted + rowsInDroppedPartitions;
  }

  /** Whether the table's sweep stopped on an error ({@link #failure()}). */
  public boolean failed() {
    return failure != null;
  }
}
