package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.ValueConverter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The update of one row by key, shared by Update and BulkUpdate: the build-time statement when every column is set. */
final class UpdateById {
  private UpdateById() {}

  /** The updated row, or null when no row has that key. */
  static Map<String, Object> run(Connection connection, ModelDescriptor model, StatementCache<List<String>> shapes,
      Map<String, Object> fields, Object key) {
    List<String> fixed = model.statements().updateColumns();
    List<String> columns;
    String sql;
    if (fields.size() == fixed.size() && fields.keySet().containsAll(fixed)) {
      columns = fixed;
      sql = model.statements().updateById();
    } else {
      columns = new ArrayList<>(fields.keySet());
      sql = shapes.get(columns, c -> SqlRenderer.updateByIdReturning(model, shape(c), key).sql());
    }
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int i = 1;
      for (String name : columns) {
        ValueConverter.bind(ps, i++, model.column(name), fields.get(name));
      }
      ValueConverter.bind(ps, i, model.keyColumn(), key);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? RowReader.read(rs, model) : null;
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "update " + model.table());
    }
  }

  /** Placeholder values for rendering a shape: only the column names and their order matter. */
  private static Map<String, Object> shape(List<String> columns) {
    Map<String, Object> placeholders = new java.util.LinkedHashMap<>();
    for (String c : columns) {
      placeholders.put(c, null);
    }
    return placeholders;
  }
}
