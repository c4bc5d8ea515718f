package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.model.Suggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted paths into node outputs and parameters: {@code session_id}, {@code records.0.id},
 * {@code filters.session_id}. A segment is a map key, or a list index when the value there is a list.
 */
public final class Paths {
  private Paths() {}

  /** The first segment of a path: the parameter or output name it starts with. */
  public static String head(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /**
   * The value at {@code path} in {@code root}.
   *
   * @throws IllegalArgumentException naming the segment that is missing (never a value)
   */
  public static Object get(Map<String, Object> root, String path) {
    Object current = root;
    String[] segments = path.split("\\.", -1);
    StringBuilder walked = new StringBuilder();
    for (String segment : segments) {
      if (current instanceof Map<?, ?> map) {
        if (!map.containsKey(segment)) {
          throw new IllegalArgumentException("has no '" + Suggestions.cut(walked + segment) + "'"
              + (walked.length() == 0
                  ? "; it has " + map.keySet().stream().map(k -> Suggestions.cut(String.valueOf(k))).toList() : ""));
        }
        current = map.get(segment);
      } else if (current instanceof List<?> list) {
        int index;
        try {
          index = Integer.parseInt(segment);
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("'" + Suggestions.cut(walked.toString()) + "' is a list; '"
              + Suggestions.cut(segment) + "' is not an index");
        }
        if (index < 0 || index >= list.size()) {
          throw new IllegalArgumentException("'" + Suggestions.cut(walked.toString()) + "' has " + list.size()
              + " element(s); index " + index + " is out of range");
        }
        current = list.get(index);
      } else {
        throw new IllegalArgumentException("'" + Suggestions.cut(walked.toString()) + "' is "
            + (current == null ? "null" : "a " + current.getClass().getSimpleName())
            + ", not a map or list, so it has no '" + Suggestions.cut(segment) + "'");
      }
      walked.append(segment).append('.');
    }
    return current;
  }

  /**
   * Sets {@code value} at {@code path} in a mutable map. Maps on the way are copied (or created); a list on the way
   * is copied and its element at a numeric segment replaced, so {@code records.0.team_id} fills one record.
   *
   * @throws IllegalArgumentException when a list index is not a number or out of range
   */
  public static void put(Map<String, Object> root, String path, Object value) {
    String[] segments = path.split("\\.", -1);
    root.put(segments[0], with(root.get(segments[0]), segments, 1, value));
  }

  @SuppressWarnings("unchecked")
  private static Object with(Object current, String[] segments, int index, Object value) {
    if (index == segments.length) {
      return value;
    }
    String segment = segments[index];
    if (current instanceof List<?> list) {
      int i;
      try {
        i = Integer.parseInt(segment);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + Suggestions.cut(segment) + "' is not an index of a list");
      }
      if (i < 0 || i >= list.size()) {
        throw new IllegalArgumentException("index " + i + " is out of range for a list of " + list.size());
      }
      List<Object> copy = new ArrayList<>(list);
      copy.set(i, with(copy.get(i), segments, index + 1, value));
      return copy;
    }
    Map<String, Object> copy = current instanceof Map<?, ?> m
        ? new LinkedHashMap<>((Map<String, Object>) m)
        : new LinkedHashMap<>();
    copy.put(segment, with(copy.get(segment), segments, index + 1, value));
    return copy;
  }

  /**
   * A deep, unmodifiable copy of nested maps and lists; other values are kept as they are. Maps become
   * {@link FrozenMap}s (in their iteration order), lists unmodifiable lists. It keeps its own stack rather than
   * recursing, so input of any depth is copied (and then refused by the check that knows its limit, not by a
   * {@link StackOverflowError} here).
   */
  public static Object freeze(Object value) {
    if (!(value instanceof Map) && !(value instanceof List)) {
      return value; // nothing to copy (the commonest override: an id, a text)
    }
    Deque<Object[]> pending = new ArrayDeque<>(); // {original, its mutable copy}
    Object frozen = frozenShell(value, pending);
    while (!pending.isEmpty()) {
      Object[] next = pending.pop();
      if (next[0] instanceof Map<?, ?> map) {
        FrozenMap copy = (FrozenMap) next[1];
        for (Map.Entry<?, ?> e : map.entrySet()) {
          copy.add(String.valueOf(e.getKey()), frozenShell(e.getValue(), pending));
        }
      } else {
        @SuppressWarnings("unchecked")
        List<Object> copy = (List<Object>) next[1];
        for (Object o : (List<?>) next[0]) {
          copy.add(frozenShell(o, pending));
        }
      }
    }
    return frozen;
  }

  /**
   * An empty frozen copy of a map, or the unmodifiable view of an empty copy of a list, to be filled from
   * {@code pending} (where the original and the copy are pushed); any other value as it is.
   */
  private static Object frozenShell(Object value, Deque<Object[]> pending) {
    if (value instanceof Map<?, ?> map) {
      FrozenMap copy = FrozenMap.filling(map.size());
      pending.push(new Object[] {map, copy});
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      pending.push(new Object[] {list, copy});
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  /**
   * A deep, mutable copy of nested maps; lists and other values are shared. Like {@link #freeze}, it keeps its own
   * stack.
   */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> mutableCopy(Map<String, Object> map) {
    Map<String, Object> root = new LinkedHashMap<>();
    Deque<MapCopy> pending = new ArrayDeque<>();
    pending.push(new MapCopy(map, root));
    while (!pending.isEmpty()) {
      MapCopy next = pending.pop();
      for (Map.Entry<String, Object> e : next.original().entrySet()) {
        Object v = e.getValue();
        if (v instanceof Map<?, ?> m) {
          Map<String, Object> copy = new LinkedHashMap<>();
          pending.push(new MapCopy((Map<String, Object>) m, copy));
          next.copy().put(e.getKey(), copy);
        } else {
          next.copy().put(e.getKey(), v);
        }
      }
    }
    return root;
  }

  /** A map still to copy, and the copy its entries go into. */
  private record MapCopy(Map<String, Object> original, Map<String, Object> copy) {}
}
