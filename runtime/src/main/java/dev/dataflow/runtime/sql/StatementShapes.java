package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The SQL of filtered statements, rendered by jOOQ once per statement shape and reused: a node that lists, counts,
 * reads, tests or deletes by filters renders its first statement of each shape ({@link CompiledFilter#shape()} with
 * the order, the limit and the offset, which are written into the SQL as numbers) and, from then on, only binds the
 * new call's values.
 *
 * <p>A shape is trusted only when jOOQ's rendering of its first statement asks for exactly the values the filter
 * made, in the same order (then every statement of that shape does: jOOQ renders a condition tree the same way
 * whatever its values). A shape that fails the check is rendered on every call, as before. At most {@value
 * #MAX_SHAPES} shapes are kept per instance; later ones are rendered each time.
 *
 * <p>One instance serves one model (a node keeps one); it is safe for concurrent use.
 */
public final class StatementShapes {
  static final int MAX_SHAPES = 2048;
  private static final String NOT_CACHEABLE = "";

  private final ModelDescriptor model;
  private final ConcurrentHashMap<Key, String> sql = new ConcurrentHashMap<>();

  public StatementShapes(ModelDescriptor model) {
    this.model = model;
  }

  /** {@link SqlRenderer#select}, rendered once per shape. */
  public RenderedSql select(CompiledFilter filter, List<String> orderBy, int limit, int offset) {
    Key key = new Key(Kind.SELECT, filter.shape(), orderBy, limit, offset);
    return cached(key, filter.binds(), () -> SqlRenderer.select(model, filter.condition(), orderBy, limit, offset));
  }

  /** {@link SqlRenderer#count}, rendered once per shape. */
  public RenderedSql count(CompiledFilter filter) {
    return cached(new Key(Kind.COUNT, filter.shape(), List.of(), 0, 0), filter.binds(),
        () -> SqlRenderer.count(model, filter.condition()));
  }

  /** {@link SqlRenderer#exists}, rendered once per shape. */
  public RenderedSql exists(CompiledFilter filter) {
    return cached(new Key(Kind.EXISTS, filter.shape(), List.of(), 0, 0), filter.binds(),
        () -> SqlRenderer.exists(model, filter.condition()));
  }

  /** {@link SqlRenderer#delete}, rendered once per shape. */
  public RenderedSql delete(CompiledFilter filter) {
    return cached(new Key(Kind.DELETE, filter.shape(), List.of(), 0, 0), filter.binds(),
        () -> SqlRenderer.delete(model, filter.condition()));
  }

  /** How many shapes are cached (for tests). */
  int size() {
    return sql.size();
  }

  private RenderedSql cached(Key key, List<BindValue> binds, Supplier<RenderedSql> render) {
    String known = sql.get(key);
    if (known != null && !known.isEmpty()) {
      return new RenderedSql(known, binds);
    }
    RenderedSql rendered = render.get();
    if (known == null && sql.size() < MAX_SHAPES) {
      // trusted only if jOOQ asks for the very values the filter made, in the order it made them
      sql.putIfAbsent(key, sameValues(rendered.binds(), binds) ? rendered.sql() : NOT_CACHEABLE);
    }
    return rendered;
  }

  private static boolean sameValues(List<BindValue> rendered, List<BindValue> made) {
    if (rendered.size() != made.size()) {
      return false;
    }
    for (int i = 0; i < made.size(); i++) {
      BindValue a = rendered.get(i);
      BindValue b = made.get(i);
      if (a != b && !((a.column() == b.column() || a.column().equals(b.column())) && a.array() == b.array()
          && java.util.Objects.equals(a.value(), b.value()))) {
        return false;
      }
    }
    return true;
  }

  private enum Kind { SELECT, COUNT, EXISTS, DELETE }

  /**
   * A statement's shape. Its equals and hashCode are written out: a record's are bootstrapped through
   * {@code java.lang.runtime.ObjectMethods} on first use, which costs a fresh JVM milliseconds on its first List.
   */
  private record Key(Kind kind, String shape, List<String> orderBy, int limit, int offset) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && kind == k.kind && limit == k.limit && offset == k.offset && shape.equals(k.shape)
          && orderBy.equals(k.orderBy);
    }

    @Override
    public int hashCode() {
      return (((kind.hashCode() * 31 + shape.hashCode()) * 31 + orderBy.hashCode()) * 31 + limit) * 31 + offset;
    }
  }
}
