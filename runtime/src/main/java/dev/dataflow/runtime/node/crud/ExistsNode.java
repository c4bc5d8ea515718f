package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.sql.DatabaseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether a row with {@code id}, or any row matching {@code filters}, exists. Output: {@code {exists: true|false}}. */
public abstract class ExistsNode extends CrudNode {
  private final List<ParamSpec> parameters;

  protected ExistsNode(ModelDescriptor model) {
    super(model, NodeKind.EXISTS);
    this.parameters = List.of(idParam(false), filtersParam(false));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    return checkIdOrFilters(params, connected);
  }

  @Override
  public Set<String> outputs() {
    return Set.of("exists");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    boolean exists;
    if (params.get(ID) == null && params.containsKey(FILTERS)) {
      var query = shapes.exists(compiledFilter(context, params));
      exists = context.autoCommit(connection -> {
        try (PreparedStatement ps = query.prepare(connection)) {
          return first(ps);
        }
      });
    } else {
      Object key = RowValues.key(model, params.get(ID), ID, context.zone());
      exists = context.autoCommit((Connection connection) -> {
        try (PreparedStatement ps = connection.prepareStatement(model.statements().existsById())) {
          bindKey(ps, 1, key);
          return first(ps);
        }
      });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("exists", exists);
    return out;
  }

  private boolean first(PreparedStatement ps) {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getBoolean(1);
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "exists in " + model.table());
    }
  }

  /** Reads only: with read replicas it may run on one (see {@link dev.dataflow.runtime.node.Node#readOnly()}). */
  @Override
  public final boolean readOnly() {
    return true;
  }
}
