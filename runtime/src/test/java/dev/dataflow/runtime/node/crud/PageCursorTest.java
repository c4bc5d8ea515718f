package dev.dataflow.runtime.node.crud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.sql.Gadgets;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The cursor's text form: every column type reads back to the same value; a changed cursor is refused. */
class PageCursorTest {
  private static final ModelDescriptor MODEL = Gadgets.MODEL;

  private static Map<String, Object> sampleRow() {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", new UUID(1, 2));
    row.put("name", "a \"quoted\" name, with ünïcode");
    row.put("rank", (short) -3);
    row.put("qty", Integer.MIN_VALUE);
    row.put("views", Long.MAX_VALUE);
    row.put("ratio", 0.1f);
    row.put("score", 1.0E-300);
    row.put("price", new BigDecimal("1E+3"));
    row.put("active", false);
    row.put("seen_at", Instant.parse("2026-01-02T03:04:05.123456Z"));
    row.put("due_at", OffsetDateTime.of(2026, 5, 5, 23, 8, 9, 0, ZoneOffset.UTC));
    row.put("local_at", LocalDateTime.of(2026, 1, 1, 12, 30));
    row.put("birthday", LocalDate.of(2000, 2, 29));
    row.put("blob", new byte[] {0, 1, (byte) 0xff});
    row.put("color", MODEL.column("color").enumValues().constant("GREEN"));
    row.put("meta", Map.of("k", List.of(1, "two")));
    row.put("created_at", Instant.EPOCH);
    row.put("updated_at", Instant.EPOCH);
    return row;
  }

  /** The cursor written later says what the row was when it was listed, whatever the caller did to the row since. */
  @Test
  void aCursorWrittenLaterIsTheCursorOfTheRowAsItWas() {
    List<String> order = List.of("blob", "-meta", "seen_at", "color", "id");
    Map<String, Object> row = sampleRow();
    row.put("meta", new LinkedHashMap<>(Map.of("k", "v")));
    String now = PageCursor.after(MODEL, order, "hash", row).encode();
    var later = PageCursor.encodeLater(MODEL, order, () -> "hash", row);
    ((byte[]) row.get("blob"))[0] = 42;
    @SuppressWarnings("unchecked")
    Map<String, Object> meta = (Map<String, Object>) row.get("meta");
    meta.put("k", "changed");
    row.put("seen_at", Instant.EPOCH);
    assertEquals(now, later.get());
  }

  @Test
  void everyTypeReadsBackToTheSameValue() {
    Map<String, Object> row = sampleRow();
    for (ColumnDescriptor column : MODEL.columns()) {
      Object value = row.get(column.name());
      Object back = PageCursor.value(column, PageCursor.text(column, value), "cursor");
      if (value instanceof byte[] bytes) {
        assertArrayEquals(bytes, (byte[]) back, column.name());
      } else {
        assertEquals(value, back, column.name());
      }
      assertNull(PageCursor.value(column, PageCursor.text(column, null), "cursor"));
    }
  }

  @Test
  void aCursorReadsBackWholeAndAnyChangeIsRefused() {
    List<String> order = List.of("-seen_at", "name", "id");
    PageCursor cursor = PageCursor.after(MODEL, order, Map.of("qty", Map.of("$gte", 1)), sampleRow());
    String text = cursor.encode();
    assertEquals(cursor, PageCursor.decode(text, "cursor"));
    PageCursor hostile = new PageCursor("Gadget", List.of("name", "rank"), "ab12",
        java.util.Arrays.asList("back\\slash \"quote\"\nnew line\t\u0001\u2028 ünï 😀", null));
    assertEquals(hostile, PageCursor.decode(hostile.encode(), "cursor"));
    assertEquals(cursor.filters(), PageCursor.filterHash(Map.of("qty", Map.of("$gte", 1))));
    Map<String, Object> reordered = new LinkedHashMap<>();
    reordered.put("b", 1);
    reordered.put("a", 2);
    assertEquals(PageCursor.filterHash(Map.of("a", 2, "b", 1)), PageCursor.filterHash(reordered),
        "the hash does not depend on the order of entries");
    for (int i = 0; i < text.length(); i += 7) {
      char c = text.charAt(i);
      if (c == '.' || i + 1 == text.length() || text.charAt(i + 1) == '.') {
        continue; // a last base64 character may carry bits no byte uses
      }
      String changed = text.substring(0, i) + (c == 'A' ? 'B' : 'A') + text.substring(i + 1);
      var e = assertThrows(InvalidParameterException.class, () -> PageCursor.decode(changed, "cursor"));
      assertTrue(e.reason().contains("damaged or was changed"), e.reason());
    }
  }
}
