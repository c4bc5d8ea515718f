package dev.dataflow.models;

import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.ListNode;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.Generated;

/**
 * Lists rows matching filters, ordered and paged in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionListNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionListNode extends ListNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionListNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionListNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionListNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends NodeParams {
    private Params() {
      super(TYPE);
    }

    /**
     * Selects the rows to list: a MongoDB-style filter map of column names to values or operators.
     */
    public Params filters(Map<String, ?> filters) {
      set(CrudNode.FILTERS, filters);
      return this;
    }

    /**
     * Orders by these columns; a leading {@code -} sorts descending, for example {@code orderBy("-created_at")}.
     */
    public Params orderBy(String... columns) {
      set(ListNode.ORDER_BY, List.of(columns));
      return this;
    }

    /**
     * At most this many rows.
     */
    public Params limit(int limit) {
      set(ListNode.LIMIT, limit);
      return this;
    }

    /**
     * Skips this many rows first.
     */
    public Params offset(int offset) {
      set(ListNode.OFFSET, offset);
      return this;
    }

    /**
     * Whether the output also gives {@code total}, the count of all matching rows.
     */
    public Params total(boolean total) {
      set(ListNode.TOTAL, total);
      return this;
    }

    /**
     * Continues after the page whose output gave this {@code next_cursor}.
     */
    public Params cursor(String cursor) {
      set(ListNode.CURSOR, cursor);
      return this;
    }
  }
}
