package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts rows matching {@code filters} (all rows without). Output: {@code {count: n}} (a long). */
public abstract class CountNode extends CrudNode {
  private final List<ParamSpec> parameters;

  protected CountNode(ModelDescriptor model) {
    super(model, NodeKind.COUNT);
    this.parameters = List.of(filtersParam(false));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    RenderedSql query = SqlRenderer.count(model, filters(params));
    long count = context.autoCommit(connection -> {
      try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "count " + model.table());
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("count", count);
    return out;
  }
}
