package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Converts node inputs to a column's Java type, for every {@link dev.dataflow.runtime.model.JavaType}. No
 * reflection: each type is one branch of a switch. {@link JdbcValues} binds the results and reads columns back.
 *
 * <pre>{@code
 * Object start = ValueConverter.toJava(column, "2024-05-01T09:30:00+08:00", "fields.start_time"); // Instant
 * }</pre>
 *
 * <p>Numbers convert between numeric types only when the value is kept: {@code 3.0} fits an INT, {@code 3.5} and
 * {@code 2^40} do not. For FLOAT and DOUBLE "kept" means the shortest decimal form is the same, so a JSON
 * {@code 0.1} (a {@code Double}) is accepted for a FLOAT column while {@code 0.123456789} is not.
 *
 * <p>Only values PostgreSQL stores as given are accepted ({@link PostgresLimits}): text without NUL characters or
 * unpaired surrogates, NUMERIC within PostgreSQL's digits, dates and times within PostgreSQL's range (its
 * {@code infinity} and {@code -infinity} are refused: java.time has no infinite value), JSON nested at most
 * {@value PostgresLimits#MAX_DEPTH} levels without NUL characters, unpaired surrogates, NaN or infinities.
 * FLOAT and DOUBLE accept NaN and the infinities, which PostgreSQL stores. {@link #toStored} also refuses what the
 * column's own {@code NUMERIC(p,s)} would round.
 *
 * <p>Times as people write them: a TIMESTAMPTZ column ({@code Instant}, {@code OffsetDateTime}) given a
 * {@code LocalDateTime} or an ISO-8601 string without an offset ({@code 2026-11-30T09:15:00}) reads it in the zone
 * passed to {@link #toJava(ColumnDescriptor, Object, String, ZoneId)}, the {@code DataFlow}'s
 * ({@code DataFlow.builder().zone(...)}, default UTC), as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} does: a
 * local time in a daylight-saving gap is moved forward by the gap's length ({@code 02:30} on a spring-forward night in
 * Berlin is {@code 03:30+02:00}), one in an overlap takes the earlier offset ({@code 02:30} on the autumn night is
 * {@code 02:30+02:00}). {@code Instant}, {@code OffsetDateTime}, {@code ZonedDateTime} and strings with an offset or
 * zone keep their own. A TIMESTAMP column ({@code LocalDateTime}) takes local date-times only: a string with an offset
 * or {@code Z}, or an instant, is refused rather than silently shifted or cut.
 *
 * <p>Error messages name the parameter, the column, the expected type and the class of the given value, never the
 * value: it may be personal data.
 */
public final class ValueConverter {
  private ValueConverter() {}

  // ---------------------------------------------------------------------------------------------------- toJava

  /**
   * Converts {@code input} like {@link #toJava(ColumnDescriptor, Object, String, ZoneId)}, reading a date-time
   * without offset given for a TIMESTAMPTZ column in UTC. Nodes convert with their {@code DataFlow}'s zone instead
   * ({@code NodeContext.zone()}); the checks of a workflow's literal parameters at {@code build()}, where no
   * {@code DataFlow} is known, use this form: what it accepts and refuses does not depend on the zone, except for a
   * date-time within 18 hours of PostgreSQL's limits, which the run decides in its own zone.
   */
  public static Object toJava(ColumnDescriptor column, Object input, String parameter) {
    return toJava(column, input, parameter, ZoneOffset.UTC);
  }

  /**
   * Converts {@code input} to the Java type of {@code column}. Null stays null: nullability is the database's and
   * the node's business.
   *
   * @param parameter the parameter path for messages, such as {@code fields.age} or {@code filters.age.$gte}; the
   *     column name when null
   * @param zone the zone a {@code LocalDateTime} or an ISO-8601 string without offset is read in when the column is
   *     a TIMESTAMPTZ ({@code Instant} or {@code OffsetDateTime}); see the class comment for daylight-saving gaps and
   *     overlaps
   * @throws InvalidValueException when the value does not convert, or PostgreSQL's type cannot hold it unchanged
   */
  public static Object toJava(ColumnDescriptor column, Object input, String parameter, ZoneId zone) {
    Objects.requireNonNull(zone, "zone");
    if (input == null) {
      return null;
    }
    String param = parameter == null ? column.name() : parameter;
    return switch (column.javaType()) {
      case STRING -> toStringValue(column, input, param);
      case SHORT -> (short) toWhole(column, input, param, Short.MIN_VALUE, Short.MAX_VALUE, "a Short");
      case INT -> (int) toWhole(column, input, param, Integer.MIN_VALUE, Integer.MAX_VALUE, "an Integer");
      case LONG -> toWhole(column, input, param, Long.MIN_VALUE, Long.MAX_VALUE, "a Long");
      case FLOAT -> toFloat(column, input, param);
      case DOUBLE -> toDouble(column, input, param);
      case BIG_DECIMAL -> toBigDecimal(column, input, param);
      case BOOLEAN -> toBoolean(column, input, param);
      case UUID -> toUuid(column, input, param);
      case INSTANT -> toOffsetDateTime(column, input, param, "an Instant", zone).toInstant();
      case OFFSET_DATE_TIME -> toOffsetDateTime(column, input, param, "an OffsetDateTime", zone);
      case LOCAL_DATE_TIME -> toLocalDateTime(column, input, param);
      case LOCAL_DATE -> toLocalDate(column, input, param);
      case BYTES -> toBytes(column, input, param);
      case ENUM -> toEnum(column, input, param);
      case JSON -> toJson(column, input, param);
    };
  }

  /**
   * Converts {@code input} like {@link #toJava}, for a value the column is to store: also refused when the
   * column itself would store it changed, that is a BigDecimal with more digits before the decimal point, or
   * non-zero digits after it, than the column's {@code NUMERIC(p,s)} keeps. DataFlow never rounds: round the value
   * first when that is intended. A filter operand is converted with {@link #toJava}, since comparing with
   * {@code 1.234} is meaningful for a NUMERIC(10,2) column.
   *
   * @param zone as for {@link #toJava(ColumnDescriptor, Object, String, ZoneId)}
   * @throws InvalidValueException when the value does not convert or the column would not store it unchanged
   */
  public static Object toStored(ColumnDescriptor column, Object input, String parameter, ZoneId zone) {
    Object value = toJava(column, input, parameter, zone);
    if (value instanceof BigDecimal decimal) {
      PostgresLimits.NumericLimits limits = PostgresLimits.NumericLimits.of(column.sqlType());
      BigDecimal fitted = PostgresLimits.fit(decimal, limits);
      if (fitted == null) {
        throw mismatch(column, input, parameter == null ? column.name() : parameter,
            "a BigDecimal (" + limits.type() + ": " + limits.describe() + ")",
            "with more digits, which the column would round or refuse; round it first if that is intended");
      }
      return fitted;
    }
    return value;
  }

  /**
   * {@link #toStored(ColumnDescriptor, Object, String, ZoneId)} reading a date-time without offset in UTC, as
   * {@link #toJava(ColumnDescriptor, Object, String)} does: for checks where no {@code DataFlow}'s zone is known.
   */
  public static Object toStored(ColumnDescriptor column, Object input, String parameter) {
    return toStored(column, input, parameter, ZoneOffset.UTC);
  }

  private static String toStringValue(ColumnDescriptor column, Object input, String param) {
    String text;
    if (input instanceof String s) {
      text = s;
    } else if (input instanceof CharSequence || input instanceof Character) {
      text = input.toString();
    } else {
      throw mismatch(column, input, param, "a String", "");
    }
    // No NUL character, no unpaired surrogate: PostgreSQL cannot store the one, the driver would send '?' for the other.
    String problem = PostgresLimits.textProblem(text);
    if (problem != null) {
      throw mismatch(column, input, param, "a String of characters PostgreSQL stores", problem);
    }
    return text;
  }

  private static long toWhole(ColumnDescriptor column, Object input, String param, long min, long max, String expected) {
    if (input instanceof Integer i) {
      // The common case: JSON and Java literals. Range-check for SHORT.
      if (i >= min && i <= max) {
        return i;
      }
    } else if (input instanceof Long l && l >= min && l <= max) {
      return l;
    } else if (input instanceof Short s) {
      return s;
    } else if (input instanceof Byte b) {
      return b;
    }
    BigDecimal decimal = decimalOf(input);
    String range = " (a whole number from " + min + " to " + max + ")";
    if (decimal == null) {
      throw mismatch(column, input, param, expected + range, "that is not a number");
    }
    try {
      long whole = decimal.longValueExact();
      if (whole >= min && whole <= max) {
        return whole;
      }
    } catch (ArithmeticException notWholeOrTooLarge) {
      // reported below
    }
    throw mismatch(column, input, param, expected + range, "that is not a whole number in range");
  }

  private static Float toFloat(ColumnDescriptor column, Object input, String param) {
    if (input instanceof Float f) {
      return f;
    }
    String expected = "a Float (REAL)";
    Double special = specialFloatingPoint(input);
    if (special != null) {
      return special.floatValue();
    }
    BigDecimal decimal = decimalOf(input);
    if (decimal == null) {
      throw mismatch(column, input, param, expected, "that is not a number");
    }
    float f = decimal.floatValue();
    if (Float.isInfinite(f) || new BigDecimal(Float.toString(f)).compareTo(decimal) != 0) {
      throw mismatch(column, input, param, expected, "whose value a Float cannot hold exactly");
    }
    return f;
  }

  private static Double toDouble(ColumnDescriptor column, Object input, String param) {
    if (input instanceof Double d) {
      return d;
    }
    String expected = "a Double (DOUBLE PRECISION)";
    Double special = specialFloatingPoint(input);
    if (special != null) {
      return special;
    }
    BigDecimal decimal = decimalOf(input);
    if (decimal == null) {
      throw mismatch(column, input, param, expected, "that is not a number");
    }
    double d = decimal.doubleValue();
    if (Double.isInfinite(d) || BigDecimal.valueOf(d).compareTo(decimal) != 0) {
      throw mismatch(column, input, param, expected, "whose value a Double cannot hold exactly");
    }
    return d;
  }

  private static BigDecimal toBigDecimal(ColumnDescriptor column, Object input, String param) {
    BigDecimal decimal = decimalOf(input);
    if (decimal == null) {
      throw mismatch(column, input, param, "a BigDecimal (NUMERIC)", "that is not a finite number");
    }
    // PostgreSQL's own limits, whatever the column's precision: pgjdbc sends 1E+131072 as 0.
    PostgresLimits.NumericLimits limits = PostgresLimits.NumericLimits.unconstrained();
    BigDecimal fitted = PostgresLimits.fit(decimal, limits);
    if (fitted == null) {
      throw mismatch(column, input, param, "a BigDecimal (NUMERIC: " + limits.describe() + ")",
          "outside PostgreSQL's NUMERIC");
    }
    return fitted;
  }

  /** NaN and the infinities, which have no BigDecimal form, from a Float, a Double or their names. */
  private static Double specialFloatingPoint(Object input) {
    double d;
    if (input instanceof Double x) {
      d = x;
    } else if (input instanceof Float x) {
      d = x;
    } else if (input instanceof String s) {
      switch (s) {
        case "NaN" -> d = Double.NaN;
        case "Infinity" -> d = Double.POSITIVE_INFINITY;
        case "-Infinity" -> d = Double.NEGATIVE_INFINITY;
        default -> {
          return null;
        }
      }
    } else {
      return null;
    }
    return Double.isNaN(d) || Double.isInfinite(d) ? d : null;
  }

  /** The exact decimal value of a number or numeric string, or null when there is none (NaN, text, other types). */
  private static BigDecimal decimalOf(Object input) {
    if (input instanceof BigDecimal b) {
      return b;
    }
    if (input instanceof Integer || input instanceof Long || input instanceof Short || input instanceof Byte) {
      return BigDecimal.valueOf(((Number) input).longValue());
    }
    if (input instanceof BigInteger b) {
      return new BigDecimal(b);
    }
    if (input instanceof Double d) {
      // The shortest decimal that reads back as d: what the caller wrote, not the binary expansion.
      return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
    }
    if (input instanceof Float f) {
      return Float.isFinite(f) ? new BigDecimal(Float.toString(f)) : null;
    }
    if (input instanceof String s) {
      try {
        return new BigDecimal(s);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
    return null;
  }

  private static Boolean toBoolean(ColumnDescriptor column, Object input, String param) {
    if (input instanceof Boolean b) {
      return b;
    }
    if (input instanceof String s) {
      if (s.equalsIgnoreCase("true")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
    }
    throw mismatch(column, input, param, "a Boolean (or the string \"true\" or \"false\")", "");
  }

  private static UUID toUuid(ColumnDescriptor column, Object input, String param) {
    if (input instanceof UUID u) {
      return u;
    }
    if (input instanceof String s && s.length() == 36) {
      try {
        UUID u = UUID.fromString(s);
        // UUID.fromString accepts short groups such as "1-1-1-1-1"; insist on the canonical 8-4-4-4-12 form.
        if (u.toString().equalsIgnoreCase(s)) {
          return u;
        }
      } catch (IllegalArgumentException notAUuid) {
        // reported below
      }
    }
    throw mismatch(column, input, param, "a UUID (or a canonical 8-4-4-4-12 UUID string)", "");
  }

  private static OffsetDateTime toOffsetDateTime(
      ColumnDescriptor column, Object input, String param, String javaName, ZoneId zone) {
    Instant instant;
    OffsetDateTime offsetDateTime = null;
    if (input instanceof OffsetDateTime o) {
      offsetDateTime = o;
      instant = o.toInstant();
    } else if (input instanceof Instant i) {
      instant = i; // Instant.MAX has no OffsetDateTime: check the range before converting
    } else if (input instanceof ZonedDateTime z) {
      offsetDateTime = z.toOffsetDateTime();
      instant = z.toInstant();
    } else if (input instanceof LocalDateTime l) {
      offsetDateTime = inZone(column, input, param, javaName, zone, l);
      instant = offsetDateTime.toInstant();
    } else if (input instanceof LocalDate) {
      throw mismatch(column, input, param, timestamptz(javaName, zone), "which has no time of day; give the"
          + " date-time it means, such as 2024-05-01T00:00:00");
    } else if (input instanceof String s) {
      offsetDateTime = parseOffsetDateTime(column, input, param, javaName, zone, s);
      instant = offsetDateTime.toInstant();
    } else {
      throw mismatch(column, input, param, timestamptz(javaName, zone), "");
    }
    if (!PostgresLimits.holds(instant)) {
      throw outOfRange(column, input, param, timestamptz(javaName, zone));
    }
    return offsetDateTime != null ? offsetDateTime : instant.atOffset(ZoneOffset.UTC);
  }

  /** What a TIMESTAMPTZ column takes, for messages (built only when a value is refused). */
  private static String timestamptz(String javaName, ZoneId zone) {
    return javaName + " (TIMESTAMPTZ): give an Instant, an OffsetDateTime, a ZonedDateTime or an ISO-8601 string"
        + " with an offset such as 2024-05-01T09:30:00Z or 2024-05-01T09:30:00+08:00, or a LocalDateTime or an"
        + " ISO-8601 string without offset such as 2024-05-01T09:30:00, read in the DataFlow's zone ("
        + (zone.equals(ZoneOffset.UTC) ? "UTC unless set with" : zone.getId() + ", set with")
        + " DataFlow.builder().zone(...)), from " + PostgresLimits.TIMESTAMP_RANGE + " UTC";
  }

  /**
   * A local date-time in {@code zone}, as {@link ZonedDateTime#of(LocalDateTime, ZoneId)} places it: forward by the
   * gap's length in a daylight-saving gap, the earlier offset in an overlap.
   */
  private static OffsetDateTime inZone(
      ColumnDescriptor column, Object input, String param, String javaName, ZoneId zone, LocalDateTime local) {
    try {
      return ZonedDateTime.of(local, zone).toOffsetDateTime();
    } catch (DateTimeException beyondJavaTime) {
      // LocalDateTime.MAX in a zone east of UTC has no OffsetDateTime
      throw outOfRange(column, input, param, timestamptz(javaName, zone));
    }
  }

  /**
   * One parse for the three forms: with an offset ({@code Z}, {@code +08:00}), with an offset and a region
   * ({@code +08:00[Asia/Singapore]}), and local, which {@code zone} places; no exception on the way for a valid one.
   */
  private static OffsetDateTime parseOffsetDateTime(
      ColumnDescriptor column, Object input, String param, String javaName, ZoneId zone, String s) {
    try {
      TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from);
      return parsed instanceof ZonedDateTime z
          ? z.toOffsetDateTime()
          : inZone(column, input, param, javaName, zone, (LocalDateTime) parsed);
    } catch (DateTimeException notDateTime) {
      // reported below
    }
    String expected = timestamptz(javaName, zone);
    refuseInfinity(column, input, param, expected, s);
    if (parsesAsDate(s)) {
      throw mismatch(column, input, param, expected, "holding a date without a time of day; give the date-time it"
          + " means, such as 2024-05-01T00:00:00");
    }
    throw mismatch(column, input, param, expected, "that is not an ISO-8601 date-time");
  }

  /** PostgreSQL's {@code infinity} and {@code -infinity} have no java.time value, so they are refused by name. */
  private static void refuseInfinity(ColumnDescriptor column, Object input, String param, String expected, String s) {
    String trimmed = s.trim().toLowerCase(Locale.ROOT);
    if (trimmed.equals("infinity") || trimmed.equals("+infinity") || trimmed.equals("-infinity")) {
      throw mismatch(column, input, param, expected, "naming an infinity, which DataFlow does not store: java.time"
          + " has no infinite value; use null, or a date in the range");
    }
  }

  private static InvalidValueException outOfRange(ColumnDescriptor column, Object input, String param, String expected) {
    return mismatch(column, input, param, expected, "outside that range, which PostgreSQL cannot store (its"
        + " infinity and -infinity are not accepted either)");
  }

  private static boolean parsesAsDate(String s) {
    try {
      LocalDate.parse(s);
      return true;
    } catch (DateTimeException notDate) {
      return false;
    }
  }

  /** Whether {@code s} is an ISO-8601 date-time with an offset ({@code Z}, {@code +08:00}) or a zone. */
  private static boolean parsesWithOffset(String s) {
    try {
      DateTimeFormatter.ISO_DATE_TIME.parse(s, ZonedDateTime::from);
      return true;
    } catch (DateTimeException notZoned) {
      return false;
    }
  }

  private static LocalDateTime toLocalDateTime(ColumnDescriptor column, Object input, String param) {
    LocalDateTime value;
    if (input instanceof LocalDateTime l) {
      value = l;
    } else if (input instanceof String s) {
      try {
        value = LocalDateTime.parse(s);
      } catch (DateTimeException notLocalDateTime) {
        String expected = timestamp();
        refuseInfinity(column, input, param, expected, s);
        if (parsesWithOffset(s)) {
          throw mismatch(column, input, param, expected, holdingAnInstant("holding an offset (Z or +08:00)"));
        }
        throw mismatch(column, input, param, expected, "that is not an ISO-8601 local date-time");
      }
    } else if (input instanceof Instant || input instanceof OffsetDateTime || input instanceof ZonedDateTime) {
      throw mismatch(column, input, param, timestamp(), holdingAnInstant("which is an instant"));
    } else {
      throw mismatch(column, input, param, timestamp(), "");
    }
    if (!PostgresLimits.holds(value)) {
      throw outOfRange(column, input, param, timestamp());
    }
    return value;
  }

  /** What a TIMESTAMP column takes, for messages. */
  private static String timestamp() {
    return "a LocalDateTime (TIMESTAMP) or an ISO-8601 string without offset such as 2024-05-01T09:30:00, from "
        + PostgresLimits.TIMESTAMP_RANGE;
  }

  /** Why an instant does not fit a TIMESTAMP column, and the two fixes. */
  private static String holdingAnInstant(String what) {
    return what + ", which a TIMESTAMP column (a local date-time, no zone) would have to shift or cut; give the local"
        + " date-time, such as 2024-05-01T09:30:00, or make the field an Instant (TIMESTAMPTZ) to store instants";
  }

  private static LocalDate toLocalDate(ColumnDescriptor column, Object input, String param) {
    String expected = "a LocalDate (DATE) or an ISO-8601 string such as 2024-05-01, from " + PostgresLimits.DATE_RANGE;
    LocalDate value;
    if (input instanceof LocalDate l) {
      value = l;
    } else if (input instanceof String s) {
      try {
        value = LocalDate.parse(s);
      } catch (DateTimeException notDate) {
        refuseInfinity(column, input, param, expected, s);
        throw mismatch(column, input, param, expected, "that is not an ISO-8601 date");
      }
    } else {
      throw mismatch(column, input, param, expected, "");
    }
    if (!PostgresLimits.holds(value)) {
      throw outOfRange(column, input, param, expected);
    }
    return value;
  }

  private static byte[] toBytes(ColumnDescriptor column, Object input, String param) {
    if (input instanceof byte[] b) {
      return b;
    }
    throw mismatch(column, input, param, "a byte[] (BYTEA)", "");
  }

  private static Enum<?> toEnum(ColumnDescriptor column, Object input, String param) {
    var values = column.enumValues();
    if (values == null) {
      throw new IllegalStateException("enum column '" + column.name() + "' has no EnumValues in its descriptor");
    }
    if (values.isConstant(input)) {
      return (Enum<?>) input;
    }
    if (input instanceof String s) {
      Enum<?> constant = values.constant(s);
      if (constant != null) {
        return constant;
      }
    }
    // Constant names are schema, not personal data, so listing them is safe and is the fix.
    throw mismatch(column, input, param,
        "a " + values.enumClassName() + " constant or one of the names " + values.names(),
        input instanceof String ? "that is not one of these names" : "");
  }

  private static Object toJson(ColumnDescriptor column, Object input, String param) {
    String expected = "a Map, a List or another object Jackson can serialise (JSONB)";
    if (input instanceof CharSequence) {
      // Ambiguous: JSON text, or a JSON string value? Make the caller say which.
      throw mismatch(column, input, param, expected,
          "; to store JSON text parse it first with Json.read(text), to store a JSON string wrap it in a List or Map");
    }
    Object tree = input;
    if (!(input instanceof Map<?, ?> || input instanceof List<?> || input instanceof Number
        || input instanceof Boolean)) {
      // Once into the Map/List tree JSON text is read back as; the bind then writes that tree, once. The mapper's
      // depth limit stops a deeply nested object before Jackson's recursion does.
      tree = Json.toTree(input);
      if (tree == null) {
        throw mismatch(column, input, param, expected, "that Jackson cannot serialise, or that nests deeper than "
            + PostgresLimits.MAX_DEPTH + " levels");
      }
    }
    String problem = Json.problem(tree);
    if (problem != null) {
      throw mismatch(column, input, param, expected + " that PostgreSQL stores as given", problem);
    }
    return tree;
  }

  private static InvalidValueException mismatch(
      ColumnDescriptor column, Object input, String param, String expected, String why) {
    StringBuilder message = new StringBuilder()
        .append("column '").append(column.name()).append("' takes ").append(expected)
        .append("; got a ").append(input.getClass().getName());
    if (!why.isEmpty()) {
      message.append(why.startsWith(";") ? "" : " ").append(why);
    }
    return new InvalidValueException(param, message.toString());
  }
}
