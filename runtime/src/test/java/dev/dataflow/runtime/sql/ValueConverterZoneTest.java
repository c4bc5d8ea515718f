package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * A date-time without offset given for a TIMESTAMPTZ column is read in the zone the conversion is given (the
 * {@code DataFlow}'s); everything with an offset keeps its own; TIMESTAMP columns never see a zone.
 */
class ValueConverterZoneTest {
  private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private static Object convert(String column, Object value, ZoneId zone) {
    return ValueConverter.toJava(col(column), value, "fields." + column, zone);
  }

  @Test
  void offsetLessStringAndLocalDateTimeAreReadInTheZone() {
    for (Object value : new Object[] {"2026-11-30T09:15:00", LocalDateTime.parse("2026-11-30T09:15:00")}) {
      Instant utc = (Instant) convert("seen_at", value, ZoneOffset.UTC);
      Instant singapore = (Instant) convert("seen_at", value, SINGAPORE);
      assertEquals(Instant.parse("2026-11-30T09:15:00Z"), utc);
      assertEquals(Instant.parse("2026-11-30T01:15:00Z"), singapore);
      assertEquals(Duration.ofHours(8), Duration.between(singapore, utc));
      assertEquals(OffsetDateTime.parse("2026-11-30T09:15:00+08:00"), convert("due_at", value, SINGAPORE));
    }
    // the zone-less form is the build-time check's: UTC
    assertEquals(Instant.parse("2026-11-30T09:15:00Z"), ValueConverter.toJava(col("seen_at"), "2026-11-30T09:15:00", "p"));
    assertEquals(Instant.parse("2026-11-30T09:15:00.123456Z"), convert("seen_at", "2026-11-30T09:15:00.123456",
        ZoneOffset.UTC));
    assertEquals(Instant.parse("2026-11-30T01:15:00Z"), convert("seen_at", "2026-11-30T09:15", SINGAPORE));
  }

  @Test
  void valuesWithAnOffsetOrZoneKeepTheirOwn() {
    Instant expected = Instant.parse("2026-11-30T09:15:00Z");
    for (Object value : new Object[] {expected, "2026-11-30T09:15:00Z", "2026-11-30T10:15:00+01:00",
        "2026-11-30T17:15:00+08:00[Asia/Singapore]", OffsetDateTime.parse("2026-11-30T04:15:00-05:00"),
        ZonedDateTime.parse("2026-11-30T10:15:00+01:00[Europe/Berlin]")}) {
      assertEquals(expected, convert("seen_at", value, SINGAPORE), String.valueOf(value));
      assertEquals(expected, ((OffsetDateTime) convert("due_at", value, BERLIN)).toInstant(), String.valueOf(value));
    }
  }

  @Test
  void timestampColumnsIgnoreTheZone() {
    assertEquals(LocalDateTime.parse("2026-11-30T09:15:00"), convert("local_at", "2026-11-30T09:15:00", SINGAPORE));
    assertEquals(LocalDateTime.parse("2026-03-29T02:30:00"), convert("local_at", "2026-03-29T02:30:00", BERLIN),
        "a TIMESTAMP stores the local time as written, even one a zone's clocks skip");
  }

  @Test
  void aLocalTimeInADaylightSavingGapMovesForwardByTheGap() {
    // 2026-03-29 in Berlin: 02:00 CET becomes 03:00 CEST; 02:30 does not exist.
    for (Object value : new Object[] {"2026-03-29T02:30:00", LocalDateTime.parse("2026-03-29T02:30:00")}) {
      assertEquals(Instant.parse("2026-03-29T01:30:00Z"), convert("seen_at", value, BERLIN));
      assertEquals(OffsetDateTime.parse("2026-03-29T03:30:00+02:00"), convert("due_at", value, BERLIN));
    }
    assertEquals(convert("seen_at", "2026-03-29T03:30:00", BERLIN), convert("seen_at", "2026-03-29T02:30:00", BERLIN),
        "02:30 in the gap is 03:30 summer time");
  }

  @Test
  void aLocalTimeInADaylightSavingOverlapTakesTheEarlierOffset() {
    // 2026-10-25 in Berlin: 03:00 CEST becomes 02:00 CET; 02:30 happens twice, first at +02:00.
    for (Object value : new Object[] {"2026-10-25T02:30:00", LocalDateTime.parse("2026-10-25T02:30:00")}) {
      assertEquals(Instant.parse("2026-10-25T00:30:00Z"), convert("seen_at", value, BERLIN));
      assertEquals(OffsetDateTime.parse("2026-10-25T02:30:00+02:00"), convert("due_at", value, BERLIN));
    }
    assertEquals(Instant.parse("2026-10-25T01:30:00Z"), convert("seen_at", "2026-10-25T02:30:00+01:00", BERLIN),
        "the later 02:30 is reached by giving its offset");
  }

  @Test
  void theRangeIsCheckedAfterTheZoneIsApplied() {
    String lastLocal = "+294276-12-31T23:00:00";
    assertEquals(Instant.parse("+294276-12-31T15:00:00Z"), convert("seen_at", lastLocal, SINGAPORE));
    InvalidValueException west = assertThrows(InvalidValueException.class,
        () -> convert("seen_at", lastLocal, ZoneId.of("America/New_York")));
    assertTrue(west.getMessage().contains("outside that range"), west.getMessage());
    InvalidValueException max = assertThrows(InvalidValueException.class,
        () -> convert("due_at", LocalDateTime.MAX, SINGAPORE));
    assertTrue(max.getMessage().contains("outside that range"), max.getMessage());
    assertFalse(max.getMessage().contains(LocalDateTime.MAX.toString()), max.getMessage());
  }

  @Test
  void aNullZoneIsRefused() {
    assertThrows(NullPointerException.class, () -> convert("seen_at", "2026-11-30T09:15:00", null));
    assertThrows(NullPointerException.class, () -> convert("name", "x", null));
  }
}
