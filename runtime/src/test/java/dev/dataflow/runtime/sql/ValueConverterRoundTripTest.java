package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.col;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.sql.Gadgets.Color;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Java type survives INSERT … RETURNING and SELECT against PostgreSQL, and converts from its usual forms. */
class ValueConverterRoundTripTest {
  private static DataSource db;

  record Note(String title, int stars) {}

  @BeforeAll
  static void createTable() throws Exception {
    db = Gadgets.newDatabase();
  }

  @Test
  void everyTypeRoundTripsThroughInsertReturningAndSelect() throws Exception {
    UUID id = UUID.randomUUID();
    Instant seen = Instant.parse("2024-05-01T01:30:00.123456Z");
    OffsetDateTime due = OffsetDateTime.parse("2024-05-01T09:30:00+08:00");
    Map<String, Object> record = map(
        "id", id,
        "name", "Ada",
        "rank", (short) 7,
        "qty", 42,
        "views", 1L << 40,
        "ratio", 1.5f,
        "score", 2.25d,
        "price", new BigDecimal("12.34"),
        "active", true,
        "seen_at", seen,
        "due_at", due,
        "local_at", LocalDateTime.parse("2024-05-01T09:30:00"),
        "birthday", LocalDate.parse("1815-12-10"),
        "blob", new byte[] {0, 1, (byte) 0xff},
        "color", Color.GREEN,
        "meta", map("tags", List.of("a", "b"), "level", 3, "nested", map("ok", true, "none", null)));
    try (Connection c = db.getConnection()) {
      Map<String, Object> returned = Gadgets.insert(c, List.of(record)).get(0);
      Map<String, Object> selected = Gadgets.query(c, SqlRenderer.select(Gadgets.MODEL,
          FilterCompiler.compile(Gadgets.MODEL, map("id", id)), List.of(), SqlRenderer.NO_LIMIT, 0)).get(0);

      for (Map<String, Object> row : List.of(returned, selected)) {
        assertEquals(List.copyOf(Gadgets.MODEL.columnsByName().keySet()), List.copyOf(row.keySet()));
        assertEquals(id, row.get("id"));
        assertEquals("Ada", row.get("name"));
        assertEquals((short) 7, row.get("rank"));
        assertEquals(42, row.get("qty"));
        assertEquals(1L << 40, row.get("views"));
        assertEquals(1.5f, row.get("ratio"));
        assertEquals(2.25d, row.get("score"));
        assertEquals(new BigDecimal("12.34"), row.get("price"));
        assertEquals(true, row.get("active"));
        assertEquals(seen, row.get("seen_at"));
        // The same instant, read back in UTC.
        assertEquals(due.withOffsetSameInstant(ZoneOffset.UTC), row.get("due_at"));
        assertEquals(ZoneOffset.UTC, ((OffsetDateTime) row.get("due_at")).getOffset());
        assertEquals(LocalDateTime.parse("2024-05-01T09:30:00"), row.get("local_at"));
        assertEquals(LocalDate.parse("1815-12-10"), row.get("birthday"));
        assertArrayEquals(new byte[] {0, 1, (byte) 0xff}, (byte[]) row.get("blob"));
        assertSame(Color.GREEN, row.get("color"));
        assertEquals(map("tags", List.of("a", "b"), "level", 3, "nested", map("ok", true, "none", null)),
            row.get("meta"));
        assertInstanceOf(Instant.class, row.get("created_at"));
        assertInstanceOf(Instant.class, row.get("updated_at"));
      }
    }
  }

  @Test
  void nullRoundTripsForEveryNullableColumn() throws Exception {
    Map<String, Object> record = map("id", UUID.randomUUID(), "name", "Nobody");
    for (ColumnDescriptor column : Gadgets.MODEL.columns()) {
      if (column.nullable()) {
        record.put(column.name(), null);
      }
    }
    try (Connection c = db.getConnection()) {
      Map<String, Object> row = Gadgets.insert(c, List.of(record)).get(0);
      for (ColumnDescriptor column : Gadgets.MODEL.columns()) {
        if (column.nullable()) {
          assertNull(row.get(column.name()), column.name());
          assertTrue(row.containsKey(column.name()), column.name());
        }
      }
    }
  }

