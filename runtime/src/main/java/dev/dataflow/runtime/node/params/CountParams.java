package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CountNode;
import java.util.List;
import java.util.Map;

/**
 * The typed parameters of every generated {@code <Model>CountNode.Params}.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class CountParams<P extends CountParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected CountParams(String nodeType) {
    super(nodeType);
  }

  /**
   * Also counts per group of these keys: a column, a date/time column truncated in UTC
   * ({@code "created_at:day"}; hour, day, week, month, year) or a key of a JSON column ({@code "intents.primary"}).
   */
  public final P groupBy(String... keys) {
    set(CountNode.GROUP_BY, List.of(keys));
    return self();
  }

  /**
   * Adds a named aggregate to each group, for example {@code aggregate("avg_confidence", "$avg", "confidence")};
   * operators $sum, $avg, $min, $max, $count_distinct.
   */
  public final P aggregate(String name, String operator, String column) {
    setIn(CountNode.AGGREGATES, name, Map.of(operator, column));
    return self();
  }

  /** At most this many groups. */
  public final P limit(int limit) {
    set(CountNode.LIMIT, limit);
    return self();
  }
}
