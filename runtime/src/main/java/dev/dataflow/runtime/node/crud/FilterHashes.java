package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.sql.CompiledFilter;
import dev.dataflow.runtime.workflow.FrozenMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link PageCursor#filterHash} of a List node's filters, remembered: the hash costs a canonical JSON write and a
 * SHA-256, and a list that pages through one session's messages hashes the same filters again and again.
 *
 * <p>The memory is keyed by the filter's shape and its keys and literal values exactly as given (not as converted:
 * the hash is of the filters as written), and only for values that cannot change under it (text, numbers, booleans, UUIDs,
 * dates and times, enums, and lists of these); any other value is hashed each time. At most {@value #MAX} entries.
 */
final class FilterHashes {
  static final int MAX = 1024;
  private final ConcurrentHashMap<Key, String> hashes = new ConcurrentHashMap<>();

  /** The hash of {@code filters}, compiled as {@code filter}. */
  String of(CompiledFilter filter, Object filters) {
    List<Object> values = new ArrayList<>();
    if (!(filters instanceof Map<?, ?> map) || !literals(List.of(map), values)) {
      return PageCursor.filterHash(filters);
    }
    Key key = new Key(filter.shape(), values);
    String hash = hashes.get(key);
    if (hash == null) {
      hash = PageCursor.filterHash(filters);
      if (hashes.size() >= MAX) {
        hashes.clear();
      }
      hashes.putIfAbsent(key, hash);
    }
    return hash;
  }

  /**
   * The hash of {@code filters}, compiled as {@code filter}, when it is asked for: then, when the filters cannot
   * change, so that a page whose cursor nobody reads never hashes them; at once when they may change, so that the
   * hash is of the filters as they are now. They cannot change when there are none, or when they are a workflow's own
   * frozen map ({@link FrozenMap}: every map and list in it a private copy) of {@linkplain #literal literal} values; a
   * map a connection brought may be another node's, which that node may still change.
   */
  Supplier<String> later(CompiledFilter filter, Object filters) {
    if (filters == null || (filters instanceof FrozenMap && literal(filters))) {
      return () -> of(filter, filters);
    }
    String hash = of(filter, filters);
    return () -> hash;
  }

  /** How deep {@link #literal} looks into maps and lists; a value nested deeper counts as one that may change. */
  static final int LITERAL_DEPTH = 32;

  /**
   * Whether {@code value} and everything in it is of a type that cannot change (see the class comment): a walk that
   * builds no lists (it runs on every check of a List node's filters). A value nested more than
   * {@value #LITERAL_DEPTH} maps or lists deep counts as one that may change, which only costs its caller a
   * conversion.
   */
  static boolean literal(Object value) {
    return literal(value, 0);
  }

  private static boolean literal(Object item, int depth) {
    if (item instanceof Map<?, ?> map) {
      if (depth == LITERAL_DEPTH) {
        return false;
      }
      if (map instanceof FrozenMap frozen) {
        return frozen.allValuesMatch(v -> literal(v, depth + 1)); // its keys are text
      }
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String) || !literal(entry.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (item instanceof Collection<?> list) {
      if (depth == LITERAL_DEPTH) {
        return false;
      }
      for (Object element : list) {
        if (!literal(element, depth + 1)) {
          return false;
        }
      }
      return true;
    }
    return literalLeaf(item);
  }

  /** A value that is neither a map nor a list, of a type that cannot change. */
  private static boolean literalLeaf(Object item) {
    return item == null || item instanceof String || item instanceof Boolean || item instanceof UUID
        || item instanceof Enum<?> || item instanceof Long || item instanceof Integer || item instanceof Short
        || item instanceof Byte || item instanceof Double || item instanceof Float || item instanceof BigDecimal
        || item instanceof BigInteger || (item instanceof TemporalAccessor
            && item.getClass().getName().startsWith("java.time."));
  }

  /**
   * Adds the literal values under {@code items} to {@code out} in iteration order, a list's as one list (so that
   * lists of other lengths differ); false when one is of a type that may change.
   */
  private static boolean literals(Collection<?> items, List<Object> out) {
    for (Object item : items) {
      if (item instanceof Map<?, ?> map) {
        // keys too: a JSON document's keys are not in the shape
        List<Object> entries = new ArrayList<>(2 * map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (!(entry.getKey() instanceof String key) || !literals(java.util.Collections.singletonList(
              entry.getValue()), entries)) {
            return false;
          }
          entries.add(key);
        }
        out.add(entries);
      } else if (item instanceof Collection<?> list) {
        List<Object> elements = new ArrayList<>(list.size());
        if (!literals(list, elements)) {
          return false;
        }
        out.add(elements);
      } else if (literalLeaf(item)) {
        out.add(item == null ? Null.NULL : item);
      } else {
        return false;
      }
    }
    return true;
  }

  private enum Null { NULL }

  /** Equals and hashCode written out, not bootstrapped on first use as a record's are (see StatementShapes). */
  private record Key(String shape, List<Object> values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && shape.equals(k.shape) && values.equals(k.values);
    }

    @Override
    public int hashCode() {
      return shape.hashCode() * 31 + values.hashCode();
    }
  }
}
