package dev.dataflow.runtime.sql;

import java.util.List;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * A filter map compiled by {@link FilterCompiler#compileFilter}: its condition, its shape and its values.
 *
 * <p>The shape is the filter's structure with every value left out: the columns, operators and logical operators in
 * order, and each value only as far as it changes the SQL ({@code {"x": null}} is {@code is null}, an {@code $in}
 * list with null adds {@code or x is null}, {@code $exists true} and {@code false} differ). Two filters of one shape
 * render the same SQL and differ only in {@link #binds()}, which hold the placeholders' values in the order they were
 * made; {@link StatementShapes} checks that order against jOOQ's before it trusts a shape.
 *
 * @param condition the filter as a jOOQ condition; {@link DSL#noCondition()} for no filter
 * @param shape the structure without values; empty for no filter
 * @param binds the placeholders' values, first made first (unmodifiable)
 */
public record CompiledFilter(Condition condition, String shape, List<BindValue> binds) {
  /** No filter: every row. */
  public static final CompiledFilter NONE = new CompiledFilter(DSL.noCondition(), "", List.of());

  public CompiledFilter {
    binds = List.copyOf(binds);
  }
}
