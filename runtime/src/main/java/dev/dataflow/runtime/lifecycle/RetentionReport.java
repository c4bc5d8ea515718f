package dev.dataflow.runtime.lifecycle;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one retention sweep: a {@link RetentionEvent} for every table with {@code @Retain}, in the order
 * they were swept.
 *
 * <pre>{@code
 * RetentionReport report = db.sweepExpired(Instant.now());
 * long messages = report.deleted("conversation_messages");
 * long all = report.total();
 * }</pre>
 */
public final class RetentionReport {
  private final Map<String, RetentionEvent> byTable;

  RetentionReport(List<RetentionEvent> events) {
    Map<String, RetentionEvent> map = new LinkedHashMap<>();
    for (RetentionEvent event : events) {
      map.put(event.table(), event);
    }
    this.byTable = Collections.unmodifiableMap(map);
  }

  /**
   * Rows deleted from {@code table} (0 when it was skipped or had nothing due).
   *
   * @throws IllegalArgumentException when no model with {@code @Retain} has that table
   */
  public long deleted(String table) {
    return event(table).deleted();
  }

  /**
   * The partitions of {@code table} (a {@code @Partitioned} model's) that were dropped whole because every row in
   * them was past retention; their rows are in {@link RetentionEvent#rowsInDroppedPartitions()}, not in
   * {@link #deleted}.
   *
   * @throws IllegalArgumentException when no model with {@code @Retain} has that table
   */
  public int partitionsDropped(String table) {
    return event(table).partitionsDropped();
  }

  /** Rows deleted from all tables by the batched deletes (rows of dropped partitions are not counted). */
  public long total() {
    long total = 0;
    for (RetentionEvent event : byTable.values()) {
      total += event.deleted();
    }
    return total;
  }

  /**
   * What the sweep did to {@code table}.
   *
   * @throws IllegalArgumentException when no model with {@code @Retain} has that table
   */
  public RetentionEvent event(String table) {
    RetentionEvent event = byTable.get(table);
    if (event == null) {
      throw new IllegalArgumentException("no model with @Retain has table '" + table + "'; the swept tables are "
          + byTable.keySet());
    }
    return event;
  }

  /** Every table's outcome, in sweep order (children before the tables they reference). */
  public List<RetentionEvent> events() {
    return List.copyOf(byTable.values());
  }

  /** The tables another sweeper held, so this sweep left them alone. */
  public List<String> skipped() {
    return byTable.values().stream().filter(RetentionEvent::skipped).map(RetentionEvent::table).toList();
  }

  /** The tables whose sweep stopped on an error. */
  public List<String> failed() {
    return byTable.values().stream().filter(RetentionEvent::failed).map(RetentionEvent::table).toList();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("RetentionReport[");
    String separator = "";
    for (RetentionEvent e : byTable.values()) {
      sb.append(separator).append(e.table()).append('=')
          .append(e.skipped() ? "skipped" : e.failed() ? e.deleted() + " (failed)" : String.valueOf(e.deleted()));
      if (e.partitionsDropped() > 0) {
        sb.append(" + ").append(e.partitionsDropped()).append(" partitions dropped (")
            .append(e.rowsInDroppedPartitions()).append(" rows)");
      }
      separator = ", ";
    }
    return sb.append(']').toString();
  }
}
