package dev.dataflow.runtime.sql;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * What PostgreSQL (through pgjdbc) stores unchanged, and how deep DataFlow lets input nest. {@link ValueConverter},
 * {@link FilterCompiler} and {@link Json} check values against these limits before anything is bound, so that a value
 * is refused with its parameter and the range instead of being stored changed or refused by the server with a bare
 * SQLSTATE. Without the checks pgjdbc stores a NUMERIC beyond 131,072 integer digits as {@code 0}, an unpaired
 * surrogate as {@code ?} and a date before 4713-01-01 BC as {@code -infinity}; PostgreSQL refuses a NUL character
 * (22021) and a date after its range (22008); and a filter or JSON value nested thousands of levels deep overflows
 * the stack of whoever walks it recursively.
 *
 * <pre>{@code
 * PostgresLimits.MAX_DEPTH                 // 64: $and/$or/$not levels of a filter, containers of a JSON value
 * PostgresLimits.MIN_DATE                  // 4713-01-01 BC (ISO year -4712)
 * }</pre>
 */
public final class PostgresLimits {
  /**
   * How deep input may nest: at most this many levels of {@code $and}, {@code $or} and {@code $not} in a filter,
   * and at most this many maps and lists inside one another in a JSON value (the outermost counts as one), written
   * or read.
   */
  public static final int MAX_DEPTH = 64;

  /**
   * The first day of DATE, TIMESTAMP and TIMESTAMPTZ values: 4713-01-01 BC. PostgreSQL's own range starts at
   * 4714-11-24 BC, but pgjdbc sends anything before 4713-01-01 BC as {@code -infinity}.
   */
  public static final LocalDate MIN_DATE = LocalDate.of(-4712, 1, 1);
  /** The last DATE: 5874897-12-31. */
  public static final LocalDate MAX_DATE = LocalDate.of(5_874_897, 12, 31);
  /** The first TIMESTAMP: 4713-01-01 00:00 BC. */
  public static final LocalDateTime MIN_TIMESTAMP = MIN_DATE.atStartOfDay();
  /** The last TIMESTAMP: 294276-12-31 23:59:59.999999 (PostgreSQL keeps microseconds). */
  public static final LocalDateTime MAX_TIMESTAMP = LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_000);
  /** The first TIMESTAMPTZ, 4713-01-01 00:00 BC UTC. */
  public static final Instant MIN_INSTANT = MIN_TIMESTAMP.toInstant(ZoneOffset.UTC);
  /** The last TIMESTAMPTZ, 294276-12-31 23:59:59.999999 UTC. */
  public static final Instant MAX_INSTANT = MAX_TIMESTAMP.toInstant(ZoneOffset.UTC);

  /** The most digits before the decimal point of an unconstrained NUMERIC. */
  public static final int NUMERIC_MAX_INTEGER_DIGITS = 131_072;
  /** The most digits after the decimal point of an unconstrained NUMERIC. */
  public static final int NUMERIC_MAX_SCALE = 16_383;

  static final String DATE_RANGE = "4713-01-01 BC to 5874897-12-31";
  static final String TIMESTAMP_RANGE = "4713-01-01 00:00 BC to 294276-12-31 23:59:59.999999";

  private static final NumericLimits UNCONSTRAINED =
      new NumericLimits("NUMERIC", NUMERIC_MAX_INTEGER_DIGITS, NUMERIC_MAX_SCALE);

  private PostgresLimits() {}

  // ------------------------------------------------------------------------------------------------------- text

  /**
   * What keeps {@code text} from being stored as given, or null: a NUL character (PostgreSQL text cannot hold
   * U+0000) or half of a surrogate pair (not a character; the driver would send {@code ?}). The index is a position,
   * never part of the value.
   */
  static String textProblem(CharSequence text) {
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        return "holding a NUL character (U+0000) at index " + i + ", which PostgreSQL cannot store in text";
      }
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return "holding an unpaired UTF-16 surrogate at index " + i + ", which is no character (it would be stored"
            + " as '?')";
      }
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------------- numeric

  /**
   * How many digits a NUMERIC column holds before and after the decimal point.
   *
   * @param type the column's type as the DDL spells it, for messages
   */
  record NumericLimits(String type, long integerDigits, int scale) {
    /** The limits of a column of this SQL type: {@code NUMERIC(p,s)}, {@code NUMERIC(p)}, else unconstrained. */
    static NumericLimits of(String sqlType) {
      String type = sqlType == null ? "" : sqlType.replace(" ", "").toUpperCase(Locale.ROOT);
      int open = type.indexOf('(');
      if (open < 0 || !type.endsWith(")")
          || !(type.startsWith("NUMERIC(") || type.startsWith("DECIMAL("))) {
        return UNCONSTRAINED;
      }
      String[] parts = type.substring(open + 1, type.length() - 1).split(",", -1);
      try {
        int precision = Integer.parseInt(parts[0]);
        int scale = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
        if (parts.length > 2 || precision < 1 || scale < 0 || scale > precision) {
          return UNCONSTRAINED;
        }
        return new NumericLimits("NUMERIC(" + precision + "," + scale + ")", precision - scale, scale);
      } catch (NumberFormatException notNumbers) {
        return UNCONSTRAINED;
      }
    }

    /** Unconstrained NUMERIC: PostgreSQL's own limits. */
    static NumericLimits unconstrained() {
      return UNCONSTRAINED;
    }

    /** "at most 8 digits before the decimal point and 2 after", for messages. */
    String describe() {
      return "at most " + integerDigits + " digits before the decimal point and " + scale + " after";
    }
  }

  /**
   * {@code value} as it is stored in a column with these limits (with fewer trailing zeros when it has more
   * decimal places than the column keeps), or null when storing it would change it: more digits before the decimal
   * point than the column holds, or non-zero digits beyond its scale (PostgreSQL would round them; DataFlow never
   * rounds). Cheap even for {@code 1E+999999999}: nothing is expanded.
   */
  static BigDecimal fit(BigDecimal value, NumericLimits limits) {
    if (value.signum() == 0) {
      return value.scale() > limits.scale() ? value.setScale(limits.scale()) : value;
    }
    long integerDigits = Math.max(0L, (long) value.precision() - value.scale());
    if (integerDigits > limits.integerDigits()) {
      return null;
    }
    if (value.scale() <= limits.scale()) {
      return value;
    }
    if ((long) value.scale() - limits.scale() >= value.precision()) {
      return null; // every digit lies beyond the scale, and one of them is not zero
    }
    try {
      return value.setScale(limits.scale(), RoundingMode.UNNECESSARY);
    } catch (ArithmeticException wouldRound) {
      return null;
    }
  }

  // ------------------------------------------------------------------------------------------------ date, time

  /** Whether PostgreSQL's DATE holds {@code date} (and pgjdbc sends it as itself). */
  static boolean holds(LocalDate date) {
    return !date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE);
  }

  /** Whether PostgreSQL's TIMESTAMP holds {@code timestamp} without rounding it into another day or out of range. */
  static boolean holds(LocalDateTime timestamp) {
    return !timestamp.isBefore(MIN_TIMESTAMP) && !timestamp.isAfter(MAX_TIMESTAMP);
  }

  /** Whether PostgreSQL's TIMESTAMPTZ holds {@code instant}. */
  static boolean holds(Instant instant) {
    return !instant.isBefore(MIN_INSTANT) && !instant.isAfter(MAX_INSTANT);
  }
}