  @Test
  void usualFormsConvertAndRoundTrip() throws Exception {
    UUID id = UUID.randomUUID();
    Map<String, Object> record = map(
        "id", id.toString().toUpperCase(),
        "name", new StringBuilder("Grace"),
        "rank", "12",
        "qty", 3.0d,
        "views", new BigInteger("1099511627776"),
        "ratio", 0.1d,
        "score", 0.1f,
        "price", "99.95",
        "active", "TRUE",
        "seen_at", "2024-05-01T09:30:00+08:00",
        "due_at", ZonedDateTime.of(2024, 5, 1, 9, 30, 0, 0, ZoneId.of("Asia/Singapore")),
        "local_at", "2024-05-01T09:30",
        "birthday", "2000-02-29",
        "color", "BLUE",
        "meta", new Note("hello", 5));
    try (Connection c = db.getConnection()) {
      Map<String, Object> row = Gadgets.insert(c, List.of(record)).get(0);
      assertEquals(id, row.get("id"));
      assertEquals("Grace", row.get("name"));
      assertEquals((short) 12, row.get("rank"));
      assertEquals(3, row.get("qty"));
      assertEquals(1099511627776L, row.get("views"));
      assertEquals(0.1f, row.get("ratio"));
      assertEquals(0.1d, row.get("score"));
      assertEquals(new BigDecimal("99.95"), row.get("price"));
      assertEquals(true, row.get("active"));
      assertEquals(Instant.parse("2024-05-01T01:30:00Z"), row.get("seen_at"));
      assertEquals(OffsetDateTime.parse("2024-05-01T01:30:00Z"), row.get("due_at"));
      assertEquals(LocalDateTime.parse("2024-05-01T09:30:00"), row.get("local_at"));
      assertEquals(LocalDate.parse("2000-02-29"), row.get("birthday"));
      assertSame(Color.BLUE, row.get("color"));
      assertEquals(map("title", "hello", "stars", 5), row.get("meta"));
    }
  }

  @Test
  void toJavaGivesTheColumnsJavaType() {
    assertEquals((short) 5, ValueConverter.toJava(col("rank"), 5, "p"));
    assertEquals(5, ValueConverter.toJava(col("qty"), (short) 5, "p"));
    assertEquals(5, ValueConverter.toJava(col("qty"), 5L, "p"));
    assertEquals(5, ValueConverter.toJava(col("qty"), new BigDecimal("5.000"), "p"));
    assertEquals(-7, ValueConverter.toJava(col("qty"), "-7", "p"));
    assertEquals(Long.MAX_VALUE, ValueConverter.toJava(col("views"), String.valueOf(Long.MAX_VALUE), "p"));
    assertEquals(16777216f, ValueConverter.toJava(col("ratio"), 16777216, "p"));
    assertEquals(Float.NaN, ValueConverter.toJava(col("ratio"), Double.NaN, "p"));
    assertEquals(Double.POSITIVE_INFINITY, ValueConverter.toJava(col("score"), "Infinity", "p"));
    assertEquals(9007199254740992d, ValueConverter.toJava(col("score"), 9007199254740992L, "p"));
    assertEquals(new BigDecimal("0.1"), ValueConverter.toJava(col("price"), 0.1d, "p"));
    assertEquals(new BigDecimal("5"), ValueConverter.toJava(col("price"), 5, "p"));
    assertEquals(false, ValueConverter.toJava(col("active"), "false", "p"));
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"),
        ValueConverter.toJava(col("seen_at"), OffsetDateTime.parse("2024-05-01T02:00:00+02:00"), "p"));
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"),
        ValueConverter.toJava(col("seen_at"), "2024-05-01T00:00:00Z", "p"));
    assertEquals(Instant.parse("2024-05-01T00:00:00Z"),
        ValueConverter.toJava(col("seen_at"), "2024-05-01T08:00+08:00[Asia/Singapore]", "p"));
    assertEquals(OffsetDateTime.parse("2024-05-01T00:00:00Z"),
        ValueConverter.toJava(col("due_at"), Instant.parse("2024-05-01T00:00:00Z"), "p"));
    assertSame(Color.RED, ValueConverter.toJava(col("color"), Color.RED, "p"));
    List<Object> list = List.of(1, 2);
    assertSame(list, ValueConverter.toJava(col("meta"), list, "p"));
    for (ColumnDescriptor column : Gadgets.MODEL.columns()) {
      assertNull(ValueConverter.toJava(column, null, "p"), column.name());
    }
  }
}
