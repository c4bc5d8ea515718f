package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.ValueConverter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Inserts one row. Parameters: one per writable column (snake_case names). Output: the stored row, including
 * {@code id}, {@code created_at} and {@code updated_at}.
 *
 * <p>A column left out is NULL, or its {@code defaultValue} when it has one. The insert of every writable column is
 * rendered at build time; a create that leaves out a defaulted column uses a shape rendered once and cached.
 */
public abstract class CreateNode extends CrudNode {
  private final List<ParamSpec> parameters;
  private final StatementCache<List<String>> shapes = new StatementCache<>();

  protected CreateNode(ModelDescriptor model) {
    super(model, NodeKind.CREATE);
    List<ParamSpec> specs = new ArrayList<>();
    for (ColumnDescriptor column : model.columns()) {
      if (column.writable()) {
        specs.add(ParamSpec.column(column, column.requiredOnCreate()));
      }
    }
    this.parameters = List.copyOf(specs);
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    Map<String, Object> values = RowValues.forCreate(model, params, "");
    List<String> columns = insertColumns(values);
    String sql = columns == model.statements().insertColumns()
        ? model.statements().insert()
        : shapes.get(columns, c -> SqlRenderer.insert(model, c, 1).sql());
    return context.autoCommit(connection -> {
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        int i = 1;
        for (String name : columns) {
          ValueConverter.bind(ps, i++, model.column(name), values.get(name));
        }
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return RowReader.read(rs, model);
        }
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "insert into " + model.table());
      }
    });
  }

  /**
   * The columns to bind: the build-time list when every defaulted column is given (absent plain columns bind
   * NULL), else the given columns only, so the database applies the defaults.
   */
  final List<String> insertColumns(Map<String, Object> values) {
    List<String> fixed = model.statements().insertColumns();
    for (String name : fixed) {
      if (!values.containsKey(name) && model.column(name).hasDefault()) {
        return List.copyOf(values.keySet());
      }
    }
    return fixed;
  }
}
