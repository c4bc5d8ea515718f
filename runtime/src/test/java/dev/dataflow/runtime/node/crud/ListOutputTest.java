package dev.dataflow.runtime.node.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A List output with a lazily written {@code next_cursor} is an ordinary unmodifiable map to its readers, and writes the
 * cursor once, only when it is read. {@code CursorPagingTest} (models) pages through PostgreSQL with such cursors.
 */
class ListOutputTest {
  private final AtomicInteger written = new AtomicInteger();

  private ListOutput output() {
    Map<String, Object> eager = new LinkedHashMap<>();
    eager.put("records", List.of(Map.of("id", 1L)));
    eager.put("count", 1);
    return new ListOutput(eager, "next_cursor", () -> "cursor-" + written.incrementAndGet());
  }

  @Test
  void readingOtherKeysNeverWritesTheCursor() {
    ListOutput out = output();
    assertEquals(1, out.get("count"));
    assertTrue(out.containsKey("next_cursor"));
    assertEquals(3, out.size());
    assertEquals(null, out.get("total"));
    assertEquals(0, written.get());
  }

  @Test
  void theCursorIsWrittenOnceWhicheverWayItIsRead() {
    ListOutput out = output();
    assertEquals("cursor-1", out.get("next_cursor"));
    assertEquals("cursor-1", out.get("next_cursor"));
    Map<String, Object> plain = new LinkedHashMap<>();
    plain.put("records", List.of(Map.of("id", 1L)));
    plain.put("count", 1);
    plain.put("next_cursor", "cursor-1");
    assertEquals(plain, out);
    assertEquals(out, plain);
    assertEquals(plain.hashCode(), out.hashCode());
    assertEquals(plain.toString(), out.toString());
    assertEquals(1, written.get());
  }

  @Test
  void iteratingWritesTheCursorInItsPlaceAfterTheOthers() {
    ListOutput out = output();
    assertEquals(List.of("records", "count", "next_cursor"), List.copyOf(out.keySet()));
    assertEquals("cursor-1", out.values().toArray()[2]);
  }

  @Test
  void itCannotBeChanged() {
    ListOutput out = output();
    assertThrows(UnsupportedOperationException.class, () -> out.put("count", 2));
    assertThrows(UnsupportedOperationException.class, () -> out.remove("count"));
    assertThrows(UnsupportedOperationException.class, () -> out.remove("next_cursor"));
    assertThrows(UnsupportedOperationException.class, out::clear);
    assertThrows(UnsupportedOperationException.class, () -> out.entrySet().iterator().next().setValue(0));
    assertEquals(1, out.get("count"));
  }
}
