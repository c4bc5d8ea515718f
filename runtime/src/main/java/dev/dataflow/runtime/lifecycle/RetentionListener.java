package dev.dataflow.runtime.lifecycle;

/**
 * Hears a retention sweep, table by table: once for every table with {@code @Retain}, whether it was swept, skipped
 * (another instance held it) or failed. Called on the sweeping thread (the scheduler's, or the caller of
 * {@code DataFlow.sweepExpired}), so implementations must be thread-safe and quick. An exception thrown by a
 * listener is logged and ignored; it never changes the sweep.
 *
 * <pre>{@code
 * DataFlow db = DataFlow.builder()
 *     .retentionSchedule(Duration.ofHours(1))
 *     .retentionListener(e -> metrics.record(e.table(), e.deleted(), e.duration()))
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface RetentionListener {
  /** A listener that hears nothing. */
  RetentionListener NONE = event -> {};

  /** One table's part of a sweep is over. */
  void tableSwept(RetentionEvent event);
}
