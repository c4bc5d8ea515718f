package dev.dataflow.runtime.sql;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

/**
 * The declared Java type of a JSONB field, captured from a subclass's type argument (like Jackson's
 * {@code TypeReference}) so that generic types such as {@code List<Point>} survive erasure. Generated
 * {@code RowMapper}s keep one per JSON field whose type is not the plain tree, as a constant, and read it with
 * {@link Json#convert}.
 *
 * <pre>{@code
 * static final JsonType<List<Point>> POINTS = new JsonType<>() {};
 * }</pre>
 *
 * @param <T> the declared type
 */
public abstract class JsonType<T> {
  private final Type type;

  protected JsonType() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)) {
      throw new IllegalStateException("create a JsonType as an anonymous subclass with its type argument: new"
          + " JsonType<List<Point>>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
  }

  /** The captured type. */
  public final Type type() {
    return type;
  }
}
