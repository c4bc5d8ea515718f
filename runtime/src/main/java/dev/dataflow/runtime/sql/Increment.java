package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.JavaType;

/**
 * An update value that adds to the column in the database instead of replacing it: {@code "col" = "col" + ?}
 * ({@code coalesce("col", 0) + ?} for a nullable column, so a NULL counts as 0). Concurrent increments of one row
 * never lose a count, because each reads the value it adds to under the row lock of its own UPDATE.
 *
 * <pre>{@code
 * // fields {"total_messages": {"$inc": 1}} become
 * Map<String, Object> fields = Map.of("total_messages", new Increment(1));
 * SqlRenderer.updateByIdReturning(model, fields, sessionId);
 * }</pre>
 *
 * @param amount what to add, as {@link ValueConverter#toJava} gives it for the column (negative subtracts); never null
 */
public record Increment(Object amount) {
  public Increment {
    if (amount == null) {
      throw new IllegalArgumentException("an increment needs an amount");
    }
  }

  /** Whether {@code $inc} applies to a column of this type: the numeric ones. */
  public static boolean appliesTo(JavaType type) {
    return switch (type) {
      case SHORT, INT, LONG, FLOAT, DOUBLE, BIG_DECIMAL -> true;
      default -> false;
    };
  }
}
