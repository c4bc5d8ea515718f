package dev.dataflow.runtime.workflow;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * An unmodifiable map of parameter names to values, in the order the names were first given: what
 * {@link Paths#freeze} makes of every map in a node's parameters. Any change ({@code put}, {@code remove},
 * {@code clear}, an entry's {@code setValue}) throws {@link UnsupportedOperationException}.
 *
 * <p>Why not an unmodifiable view of a {@code LinkedHashMap}: a node's parameters are a handful of names, read a few
 * times per run, and a run's overrides replace some of them. Here they are two arrays: a lookup compares the cached
 * hash of each name, and {@link #with} makes the overridden map by copying the arrays, where a {@code LinkedHashMap}
 * copies entry by entry through its view. Lookups in a map of more than {@value #INDEXED} names go through a hash
 * index built on first use.
 */
public final class FrozenMap extends AbstractMap<String, Object> {
  /** Above this many names, lookups use an index rather than a scan. */
  static final int INDEXED = 16;
  private static final String[] NO_KEYS = {};
  private static final Object[] NO_VALUES = {};
  private static final int[] NO_HASHES = {};

  private String[] keys;
  private Object[] values;
  private int[] hashes;
  private int size;
  /** Name → position, for maps of more than {@link #INDEXED} names; made on first lookup (a final-field holder). */
  private Index index;

  private FrozenMap(String[] keys, Object[] values, int[] hashes, int size) {
    this.keys = keys;
    this.values = values;
    this.hashes = hashes;
    this.size = size;
  }

  /** An empty map to fill with {@link #add} before anyone else sees it. */
  static FrozenMap filling(int expectedSize) {
    return expectedSize == 0 ? new FrozenMap(NO_KEYS, NO_VALUES, NO_HASHES, 0)
        : new FrozenMap(new String[expectedSize], new Object[expectedSize], new int[expectedSize], 0);
  }

  /** Adds or replaces one entry while the map is being made (by {@link Paths#freeze}); never after it is shared. */
  void add(String key, Object value) {
    int i = indexOf(key, key.hashCode());
    if (i >= 0) {
      values[i] = value;
      return;
    }
    if (size == keys.length) {
      int grown = Math.max(4, size * 2);
      keys = Arrays.copyOf(keys, grown);
      values = Arrays.copyOf(values, grown);
      hashes = Arrays.copyOf(hashes, grown);
    }
    keys[size] = key;
    values[size] = value;
    hashes[size] = key.hashCode();
    if (index != null) {
      index.positions.put(key, size); // still being made: nobody else reads it yet
    }
    size++;
  }

  /**
   * This map with {@code changes} put over it, each changed value {@linkplain Paths#freeze frozen}: a changed name
   * keeps its place, a new one comes last. This map is not changed.
   */
  public FrozenMap with(Map<String, ?> changes) {
    int capacity = size + changes.size();
    FrozenMap copy = new FrozenMap(Arrays.copyOf(keys, capacity), Arrays.copyOf(values, capacity),
        Arrays.copyOf(hashes, capacity), size);
    for (Map.Entry<String, ?> e : changes.entrySet()) {
      copy.add(String.valueOf(e.getKey()), Paths.freeze(e.getValue()));
    }
    return copy;
  }

  private int indexOf(Object key, int hash) {
    if (size > INDEXED) {
      Index lookup = index;
      if (lookup == null) {
        lookup = new Index(this);
        index = lookup;
      }
      Integer at = lookup.positions.get(key);
      return at == null ? -1 : at;
    }
    for (int i = 0; i < size; i++) {
      if (hashes[i] == hash) {
        String k = keys[i];
        if (k == key || k.equals(key)) {
          return i;
        }
      }
    }
    return -1;
  }

  @Override
  public Object get(Object key) {
    if (!(key instanceof String)) {
      return null;
    }
    int i = indexOf(key, key.hashCode());
    return i < 0 ? null : values[i];
  }

  @Override
  public Object getOrDefault(Object key, Object defaultValue) {
    if (!(key instanceof String)) {
      return defaultValue;
    }
    int i = indexOf(key, key.hashCode());
    return i < 0 ? defaultValue : values[i];
  }

  @Override
  public boolean containsKey(Object key) {
    return key instanceof String && indexOf(key, key.hashCode()) >= 0;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether every value matches {@code test}, asked in order until one does not. */
  public boolean allValuesMatch(Predicate<Object> test) {
    for (int i = 0; i < size; i++) {
      if (!test.test(values[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void forEach(BiConsumer<? super String, ? super Object> action) {
    for (int i = 0; i < size; i++) {
      action.accept(keys[i], values[i]);
    }
  }

  @Override
  public Set<Map.Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Map.Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < size;
          }

          @Override
          public Map.Entry<String, Object> next() {
            if (next >= size) {
              throw new NoSuchElementException();
            }
            int i = next++;
            return new AbstractMap.SimpleImmutableEntry<>(keys[i], values[i]);
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** The positions of a large map's names; final, so a thread that sees the holder sees it whole. */
  private static final class Index {
    final Map<String, Integer> positions;

    Index(FrozenMap map) {
      Map<String, Integer> positions = new HashMap<>(map.size * 2);
      for (int i = 0; i < map.size; i++) {
        positions.put(map.keys[i], i);
      }
      this.positions = positions;
    }
  }
}
