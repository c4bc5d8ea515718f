package dev.dataflow.runtime.node.params;

import dev.dataflow.runtime.node.crud.CrudNode;
import java.util.List;

/**
 * The parameters Create and BulkCreate share: what a row that duplicates a unique value does.
 *
 * @param <P> the generated {@code Params} class itself, which every setter returns
 */
public abstract class InsertParams<P extends InsertParams<P>> extends ModelParams<P> {
  /** For the generated {@code Params}: {@code nodeType} is the node's {@code TYPE}. */
  protected InsertParams(String nodeType) {
    super(nodeType);
  }

  /**
   * What a row that duplicates a unique value does: {@code "error"} (the default: the insert fails),
   * {@code "ignore"} (it is skipped) or {@code "update"} (the existing row is updated; needs {@link #conflictColumns}).
   */
  public final P onConflict(String mode) {
    set(CrudNode.ON_CONFLICT, mode);
    return self();
  }

  /**
   * The columns of the unique constraint, unique index or key that decide a conflict, for example
   * {@code conflictColumns("code")}.
   */
  public final P conflictColumns(String... columns) {
    set(CrudNode.CONFLICT_COLUMNS, List.of(columns));
    return self();
  }
}
