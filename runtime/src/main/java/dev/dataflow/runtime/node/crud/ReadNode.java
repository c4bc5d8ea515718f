package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NotFoundException;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one row by {@code id}, or the first row (by key) matching {@code filters}. Output: the row plus
 * {@code found: true}. When nothing matches it raises {@link NotFoundException}, unless
 * {@code raise_on_not_found: false}, which returns {@code {found: false}}.
 */
public abstract class ReadNode extends CrudNode {
  public static final String RAISE_ON_NOT_FOUND = "raise_on_not_found";
  private final List<ParamSpec> parameters;

  protected ReadNode(ModelDescriptor model) {
    super(model, NodeKind.READ);
    this.parameters = List.of(idParam(false), filtersParam(false),
        ParamSpec.of(RAISE_ON_NOT_FOUND, ParamType.BOOLEAN, false, "false returns {found: false} instead of raising"));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    return checkIdOrFilters(params, connected);
  }

  /** The row with {@code found: true}, or only {@code found: false}. */
  @Override
  public Set<String> outputs() {
    return rowOutputs("found");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    boolean raise = ParamValues.bool(params.getOrDefault(RAISE_ON_NOT_FOUND, true), RAISE_ON_NOT_FOUND);
    Map<String, Object> row;
    if (params.get(ID) != null || !params.containsKey(FILTERS)) {
      Object key = RowValues.key(model, params.get(ID), ID, context.zone());
      row = context.autoCommit(connection -> {
        try (PreparedStatement ps = connection.prepareStatement(model.statements().selectById())) {
          bindKey(ps, 1, key);
          try (ResultSet rs = ps.executeQuery()) {
            List<Map<String, Object>> rows = readAll(rs);
            return rows.isEmpty() ? null : rows.get(0);
          }
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "read from " + model.table());
        }
      });
    } else {
      RenderedSql query = shapes.select(compiledFilter(context, params), List.of(model.primaryKey()), 1, 0);
      row = context.autoCommit(connection -> {
        try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
          List<Map<String, Object>> rows = readAll(rs);
          return rows.isEmpty() ? null : rows.get(0);
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "read from " + model.table());
        }
      });
    }
    if (row == null) {
      if (raise) {
        throw new NotFoundException(model.table(), "no " + model.modelName() + " matches the "
            + (params.containsKey(FILTERS) && params.get(ID) == null ? "filters" : "given id")
            + "; set raise_on_not_found: false to get {found: false} instead");
      }
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("found", false);
      return out;
    }
    row.put("found", true); // the row is a map read for this call alone
    return row;
  }

  /** Reads only: with read replicas it may run on one (see {@link dev.dataflow.runtime.node.Node#readOnly()}). */
  @Override
  public final boolean readOnly() {
    return true;
  }
}
