package dev.dataflow.runtime.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The maps {@link Paths#freeze} makes of a node's parameters, and {@link FrozenMap#with} for a run's overrides. */
class FrozenMapTest {

  private static FrozenMap frozen(Map<?, ?> source) {
    return assertInstanceOf(FrozenMap.class, Paths.freeze(source));
  }

  @Test
  void behavesAsTheMapItWasMadeFromInItsOrder() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("zeta", 1);
    source.put("alpha", null);
    source.put("mid", "m");
    FrozenMap map = frozen(source);
    assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(map.keySet()));
    assertEquals(source, map);
    assertEquals(map, source);
    assertEquals(source.hashCode(), map.hashCode());
    assertEquals(source.toString(), map.toString());
    assertTrue(map.containsKey("alpha"), "a key whose value is null is there");
    assertNull(map.get("alpha"));
    assertEquals("fallback", map.getOrDefault("missing", "fallback"));
    assertEquals(null, map.getOrDefault("alpha", "fallback"), "a null value is a value");
    assertFalse(map.containsKey(1), "keys are strings");
    assertNull(map.get(null));
    Map<String, Object> seen = new LinkedHashMap<>();
    map.forEach(seen::put);
    assertEquals(source, seen);
  }

  @Test
  void refusesEveryChange() {
    FrozenMap map = frozen(Map.of("a", 1));
    assertThrows(UnsupportedOperationException.class, () -> map.put("b", 2));
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    assertThrows(UnsupportedOperationException.class, map::clear);
    assertThrows(UnsupportedOperationException.class, () -> map.putAll(Map.of("b", 2)));
    assertThrows(UnsupportedOperationException.class, () -> map.compute("a", (k, v) -> 3));
    assertThrows(UnsupportedOperationException.class, () -> map.replaceAll((k, v) -> 3));
    assertThrows(UnsupportedOperationException.class, () -> map.entrySet().iterator().next().setValue(3));
    Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
    it.next();
    assertThrows(UnsupportedOperationException.class, it::remove);
    assertEquals(Map.of("a", 1), map);
  }

  @Test
  void keysThatReadTheSameAreOneKeyAsInALinkedHashMap() {
    Map<Object, Object> source = new LinkedHashMap<>();
    source.put(1, "number");
    source.put("1", "text");
    Map<String, Object> expected = new LinkedHashMap<>();
    source.forEach((k, v) -> expected.put(String.valueOf(k), v));
    assertEquals(expected, frozen(source));
    assertEquals(1, frozen(source).size());
  }

  @Test
  void withPutsChangesOverACopyAndFreezesThem() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("id", 1L);
    source.put("fields", Map.of("name", "a"));
    FrozenMap literal = frozen(source);
    List<Object> tags = new ArrayList<>(List.of("x"));
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("id", 2L);
    changes.put("tags", tags);
    FrozenMap merged = literal.with(changes);
    tags.add("y");
    assertEquals(List.of("id", "fields", "tags"), new ArrayList<>(merged.keySet()), "a changed name keeps its place");
    assertEquals(2L, merged.get("id"));
    assertEquals(List.of("x"), merged.get("tags"), "a changed value is frozen: the caller's list is not shared");
    @SuppressWarnings("unchecked")
    List<Object> frozenTags = (List<Object>) merged.get("tags");
    assertThrows(UnsupportedOperationException.class, () -> frozenTags.add("z"));
    assertEquals(Map.of("id", 1L, "fields", Map.of("name", "a")), literal, "the literal map is not changed");
    assertEquals(literal, literal.with(Map.of()));
  }

  @Test
  void largeMapsAreFoundThroughTheirIndexAlsoAfterWith() {
    Map<String, Object> source = new LinkedHashMap<>();
    for (int i = 0; i < 3 * FrozenMap.INDEXED; i++) {
      source.put("key" + i, i);
    }
    FrozenMap map = frozen(source);
    for (int i = 0; i < 3 * FrozenMap.INDEXED; i++) {
      assertEquals(i, map.get("key" + i));
    }
    assertNull(map.get("key" + 3 * FrozenMap.INDEXED));
    Map<String, Object> changes = new HashMap<>();
    changes.put("key7", "seven");
    changes.put("new", "last");
    FrozenMap merged = map.with(changes);
    assertEquals("seven", merged.get("key7"));
    assertEquals("last", merged.get("new"));
    assertEquals(3 * FrozenMap.INDEXED + 1, merged.size());
    assertEquals("new", new ArrayList<>(merged.keySet()).get(3 * FrozenMap.INDEXED));
    assertEquals(7, map.get("key7"), "the original keeps its value");
    assertFalse(map.containsKey("new"));
  }
}
