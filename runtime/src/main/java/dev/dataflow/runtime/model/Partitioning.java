package dev.dataflow.runtime.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@code @Partitioned} model's table is partitioned: by range of the date/time {@code column}, one partition
 * per {@code interval}, aligned in UTC, plus a default partition. Generated schemas attach it with
 * {@link ModelDescriptor#withPartitioning}.
 *
 * <pre>{@code
 * new Partitioning("timestamp", Partitioning.Interval.MONTH)   // @Partitioned(by = "timestamp")
 * }</pre>
 *
 * <p>A partition is named after its table and the start of its interval, exactly as the processor's DDL names it:
 * {@code conversation_messages_p2026_11} (month), {@code _p2026_11_30} (day), {@code _p2026w48} (ISO week, starting
 * Monday), {@code _p2026} (year); the default partition is {@code conversation_messages_default}. Bounds are UTC:
 * {@code '2026-11-01 00:00:00+00'} for a TIMESTAMPTZ column, the UTC wall time for TIMESTAMP, the date for DATE.
 *
 * @param column the partition column (a column name); part of the table's key
 * @param interval the span of one partition
 */
public record Partitioning(String column, Interval interval) {

  /** The span of one partition; the names match {@code @Partitioned.Interval}. */
  public enum Interval {
    DAY,
    WEEK,
    MONTH,
    YEAR
  }

  public Partitioning {
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(interval, "interval");
  }

  /** The start (UTC) of the interval that holds {@code time} (a UTC wall time). */
  public LocalDateTime start(LocalDateTime time) {
    LocalDate day = time.toLocalDate();
    LocalDate start = switch (interval) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
      case YEAR -> day.withDayOfYear(1);
    };
    return start.atStartOfDay();
  }

  /** The start of the interval after the one starting at {@code start}, which is also that one's (exclusive) end. */
  public LocalDateTime next(LocalDateTime start) {
    return switch (interval) {
      case DAY -> start.plusDays(1);
      case WEEK -> start.plusWeeks(1);
      case MONTH -> start.plusMonths(1);
      case YEAR -> start.plusYears(1);
    };
  }

  /** The name of the partition of {@code table} whose interval starts at {@code start}. */
  public String partitionName(String table, LocalDateTime start) {
    LocalDate d = start.toLocalDate();
    String suffix = switch (interval) {
      case DAY -> String.format(Locale.ROOT, "%04d_%02d_%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      case WEEK -> String.format(Locale.ROOT, "%04dw%02d", d.get(IsoFields.WEEK_BASED_YEAR),
          d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      case MONTH -> String.format(Locale.ROOT, "%04d_%02d", d.getYear(), d.getMonthValue());
      case YEAR -> String.format(Locale.ROOT, "%04d", d.getYear());
    };
    return table + "_p" + suffix;
  }

  /**
   * The start of the interval a partition name of {@code table} stands for, or null when {@code name} is not one
   * this class makes (a partition created by hand, the default partition).
   */
  public LocalDateTime startOf(String table, String name) {
    String prefix = table + "_p";
    if (!name.startsWith(prefix)) {
      return null;
    }
    String suffix = name.substring(prefix.length());
    try {
      LocalDate start = switch (interval) {
        case DAY -> suffix.matches("\\d{4}_\\d{2}_\\d{2}") ? LocalDate.of(Integer.parseInt(suffix.substring(0, 4)),
            Integer.parseInt(suffix.substring(5, 7)), Integer.parseInt(suffix.substring(8, 10))) : null;
        case WEEK -> suffix.matches("\\d{4}w\\d{2}") ? LocalDate.of(Integer.parseInt(suffix.substring(0, 4)), 1, 4)
            .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(suffix.substring(5, 7)))
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : null;
        case MONTH -> suffix.matches("\\d{4}_\\d{2}") ? LocalDate.of(Integer.parseInt(suffix.substring(0, 4)),
            Integer.parseInt(suffix.substring(5, 7)), 1) : null;
        case YEAR -> suffix.matches("\\d{4}") ? LocalDate.of(Integer.parseInt(suffix), 1, 1) : null;
      };
      return start == null ? null : start.atStartOfDay();
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The name of the default partition of {@code table}. */
  public static String defaultPartition(String table) {
    return table + "_default";
  }

  /**
   * A bound as an SQL literal for a column of {@code javaType}: {@code '2026-11-01 00:00:00+00'} for an instant,
   * {@code '2026-11-01 00:00:00'} for a {@code LocalDateTime}, {@code '2026-11-01'} for a {@code LocalDate}.
   */
  public static String boundLiteral(JavaType javaType, LocalDateTime bound) {
    String date = String.format(Locale.ROOT, "%04d-%02d-%02d", bound.getYear(), bound.getMonthValue(),
        bound.getDayOfMonth());
    String time = String.format(Locale.ROOT, "%02d:%02d:%02d", bound.getHour(), bound.getMinute(), bound.getSecond());
    return switch (javaType) {
      case INSTANT, OFFSET_DATE_TIME -> "'" + date + " " + time + "+00'";
      case LOCAL_DATE_TIME -> "'" + date + " " + time + "'";
      case LOCAL_DATE -> "'" + date + "'";
      default -> throw new IllegalArgumentException("a partition bound is a date or time, not " + javaType);
    };
  }

  /** {@code instant} as UTC wall time, the scale partition bounds are on. */
  public static LocalDateTime utc(java.time.Instant instant) {
    return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}
