package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.RowMapper;
import java.util.List;
import java.util.Map;

/**
 * What a node's output holds of a model, so that {@code WorkflowResult.get(nodeId, Model.class)} and
 * {@code records(nodeId, Model.class)} can turn it into model instances without knowing the node.
 *
 * @param mapper the model's row mapper
 * @param shape one row or a list of rows
 * @param keyColumn the model's key column: an output of {@link Shape#ONE_ROW} without it holds no row
 * @param rowsOutput for {@link Shape#ROWS}, the output key of the list of rows; else null
 */
public record ModelOutput(RowMapper<?> mapper, Shape shape, String keyColumn, String rowsOutput) {

  /** How the rows sit in the output. */
  public enum Shape {
    /** The output is one row plus status keys (Create, Read, Update by id, upsert), or holds no row. */
    ONE_ROW,
    /** The output holds a list of rows under {@link #rowsOutput} (List). */
    ROWS
  }

  /** The row of a {@link Shape#ONE_ROW} output, or null when it holds none (no key column). */
  public Map<String, Object> row(Map<String, Object> output) {
    return output.get(keyColumn) == null ? null : output;
  }

  /** The rows of a {@link Shape#ROWS} output. */
  @SuppressWarnings("unchecked")
  public List<Map<String, Object>> rows(Map<String, Object> output) {
    Object rows = output.get(rowsOutput);
    return rows == null ? List.of() : (List<Map<String, Object>>) rows;
  }
}
