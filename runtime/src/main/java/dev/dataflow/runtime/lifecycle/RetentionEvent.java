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
 * @param deleted rows deleted from this table (rows of other tables that ON DELETE CASCADE removed are not counted)
 * @param batches the delete statements run, each its own transaction; the last deletes fewer rows than the batch
 *     size
 * @param duration from taking the table's lock to releasing it
 * @param longestBatch the longest single batch, which is the longest any row of this table stayed locked by the
 *     sweep
 * @param skipped whether another sweeper held the table's lock, so this one left it alone (then {@code deleted}
 *     and {@code batches} are 0)
 * @param failure why the table's sweep stopped early (a foreign key of another table that forbids the delete, a
 *     lost connection), or null; the batches before it stay deleted
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
    DataFlowException failure) {

  public RetentionEvent {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(cutoff, "cutoff");
    Objects.requireNonNull(duration, "duration");
    Objects.requireNonNull(longestBatch, "longestBatch");
  }

  /** Whether the table's sweep stopped on an error ({@link #failure()}). */
  public boolean failed() {
    return failure != null;
  }
}
