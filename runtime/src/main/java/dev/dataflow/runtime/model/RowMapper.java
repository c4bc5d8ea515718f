package dev.dataflow.runtime.model;

import java.util.Map;

/**
 * Turns a node's output row (column name → value, each already of its column's Java type) into an instance of the
 * model and back. The processor writes one per record {@code @Model} ({@code <Model>RowMapper}): plain constructor
 * calls and accessor calls, no reflection. {@code WorkflowResult.get(nodeId, Model.class)} and
 * {@code <Model>CreateNode.params(model)} use it.
 *
 * @param <T> the model type
 */
public interface RowMapper<T> {
  /** The model class. */
  Class<T> type();

  /**
   * The model held by {@code row}. Columns the model has no field for ({@code created_at}, {@code updated_at}, the
   * status keys of an output such as {@code found}) are ignored.
   *
   * @throws IllegalArgumentException when the row holds NULL for a primitive field
   */
  T fromRow(Map<String, Object> row);

  /** Every field of {@code model} by column name, in table order; a null field is a null value. */
  Map<String, Object> toRow(T model);
}
