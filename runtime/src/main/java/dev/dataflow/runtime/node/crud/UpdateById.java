package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.Increment;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.ValueConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The update of one row by key, shared by Update and BulkUpdate: the build-time statement when every writable column
 * is set to a value, else (some columns, or any {@code $inc}) a statement rendered by jOOQ for the columns given.
 */
final class UpdateById {
  private UpdateById() {}

  /** The updated row, or null when no row has that key. */
  static Map<String, Object> run(Connection connection, ModelDescriptor model, Map<String, Object> fields, Object key) {
    List<String> fixed = model.statements().updateColumns();
    boolean fullRow = fields.size() == fixed.size() && fields.keySet().containsAll(fixed) && !anyIncrement(fields);
    try (PreparedStatement ps = fullRow
        ? connection.prepareStatement(model.statements().updateById())
        : SqlRenderer.updateByIdReturning(model, fields, key).prepare(connection)) {
      if (fullRow) {
        int i = 1;
        for (String name : fixed) {
          ValueConverter.bind(ps, i++, model.column(name), fields.get(name));
        }
        ValueConverter.bind(ps, i, model.keyColumn(), key);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? RowReader.read(rs, model) : null;
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "update " + model.table());
    }
  }

  /** Whether any value is an operator that the build-time statement, which only sets values, cannot express. */
  private static boolean anyIncrement(Map<String, Object> fields) {
    for (Object value : fields.values()) {
      if (value instanceof Increment) {
        return true;
      }
    }
    return false;
  }
}
