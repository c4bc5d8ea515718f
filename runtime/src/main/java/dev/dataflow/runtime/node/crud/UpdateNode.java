package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NotFoundException;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Changes rows. Parameters: {@code id} or {@code filters}, and {@code fields} (column → new value, or
 * {@code {"$set": value}}, or {@code {"$inc": n}} to add {@code n} to a numeric column in the database, so that
 * concurrent increments never lose a count; see {@link RowValues#forUpdate}); {@code updated_at} is set to now. By id: output is the updated row plus {@code updated: true}, and a missing row
 * raises {@link NotFoundException}. By filters: output is {@code {updated: n}}; empty filters need
 * {@code confirm_all: true}.
 *
 * <p>On a model with a {@code @Version} column every update bumps the version. An update by id must also give
 * {@code version}, the version the caller read: the row is only changed while it still has it, and otherwise the node
 * fails with {@link dev.dataflow.runtime.node.ConflictException} and writes nothing. An update by filters bumps the
 * version of every row it matches, without a check.
 */
public abstract class UpdateNode extends CrudNode {
  private final StatementCache<List<Object>> shapes = new StatementCache<>();
  private final List<ParamSpec> parameters;

  protected UpdateNode(ModelDescriptor model) {
    super(model, NodeKind.UPDATE);
    this.parameters = List.of(idParam(false),
        versionParam("with id: the version of the row as it was read; required on a versioned model"),
        filtersParam(false),
        fieldsParam(true, "map of column names to new values, {\"$set\": value} or {\"$inc\": n}"),
        confirmAllParam());
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>(checkIdOrFilters(params, connected));
    problems.addAll(checkNotAllRows(params, connected, "update"));
    String versionProblem = versionProblem(params.containsKey(ID) || connected.contains(ID),
        params.containsKey(VERSION) || connected.contains(VERSION));
    if (versionProblem != null) {
      problems.add(new ParamProblem(VERSION, versionProblem));
    }
    return problems;
  }

  /** What is wrong with giving (or not giving) {@code version}, or null. */
  private String versionProblem(boolean byId, boolean versionGiven) {
    if (model.versionColumn() == null) {
      return versionGiven ? notVersioned() : null;
    }
    if (byId && !versionGiven) {
      return "an update by id of " + model.modelName() + " needs 'version': the " + model.versionColumn().name()
          + " of the row as it was read (a create gives 1). The row is only updated while it still has that"
          + " version; otherwise the update fails with RecordConflictException and writes nothing";
    }
    if (!byId && versionGiven) {
      return "'version' goes with 'id'; an update by filters bumps the version of every row it matches without"
          + " checking it";
    }
    return null;
  }

  /** By id the updated row with {@code updated: true}; by filters {@code updated: n}. */
  @Override
  public Set<String> outputs() {
    return rowOutputs("updated");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    Map<String, Object> fields = updateFields(context, params);
    Scrubbing.beforeUpdate(model, fields, context.piiScrubber());
    boolean byFilters = params.get(ID) == null && params.containsKey(FILTERS);
    String versionProblem = versionProblem(!byFilters, params.containsKey(VERSION));
    if (versionProblem != null) {
      throw new InvalidParameterException(VERSION, versionProblem);
    }
    if (byFilters) {
      refuseAllRowsUnlessConfirmed(params, "update");
      RenderedSql update = SqlRenderer.updateWhere(model, fields, filters(context, params));
      int n = context.autoCommit(connection -> {
        boolean autoCommit = connection.getAutoCommit(); // read now: a lost connection no longer says
        try (PreparedStatement ps = update.prepare(connection)) {
          return ps.executeUpdate();
        } catch (SQLException e) {
          throw DatabaseErrors.translateWrite(e, "update " + model.table(), autoCommit);
        }
      });
      context.addRowsAffected(n);
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("updated", n);
      return out;
    }
    Object key = RowValues.key(model, params.get(ID), ID, context.zone());
    Object version = model.versionColumn() == null ? null : RowValues.version(model, params.get(VERSION), VERSION);
    Map<String, Object> row = context.autoCommit(
        connection -> UpdateById.run(connection, connection.getAutoCommit(), model, shapes, fields, key, version,
            VERSION));
    if (row == null) {
      throw new NotFoundException(model.table(), "no " + model.modelName() + " with the given id to update");
    }
    context.addRowsAffected(1);
    row.put("updated", true); // the row is a map read for this call alone
    return row;
  }
}
