package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads the current row of a result set into a map keyed by column name. Columns are read by position: every
 * statement the runtime issues selects (or returns) all of the model's columns in {@link ModelDescriptor#columns()}
 * order, so result column {@code i + 1} is {@code model.columns().get(i)}.
 *
 * <pre>{@code
 * while (rs.next()) {
 *   rows.add(RowReader.read(rs, model));   // {id=…, name=…, created_at=Instant…}
 * }
 * }</pre>
 */
public final class RowReader {
  private RowReader() {}

  /** The current row, in column order, with each value read as its column's Java type. */
  public static LinkedHashMap<String, Object> read(ResultSet rs, ModelDescriptor model) throws SQLException {
    List<ColumnDescriptor> columns = model.columns();
    LinkedHashMap<String, Object> row = new LinkedHashMap<>(columns.size() * 2);
    for (int i = 0; i < columns.size(); i++) {
      ColumnDescriptor column = columns.get(i);
      row.put(column.name(), JdbcValues.read(rs, i + 1, column));
    }
    return row;
  }
}
