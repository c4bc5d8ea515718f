package dev.dataflow.runtime.model;

import java.util.Objects;

/**
 * A model's retention policy, from {@code @Retain}: a row is past retention {@code days} days after the time in its
 * {@code column}. Generated schemas attach it with {@link ModelDescriptor#withRetention}.
 *
 * <pre>{@code
 * new Retention(90, "timestamp")   // @Retain(days = 90, after = "timestamp")
 * }</pre>
 *
 * @param days how many days a row is kept; at least 1
 * @param column the date/time column the days count from (a column name, never a field name)
 */
public record Retention(int days, String column) {
  public Retention {
    if (days < 1) {
      throw new IllegalArgumentException("a retention keeps rows at least 1 day, not " + days);
    }
    Objects.requireNonNull(column, "column");
  }
}
