package dev.dataflow.models;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.CountNode;
import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Counts rows matching filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionCountNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionCountNode extends CountNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionCountNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionCountNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionCountNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends NodeParams {
    private Params() {
      super(TYPE);
    }

    /**
     * Selects the rows to count: a MongoDB-style filter map of column names to values or operators.
     */
    public Params filters(Map<String, ?> filters) {
      set(CrudNode.FILTERS, filters);
      return this;
    }

    /**
     * Also counts per group of these keys: a column, a date/time column truncated in UTC ({@code "created_at:day"}; hour, day, week, month, year) or a key of a JSON column ({@code "intents.primary"}).
     */
    public Params groupBy(String... keys) {
      set(CountNode.GROUP_BY, List.of(keys));
      return this;
    }

    /**
     * Adds a named aggregate to each group, for example {@code aggregate("avg_confidence", "$avg", "confidence")}; operators $sum, $avg, $min, $max, $count_distinct.
     */
    public Params aggregate(String name, String operator, String column) {
      setIn(CountNode.AGGREGATES, name, Map.of(operator, column));
      return this;
    }

    /**
     * At most this many groups.
     */
    public Params limit(int limit) {
      set(CountNode.LIMIT, limit);
      return this;
    }
  }
}
