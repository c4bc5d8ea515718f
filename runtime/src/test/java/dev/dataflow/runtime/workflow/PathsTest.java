package dev.dataflow.runtime.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@SuppressWarnings("unchecked")
class PathsTest {
  private final Map<String, Object> output = Map.of("records", List.of(Map.of("id", 7L), Map.of("id", 8L)),
      "count", 2, "nested", Map.of("a", Map.of("b", "deep")));

  @Test
  void readsKeysAndListIndexes() {
    assertEquals(2, Paths.get(output, "count"));
    assertEquals(8L, Paths.get(output, "records.1.id"));
    assertEquals("deep", Paths.get(output, "nested.a.b"));
  }

  @Test
  void missingSegmentsAreNamed() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Paths.get(output, "cont"));
    assertTrue(missing.getMessage().contains("has no 'cont'"), missing.getMessage());
    IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
        () -> Paths.get(output, "records.5.id"));
    assertTrue(range.getMessage().contains("index 5 is out of range"), range.getMessage());
    IllegalArgumentException notIndex = assertThrows(IllegalArgumentException.class,
        () -> Paths.get(output, "records.first"));
    assertTrue(notIndex.getMessage().contains("'first' is not an index"), notIndex.getMessage());
    IllegalArgumentException scalar = assertThrows(IllegalArgumentException.class,
        () -> Paths.get(output, "count.x"));
    assertTrue(scalar.getMessage().contains("is a Integer, not a map or list"), scalar.getMessage());
  }

  @Test
  void putCreatesNestedMapsWithoutChangingTheOriginal() {
    Map<String, Object> inner = Map.of("language", "en");
    Map<String, Object> params = new LinkedHashMap<>(Map.of("filters", inner));
    Paths.put(params, "filters.user_id", "u1");
    assertEquals(Map.of("language", "en", "user_id", "u1"), params.get("filters"));
    assertEquals(Map.of("language", "en"), inner);
    Paths.put(params, "a.b.c", 1);
    assertEquals(Map.of("b", Map.of("c", 1)), params.get("a"));
  }

  @Test
  void putFillsOneElementOfAList() {
    List<Map<String, Object>> records = List.of(Map.of("name", "a"), Map.of("name", "b"));
    Map<String, Object> params = new LinkedHashMap<>(Map.of("records", records));
    Paths.put(params, "records.1.team_id", 5L);
    assertEquals(List.of(Map.of("name", "a"), Map.of("name", "b", "team_id", 5L)), params.get("records"));
    assertEquals(Map.of("name", "b"), records.get(1), "the original list is not changed");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Paths.put(params, "records.2.team_id", 5L));
    assertTrue(e.getMessage().contains("index 2 is out of range"), e.getMessage());
  }

  @Test
  @SuppressWarnings("unchecked")
  void freezeIsDeepAndUnmodifiable() {
    Map<String, Object> source = new LinkedHashMap<>();
    source.put("list", new java.util.ArrayList<>(List.of(1)));
    Map<String, Object> frozen = (Map<String, Object>) Paths.freeze(source);
    ((List<Object>) source.get("list")).add(2);
    assertEquals(List.of(1), frozen.get("list"));
    assertThrows(UnsupportedOperationException.class, () -> frozen.put("x", 1));
  }

  @Test
  void freezeAndMutableCopyTakeAnyDepthWithoutRecursion() {
    Map<String, Object> root = new LinkedHashMap<>();
    Map<String, Object> current = root;
    for (int i = 0; i < 200_000; i++) {
      Map<String, Object> next = new LinkedHashMap<>();
      current.put("a", i % 2 == 0 ? next : List.of(next));
      current = next;
    }
    current.put("leaf", 1);
    Object frozen = Paths.freeze(root);
    Map<String, Object> copy = Paths.mutableCopy(root);
    Object walked = frozen;
    for (int i = 0; i < 200_000; i++) {
      Object inner = ((Map<?, ?>) walked).get("a");
      walked = i % 2 == 0 ? inner : ((List<?>) inner).get(0);
    }
    assertEquals(1, ((Map<?, ?>) walked).get("leaf"));
    assertThrows(UnsupportedOperationException.class, () -> ((Map<String, Object>) frozen).put("b", 2));
    assertEquals(root.keySet(), copy.keySet());
  }
}
