package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.ListNode;
import java.util.List;

/**
 * The typed parameters of every generated {@code <Model>ListNode.Params}.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class ListParams<P extends ListParams<P>> extends FilteredParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected ListParams(String nodeType) {
    super(nodeType);
  }

  /**
   * Orders by these columns; a leading {@code -} sorts descending, for example
   * {@code orderBy("-created_at")}.
   */
  public final P orderBy(String... columns) {
    set(ListNode.ORDER_BY, List.of(columns));
    return self();
  }

  /** At most this many rows. */
  public final P limit(int limit) {
    set(ListNode.LIMIT, limit);
    return self();
  }

  /** Skips this many rows first. */
  public final P offset(int offset) {
    set(ListNode.OFFSET, offset);
    return self();
  }

  /** Whether the output also gives {@code total}, the count of all matching rows. */
  public final P total(boolean total) {
    set(ListNode.TOTAL, total);
    return self();
  }

  /** Continues after the page whose output gave this {@code next_cursor}. */
  public final P cursor(String cursor) {
    set(ListNode.CURSOR, cursor);
    return self();
  }
}
