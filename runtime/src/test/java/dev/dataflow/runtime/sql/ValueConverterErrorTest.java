package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every conversion error names the parameter, the column, the expected type and the class of the given value, and
 * never contains the value.
 */
class ValueConverterErrorTest {
  /** Personal-looking values: none of them may appear in a message. */
  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("name", 6591234567L, "String"),
        Arguments.of("rank", 70000, "Short"),
        Arguments.of("rank", "6591234", "Short"),
        Arguments.of("qty", 3.5d, "Integer"),
        Arguments.of("qty", 1L << 40, "Integer"),
        Arguments.of("qty", "1099511627776", "Integer"),
        Arguments.of("qty", "65-9123-4567", "Integer"),
        Arguments.of("qty", true, "Integer"),
        Arguments.of("views", new BigDecimal("92233720368547758070"), "Long"),
        Arguments.of("views", 12.75d, "Long"),
        Arguments.of("views", Double.NaN, "Long"),
        Arguments.of("ratio", 0.123456789123d, "Float"),
        Arguments.of("ratio", 16777217, "Float"),
        Arguments.of("ratio", 1e300d, "Float"),
        Arguments.of("score", 9007199254740993L, "Double"),
        Arguments.of("score", "not-a-number-6591234567", "Double"),
        Arguments.of("price", Double.POSITIVE_INFINITY, "BigDecimal"),
        Arguments.of("price", "12,34", "BigDecimal"),
        Arguments.of("active", "yes-6591234567", "Boolean"),
        Arguments.of("active", 1, "Boolean"),
        Arguments.of("id", "6591234567", "UUID"),
        Arguments.of("id", "1-1-1-1-6591234567", "UUID"),
        Arguments.of("id", 6591234567L, "UUID"),
        Arguments.of("seen_at", "2024-13-45T99:00:00Z", "Instant"),
        Arguments.of("seen_at", 1714521600000L, "Instant"),
        Arguments.of("due_at", "yesterday at 6591234567", "OffsetDateTime"),
        Arguments.of("local_at", "2024-05-01T09:30:00+08:00", "LocalDateTime"),
        Arguments.of("local_at", OffsetDateTime.parse("2024-05-01T09:30:00+08:00"), "LocalDateTime"),
        Arguments.of("birthday", "01/05/1987", "LocalDate"),
        Arguments.of("birthday", LocalDateTime.parse("1987-05-01T00:00:00"), "LocalDate"),
        Arguments.of("blob", "6591234567", "byte[]"),
        Arguments.of("color", "PURPLE_6591234567", "RED, GREEN, BLUE"),
        Arguments.of("color", "red", "RED, GREEN, BLUE"),
        Arguments.of("color", Thread.State.NEW, "RED, GREEN, BLUE"),
        Arguments.of("meta", "{\"phone\": \"6591234567\"}", "Map"),
        Arguments.of("meta", new Object(), "Map"),
        // What PostgreSQL would store changed, or refuse with a bare SQLSTATE.
        Arguments.of("name", "6591234567\u0000", "String"),
        Arguments.of("name", "6591234567\uD83D", "String"),
        Arguments.of("name", "\uDE006591234567", "String"),
        Arguments.of("price", new BigDecimal("6591234567E+131072"), "BigDecimal"),
        Arguments.of("price", new BigDecimal("6591234567E-16384"), "BigDecimal"),
        Arguments.of("price", "6591234567E+999999999", "BigDecimal"),
        Arguments.of("seen_at", Instant.MAX, "Instant"),
        Arguments.of("seen_at", Instant.MIN, "Instant"),
        Arguments.of("seen_at", " +Infinity", "Instant"),
        Arguments.of("due_at", OffsetDateTime.MAX, "OffsetDateTime"),
        Arguments.of("due_at", "+294277-01-01T00:00:00Z", "OffsetDateTime"),
        Arguments.of("local_at", LocalDateTime.of(294_277, 1, 1, 0, 0), "LocalDateTime"),
        Arguments.of("local_at", LocalDateTime.of(294_276, 12, 31, 23, 59, 59, 999_999_500), "LocalDateTime"),
        Arguments.of("local_at", "-infinity", "LocalDateTime"),
        Arguments.of("birthday", LocalDate.MAX, "LocalDate"),
        Arguments.of("birthday", LocalDate.of(-4713, 12, 31), "LocalDate"),
        Arguments.of("birthday", "+5874898-01-01", "LocalDate"),
        Arguments.of("meta", Map.of("phone", "6591234567\u0000"), "Map"),
        Arguments.of("meta", Map.of("6591234567\uD800", 1), "Map"),
        Arguments.of("meta", List.of(6591234567d, Double.NaN), "Map"),
        Arguments.of("meta", List.of(new BigDecimal("6591234567E+131072")), "Map"),
        Arguments.of("meta", nested(PostgresLimits.MAX_DEPTH + 1, "6591234567"), "Map"));
  }

  /** {@code depth} maps inside one another, the innermost holding {@code leaf}. */
  static Map<String, Object> nested(int depth, Object leaf) {
    Map<String, Object> root = new java.util.HashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < depth; i++) {
      Map<String, Object> next = new java.util.HashMap<>();
      current.put("k", next);
      current = next;
    }
    current.put("k", leaf);
    return root;
  }

  @ParameterizedTest(name = "{0} refuses {1}")
  @MethodSource("refused")
  void messageNamesColumnTypeAndClassButNotTheValue(String column, Object value, String expectedType) {
    String parameter = "fields." + column;
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col(column), value, parameter));
    String message = e.getMessage();
    assertEquals(parameter, e.parameter());
    assertTrue(message.startsWith(parameter + ": "), message);
    assertTrue(message.contains("column '" + column + "'"), message);
    assertTrue(message.contains(expectedType), message);
    assertTrue(message.contains(value.getClass().getName()), message);
    assertFalse(message.contains(String.valueOf(value)), message);
    assertFalse(message.contains("6591234567"), message);
  }

  @Test
  void dateWithoutTimeForTimestamptzSaysToGiveTheDateTime() {
    for (String column : new String[] {"seen_at", "due_at"}) {
      for (Object value : new Object[] {"1987-03-14", LocalDate.parse("1987-03-14")}) {
        InvalidValueException e = assertThrows(InvalidValueException.class,
            () -> ValueConverter.toJava(col(column), value, "filters." + column + ".$gte", ZoneId.of("Asia/Singapore")));
        String message = e.getMessage();
        assertEquals("filters." + column + ".$gte", e.parameter());
        assertTrue(message.contains("no time of day") || message.contains("without a time of day"), message);
        assertTrue(message.contains("Instant") && message.contains("OffsetDateTime"), message);
        assertTrue(message.contains("2024-05-01T09:30:00Z"), "the message shows an example: " + message);
        assertTrue(message.contains("Asia/Singapore") && message.contains("DataFlow.builder().zone"),
            "the message names the zone and where it is set: " + message);
        assertFalse(message.contains(value.toString()), message);
      }
    }
  }

  @Test
  void timestampColumnRefusesAnOffsetWithBothFixes() {
    for (Object value : new Object[] {"1987-03-14T07:15:00Z", "1987-03-14T07:15:00+08:00",
        "1987-03-14T07:15:00+08:00[Asia/Singapore]", Instant.parse("1987-03-14T07:15:00Z"),
        OffsetDateTime.parse("1987-03-14T07:15:00+08:00"), ZonedDateTime.parse("1987-03-14T07:15:00+01:00[Europe/Berlin]")}) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> ValueConverter.toJava(col("local_at"), value, "fields.local_at"));
      String message = e.getMessage();
      assertEquals("fields.local_at", e.parameter());
      assertTrue(message.contains("column 'local_at'") && message.contains("TIMESTAMP"), message);
      assertTrue(message.contains(value instanceof String ? "holding an offset" : "is an instant"), message);
      assertTrue(message.contains("give the local date-time, such as 2024-05-01T09:30:00"), message);
      assertTrue(message.contains("make the field an Instant (TIMESTAMPTZ)"), message);
      assertFalse(message.contains(value.toString()), message);
      assertFalse(message.contains("1987"), message);
    }
  }

  @Test
  void unknownEnumNameListsTheAllowedNames() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("color"), "MAUVE", "fields.color"));
    assertTrue(e.getMessage().contains("[RED, GREEN, BLUE]"), e.getMessage());
    assertTrue(e.getMessage().contains(Gadgets.Color.class.getName()), e.getMessage());
    assertFalse(e.getMessage().contains("MAUVE"), e.getMessage());
  }

  @Test
  void jsonTextInAStringIsRefusedWithTheFix() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("meta"), "[1]", "fields.meta"));
    assertTrue(e.getMessage().contains("Json.read"), e.getMessage());
  }

  @Test
  void parameterDefaultsToTheColumnName() {
    InvalidValueException e = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("id"), UUID.randomUUID().toString().substring(1), null));
    assertEquals("id", e.parameter());
  }

  @Test
  void timesOutsidePostgresRangeAreRefusedWithTheRangeAndNoDateTimeException() {
    InvalidValueException instant = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("seen_at"), Instant.MAX, "filters.seen_at.$lt"));
    assertEquals("filters.seen_at.$lt", instant.parameter());
    assertTrue(instant.getMessage().contains("4713-01-01 00:00 BC to 294276-12-31 23:59:59.999999 UTC"),
        instant.getMessage());
    InvalidValueException date = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("birthday"), LocalDate.of(5_874_898, 1, 1), "fields.birthday"));
    assertTrue(date.getMessage().contains("4713-01-01 BC to 5874897-12-31"), date.getMessage());
    InvalidValueException infinity = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("local_at"), "infinity", "fields.local_at"));
    assertTrue(infinity.getMessage().contains("java.time has no infinite value"), infinity.getMessage());
    // The edges themselves are PostgreSQL's, and accepted.
    assertEquals(PostgresLimits.MAX_INSTANT, ValueConverter.toJava(col("seen_at"), "+294276-12-31T23:59:59.999999Z", "p"));
    assertEquals(PostgresLimits.MIN_DATE, ValueConverter.toJava(col("birthday"), "-4712-01-01", "p"));
  }

  @Test
  void numericsAreKeptWithinPostgresLimitsAndTheColumnsPrecisionWhenStored() {
    // PostgreSQL's own NUMERIC limits, for filters and stored values alike.
    assertEquals(new BigDecimal("1E+131071"), ValueConverter.toJava(col("price"), "1E+131071", "p"));
    assertEquals(0, new BigDecimal("1").compareTo(
        (BigDecimal) ValueConverter.toJava(col("price"), "1." + "0".repeat(20_000), "p")));
    // A filter may compare NUMERIC(10,2) with any number PostgreSQL has ...
    assertEquals(new BigDecimal("1.234"), ValueConverter.toJava(col("price"), "1.234", "filters.price.$gt"));
    // ... but a value to store must fit: no rounding, no overflow. Trailing zeros are no digits.
    assertEquals(new BigDecimal("1.23"), ValueConverter.toStored(col("price"), "1.2300", "fields.price"));
    assertEquals(new BigDecimal("99999999.99"), ValueConverter.toStored(col("price"), "99999999.99", "fields.price"));
    assertEquals(new BigDecimal("0.00"), ValueConverter.toStored(col("price"), "0E-5", "fields.price"));
    for (String value : List.of("1.234", "123456789", "1E+8", "-0.001")) {
      InvalidValueException e = assertThrows(InvalidValueException.class,
          () -> ValueConverter.toStored(col("price"), value, "fields.price"));
      assertEquals("fields.price", e.parameter());
      assertTrue(e.getMessage().contains("NUMERIC(10,2): at most 8 digits before the decimal point and 2 after"),
          e.getMessage());
      assertFalse(e.getMessage().contains(value), e.getMessage());
    }
  }

  @Test
  void jsonNestsAtMostMaxDepthLevelsAndIsWalkedWithoutRecursion() {
    assertEquals(nested(PostgresLimits.MAX_DEPTH, 1),
        ValueConverter.toJava(col("meta"), nested(PostgresLimits.MAX_DEPTH, 1), "fields.meta"));
    InvalidValueException deep = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("meta"), nested(100_000, 1), "filters.meta.$contains"));
    assertEquals("filters.meta.$contains", deep.parameter());
    assertTrue(deep.getMessage().contains("nested more than 64 levels deep"), deep.getMessage());
    assertTrue(deep.getMessage().length() < 1000, deep.getMessage());
    // An object Jackson would have to recurse into is stopped by the mapper's own depth limit.
    InvalidValueException chain = assertThrows(InvalidValueException.class,
        () -> ValueConverter.toJava(col("meta"), Link.chain(100_000), "fields.meta"));
    assertTrue(chain.getMessage().contains("nests deeper than 64 levels"), chain.getMessage());
    assertTrue(chain.getMessage().length() < 1000, chain.getMessage());
    // A map that holds itself is a depth problem too, not a hang.
    Map<String, Object> loop = new java.util.HashMap<>();
    loop.put("self", loop);
    assertTrue(assertThrows(InvalidValueException.class, () -> ValueConverter.toJava(col("meta"), loop, "p"))
        .getMessage().contains("nested more than 64 levels deep"));
  }

  @Test
  void jsonDeeperThanMaxDepthIsNeitherWrittenNorRead() {
    String deepText = "[".repeat(PostgresLimits.MAX_DEPTH + 1) + "]".repeat(PostgresLimits.MAX_DEPTH + 1);
    String message = assertThrows(dev.dataflow.runtime.DataFlowException.class, () -> Json.read(deepText))
        .getMessage();
    assertTrue(message.contains("nests deeper than 64 levels"), message);
    assertEquals(List.of(List.of()), Json.read("[[]]"));
    String write = assertThrows(dev.dataflow.runtime.DataFlowException.class,
        () -> Json.write(Link.chain(100_000))).getMessage();
    assertTrue(write.contains("nests deeper than 64 levels") && write.length() < 1000, write);
  }

  /** A linked list of records: Jackson serialises it by recursion, one level per link. */
  record Link(Link next) {
    static Link chain(int length) {
      Link link = null;
      for (int i = 0; i < length; i++) {
        link = new Link(link);
      }
      return link;
    }
  }
}
