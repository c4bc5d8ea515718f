package dev.dataflow.runtime.node.crud;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.sql.FilterCompiler;
import dev.dataflow.runtime.workflow.Paths;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Remembered cursor hashes are always the hash of the filters as given now. */
class FilterHashesTest {
  private final FilterHashes hashes = new FilterHashes();

  private String hash(Map<String, Object> filters) {
    return hashes.of(FilterCompiler.shapeOf(MODEL, filters, ZoneOffset.UTC), filters);
  }

  @Test
  void theSameFiltersGiveTheHashPageCursorGives() {
    for (Map<String, Object> filters : List.of(
        map("name", "alpha", "qty", map("$gte", 10)),
        map("name", "alpha", "qty", map("$gte", 11)),
        map("id", UUID.nameUUIDFromBytes(new byte[] {1}), "seen_at", map("$lt", Instant.parse("2024-01-01T00:00:00Z"))),
        map("qty", map("$in", List.of(1, 2)), "views", map("$in", List.of(3))),
        map("qty", map("$in", List.of(1)), "views", map("$in", List.of(2, 3))),
        map("name", null),
        map())) {
      for (int i = 0; i < 2; i++) {
        assertEquals(PageCursor.filterHash(filters), hash(filters), filters.toString());
      }
    }
    assertNotEquals(hash(map("meta", map("a", 1))), hash(map("meta", map("b", 1))));
    assertEquals(PageCursor.filterHash(map("meta", map("b", 1))), hash(map("meta", map("b", 1))));
    assertNotEquals(hash(map("qty", map("$in", List.of(1, 2)), "views", map("$in", List.of(3)))),
        hash(map("qty", map("$in", List.of(1)), "views", map("$in", List.of(2, 3)))));
  }

  @Test
  void aValueThatCanChangeIsHashedAsItIsNow() {
    Map<String, Object> document = new java.util.LinkedHashMap<>(map("level", 1));
    Map<String, Object> filters = map("meta", document);
    String before = hash(filters);
    document.put("level", 2);
    assertEquals(PageCursor.filterHash(filters), hash(filters));
    assertNotEquals(before, hash(filters));
    List<Object> list = new ArrayList<>(List.of(1, 2));
    Map<String, Object> byList = map("qty", map("$in", list));
    String first = hash(byList);
    list.add(3);
    assertNotEquals(first, hash(byList));
    assertEquals(PageCursor.filterHash(byList), hash(byList));
  }

  @Test
  void literalIsTrueOnlyForValuesNoPartOfWhichCanChange() {
    Map<String, Object> plain = Map.of("at", Instant.EPOCH, "ids", List.of(1L, UUID.randomUUID()),
        "role", java.time.DayOfWeek.MONDAY, "n", Map.of("x", new java.math.BigDecimal("1.5")));
    assertTrue(FilterHashes.literal(plain));
    assertTrue(FilterHashes.literal(Paths.freeze(plain)), "the frozen copy too");
    assertFalse(FilterHashes.literal(Map.of("at", new java.util.Date())));
    assertFalse(FilterHashes.literal(Paths.freeze(Map.of("n", Map.of("bytes", new byte[] {1})))));
    assertFalse(FilterHashes.literal(Map.of("list", List.of(new StringBuilder("x")))));
    Map<Object, Object> numberKey = new java.util.HashMap<>();
    numberKey.put(1, "a");
    assertFalse(FilterHashes.literal(numberKey));
    Object deep = "leaf";
    for (int i = 0; i < FilterHashes.LITERAL_DEPTH; i++) {
      deep = i % 2 == 0 ? Map.of("a", deep) : List.of(deep);
    }
    assertTrue(FilterHashes.literal(deep));
    assertFalse(FilterHashes.literal(Map.of("a", deep)), "one level deeper than it looks counts as changeable");
  }

  @Test
  void aHashAskedForLaterIsOfTheFiltersAsTheyWereWhenTheNodeRan() {
    Map<String, Object> connected = map("name", "alpha", "qty", map("$gte", 10));
    var filter = FilterCompiler.shapeOf(MODEL, connected, ZoneOffset.UTC);
    var later = hashes.later(filter, connected);
    String then = PageCursor.filterHash(map("name", "alpha", "qty", map("$gte", 10)));
    connected.put("name", "beta"); // a map a connection brought may still change
    assertEquals(then, later.get());

    @SuppressWarnings("unchecked")
    Map<String, Object> frozen = (Map<String, Object>) Paths.freeze(map("name", "alpha", "qty", map("$gte", 10)));
    assertEquals(then, hashes.later(FilterCompiler.shapeOf(MODEL, frozen, ZoneOffset.UTC), frozen).get());
    assertEquals(PageCursor.filterHash(null), hashes.later(filter, null).get());
  }
}
