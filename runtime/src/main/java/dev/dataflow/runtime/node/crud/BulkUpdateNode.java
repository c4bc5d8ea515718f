package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NotFoundException;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Updates many rows, all or nothing. Either {@code filters} + {@code fields} (one UPDATE; empty filters need
 * {@code confirm_all: true}), or {@code records}, each a map carrying the row's {@code id} and the columns to change
 * (one transaction; a record whose id matches no row fails the whole call). Values take the operators of
 * {@link UpdateNode}'s {@code fields}, such as {@code {"$inc": 1}}. Output: {@code {updated: n}}.
 *
 * <p>On a model with a {@code @Version} column every updated row's version is bumped. Each of {@code records} must
 * also carry {@code version}, the version read: when any row has moved on, the call fails with
 * {@link dev.dataflow.runtime.node.ConflictException} naming {@code records.<i>} and nothing is written.
 */
public abstract class BulkUpdateNode extends CrudNode {
  private final StatementCache<List<Object>> shapes = new StatementCache<>();
  private final List<ParamSpec> parameters;

  protected BulkUpdateNode(ModelDescriptor model) {
    super(model, NodeKind.BULK_UPDATE);
    this.parameters = List.of(filtersParam(false),
        fieldsParam(false, "map of column names to new values (with filters)"),
        ParamSpec.of(RECORDS, ParamType.ANY, false, "list of maps, each with the row's id"
            + (model.versionColumn() == null ? "" : ", its version as read") + " and the columns to change"),
        confirmAllParam());
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    boolean records = params.containsKey(RECORDS) || connected.contains(RECORDS);
    boolean filters = params.containsKey(FILTERS) || connected.contains(FILTERS);
    boolean fields = params.containsKey(FIELDS) || connected.contains(FIELDS);
    List<ParamProblem> problems = new ArrayList<>();
    if (records == filters) {
      problems.add(new ParamProblem(RECORDS, "give either 'records' (each with its id) or 'filters' with 'fields'"));
    } else if (filters && !fields) {
      problems.add(new ParamProblem(FIELDS, "an update by filters needs 'fields', the new column values"));
    } else if (records && fields) {
      problems.add(new ParamProblem(FIELDS, "'fields' goes with 'filters'; with 'records' put the new values in each record"));
    }
    if (records && params.get(RECORDS) != null) {
      try {
        toUpdates(params.get(RECORDS), ZoneOffset.UTC); // no DataFlow at build(), so no zone: as RowValues checks
      } catch (InvalidParameterException e) {
        problems.add(new ParamProblem(e.parameter(), e.reason()));
      }
    }
    problems.addAll(checkNotAllRows(params, connected, "update"));
    return problems;
  }

  @Override
  public Set<String> outputs() {
    return Set.of("updated");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    Map<String, Object> out = new LinkedHashMap<>();
    if (params.get(RECORDS) == null) {
      refuseAllRowsUnlessConfirmed(params, "update");
      Map<String, Object> fields = RowValues.forUpdate(model, ParamValues.asMap(params.get(FIELDS), FIELDS), FIELDS,
          context.zone());
      Scrubbing.beforeUpdate(model, fields, context.piiScrubber());
      RenderedSql update = SqlRenderer.updateWhere(model, fields, filters(context, params));
      int n = context.transaction(connection -> {
        try (PreparedStatement ps = update.prepare(connection)) {
          return ps.executeUpdate();
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "bulk update " + model.table());
        }
      });
      context.addRowsAffected(n);
      out.put("updated", n);
      return out;
    }
    List<Update> updates = toUpdates(params.get(RECORDS), context.zone());
    for (Update u : updates) {
      Scrubbing.beforeUpdate(model, u.fields(), context.piiScrubber());
    }
    int updated = context.transaction(connection -> {
      int n = 0;
      for (Update u : updates) {
        String path = RECORDS + "." + u.index();
        if (UpdateById.run(connection, false, model, shapes, u.fields(), u.key(), u.version(), path + "." + VERSION)
            == null) {
          throw new NotFoundException(model.table(), RECORDS + "." + u.index() + ": no " + model.modelName()
              + " with the given id; nothing was updated");
        }
        n++;
      }
      return n;
    });
    context.addRowsAffected(updated);
    out.put("updated", updated);
    return out;
  }

  private List<Update> toUpdates(Object value, ZoneId zone) {
    List<?> records = ParamValues.asList(value, RECORDS);
    List<Update> updates = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      String path = RECORDS + "." + i;
      Map<String, ?> record = ParamValues.asMap(records.get(i), path);
      if (!record.containsKey(ID)) {
        throw new InvalidParameterException(path, "each record needs its 'id' and the columns to change");
      }
      Object key = RowValues.key(model, record.get(ID), path + "." + ID, zone);
      Map<String, Object> fields = new LinkedHashMap<>(record);
      fields.remove(ID);
      Object version = null;
      if (model.versionColumn() != null) {
        if (!record.containsKey(VERSION)) {
          throw new InvalidParameterException(path, "each record of a " + model.modelName() + " needs its 'version',"
              + " the " + model.versionColumn().name() + " of the row as it was read; a record whose row has moved on"
              + " fails the whole call");
        }
        version = RowValues.version(model, fields.remove(VERSION), path + "." + VERSION);
      }
      updates.add(new Update(i, key, version, RowValues.forUpdate(model, fields, path, zone)));
    }
    return updates;
  }

  private record Update(int index, Object key, Object version, Map<String, Object> fields) {}
}
