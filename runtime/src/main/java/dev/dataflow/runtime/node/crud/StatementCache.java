package dev.dataflow.runtime.node.crud;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rendered SQL for statement shapes that depend on which columns a call gives (a create that omits a defaulted
 * column, an update of some columns). Each shape is rendered once and reused; the full shapes come from the
 * processor and are never rendered at run time.
 */
final class StatementCache<K> {
  private static final int MAX_SHAPES = 4096;
  private final ConcurrentHashMap<K, String> cache = new ConcurrentHashMap<>();

  /** The SQL cached for this shape, or null. */
  String find(K key) {
    return cache.get(key);
  }

  /** Caches the SQL of a shape (until the cache holds {@value #MAX_SHAPES} shapes). */
  void put(K key, String sql) {
    if (cache.size() < MAX_SHAPES) {
      cache.putIfAbsent(key, sql);
    }
  }

  String get(K key, Function<K, String> render) {
    String sql = cache.get(key);
    if (sql != null) {
      return sql;
    }
    sql = render.apply(key);
    if (cache.size() < MAX_SHAPES) {
      cache.putIfAbsent(key, sql);
    }
    return sql;
  }
}
