package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
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
        Arguments.of("meta", new Object(), "Map"));
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
  void zoneLessDateTimeForTimestamptzSaysToGiveAnOffset() {
    for (String column : new String[] {"seen_at", "due_at"}) {
      for (Object value : new Object[] {
          LocalDateTime.parse("1987-03-14T07:15:00"), "1987-03-14T07:15:00", "1987-03-14", LocalDate.parse("1987-03-14")}) {
        InvalidValueException e = assertThrows(InvalidValueException.class,
            () -> ValueConverter.toJava(col(column), value, "filters." + column + ".$gte"));
        String message = e.getMessage();
        assertEquals("filters." + column + ".$gte", e.parameter());
        assertTrue(message.contains("without an offset") || message.contains("has no offset"), message);
        assertTrue(message.contains("Instant") && message.contains("OffsetDateTime"), message);
        assertTrue(message.contains("2024-05-01T09:30:00Z"), "the message shows an example: " + message);
        assertFalse(message.contains(value.toString()), message);
      }
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
}
