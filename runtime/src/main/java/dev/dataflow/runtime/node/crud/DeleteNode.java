package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes rows by {@code id} (output {@code {deleted: 0|1, id}}) or by {@code filters} (output
 * {@code {deleted: n}}). Empty filters would delete every row and are refused unless {@code confirm_all: true}.
 */
public abstract class DeleteNode extends CrudNode {
  private final List<ParamSpec> parameters;

  protected DeleteNode(ModelDescriptor model) {
    super(model, NodeKind.DELETE);
    this.parameters = List.of(idParam(false), filtersParam(false),
        confirmAllParam());
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>(checkIdOrFilters(params, connected));
    problems.addAll(checkNotAllRows(params, connected, "delete"));
    return problems;
  }

  /** {@code deleted: n}, plus the {@code id} when by id. */
  @Override
  public Set<String> outputs() {
    return Set.of("deleted", ID);
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (params.get(ID) == null && params.containsKey(FILTERS)) {
      refuseAllRowsUnlessConfirmed(params, "delete");
      RenderedSql delete = shapes.delete(compiledFilter(context, params));
      int n = context.autoCommit(connection -> {
        boolean autoCommit = connection.getAutoCommit(); // read now: a lost connection no longer says
        try (PreparedStatement ps = delete.prepare(connection)) {
          return ps.executeUpdate();
        } catch (SQLException e) {
          throw DatabaseErrors.translateWrite(e, "delete from " + model.table(), autoCommit);
        }
      });
      context.addRowsAffected(n);
      out.put("deleted", n);
      return out;
    }
    Object key = RowValues.key(model, params.get(ID), ID, context.zone());
    int n = context.autoCommit(connection -> {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement ps = connection.prepareStatement(model.statements().deleteById())) {
        bindKey(ps, 1, key);
        return ps.executeUpdate();
      } catch (SQLException e) {
        throw DatabaseErrors.translateWrite(e, "delete from " + model.table(), autoCommit);
      }
    });
    context.addRowsAffected(n);
    out.put("deleted", n);
    out.put(ID, key);
    return out;
  }
}
