package dev.dataflow.runtime.sql;

import java.util.List;
import java.util.function.Supplier;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * A filter map compiled by {@link FilterCompiler#compileFilter} or {@link FilterCompiler#shapeOf}: its shape, its
 * values and its condition.
 *
 * <p>The shape is the filter's structure with every value left out: the columns, operators and logical operators in
 * order, and each value only as far as it changes the SQL ({@code {"x": null}} is {@code is null}, an {@code $in}
 * list with null adds {@code or x is null}, {@code $exists true} and {@code false} differ). Two filters of one shape
 * render the same SQL and differ only in {@link #binds()}, which hold the placeholders' values in the order they were
 * made; {@link StatementShapes} checks that order against jOOQ's before it trusts a shape.
 */
public final class CompiledFilter {
  /** No filter: every row. */
  public static final CompiledFilter NONE = new CompiledFilter(DSL.noCondition(), "", List.of());

  private final String shape;
  private final List<BindValue> binds;
  private Supplier<Condition> build;
  private Condition condition;

  /**
   * @param condition the filter as a jOOQ condition; {@link DSL#noCondition()} for no filter
   * @param shape the structure without values; empty for no filter
   * @param binds the placeholders' values, first made first
   */
  public CompiledFilter(Condition condition, String shape, List<BindValue> binds) {
    this.condition = condition;
    this.shape = shape;
    this.binds = List.copyOf(binds);
  }

  /** A filter whose condition {@code build} makes when it is first asked for. */
  CompiledFilter(Supplier<Condition> build, String shape, List<BindValue> binds) {
    this.build = build;
    this.shape = shape;
    this.binds = List.copyOf(binds);
  }

  /** The filter as a jOOQ condition (built now if it was not). */
  public synchronized Condition condition() {
    if (condition == null) {
      condition = build.get();
      build = null;
    }
    return condition;
  }

  /** The structure without values; empty for no filter. */
  public String shape() {
    return shape;
  }

  /** The placeholders' values, first made first (unmodifiable). */
  public List<BindValue> binds() {
    return binds;
  }

  @Override
  public String toString() {
    return "CompiledFilter[" + shape + ", " + binds.size() + " values]";
  }
}
