package dev.dataflow.runtime.node.crud;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A List node's output whose {@code next_cursor} is written when it is first read: the cursor costs a JSON write, a
 * SHA-256 and two base64 encodings, and most callers of a full page never ask for the next one. To everyone else it is
 * an ordinary unmodifiable map with {@code next_cursor} in it: {@link #get}, {@link #containsKey} and {@link #size}
 * answer without writing the cursor; iterating, comparing, hashing or printing the map writes it once.
 *
 * <p>The supplier must depend only on values that cannot change (it is called at most once, maybe on another thread,
 * maybe after the row maps in {@code records} were changed by the caller).
 */
final class ListOutput extends AbstractMap<String, Object> {
  private final Map<String, Object> eager;
  private final String lazyKey;
  private Supplier<String> lazy;
  private volatile Map<String, Object> whole;

  ListOutput(Map<String, Object> eager, String lazyKey, Supplier<String> lazy) {
    this.eager = eager;
    this.lazyKey = lazyKey;
    this.lazy = lazy;
  }

  @Override
  public Object get(Object key) {
    return lazyKey.equals(key) ? whole().get(lazyKey) : eager.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return lazyKey.equals(key) || eager.containsKey(key);
  }

  @Override
  public int size() {
    return eager.size() + 1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return whole().entrySet();
  }

  /** The map with the lazy value written, made once. */
  private Map<String, Object> whole() {
    Map<String, Object> w = whole;
    if (w == null) {
      synchronized (this) {
        w = whole;
        if (w == null) {
          Map<String, Object> all = new LinkedHashMap<>(eager);
          all.put(lazyKey, lazy.get());
          w = Collections.unmodifiableMap(all);
          lazy = null;
          whole = w;
        }
      }
    }
    return w;
  }
}
