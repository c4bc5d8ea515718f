package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.ConflictException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NotFoundException;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.BulkUpdateSql;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.Increment;
import dev.dataflow.runtime.sql.JdbcValues;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
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
 * <p>Records that set the same columns to plain values go together, up to 5,000 per statement, as one
 * {@code UPDATE ... FROM unnest(...)} ({@link BulkUpdateSql}); a record with {@code $inc}, a column set of its own,
 * or a key that another record repeats goes as its own statement, in record order.
 *
 * <p>On a model with a {@code @Version} column every updated row's version is bumped. Each of {@code records} must
 * also carry {@code version}, the version read: when any row has moved on, the call fails with
 * {@link dev.dataflow.runtime.node.ConflictException} naming {@code records.<i>} and nothing is written.
 */
public abstract class BulkUpdateNode extends CrudNode {
  /** Records per set-based statement: each column's values go as one array. */
  private static final int SET_BASED_BATCH = 5000;
  private final StatementCache<List<Object>> shapes = new StatementCache<>();
  private final StatementCache<List<String>> setBasedShapes = new StatementCache<>();
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
      List<Update> oneByOne = new ArrayList<>();
      for (List<Update> group : setBasedGroups(updates, oneByOne)) {
        for (int from = 0; from < group.size(); from += SET_BASED_BATCH) {
          n += updateSetBased(connection, group.subList(from, Math.min(group.size(), from + SET_BASED_BATCH)));
          context.reportProgress(n, updates.size());
        }
      }
      for (Update u : oneByOne) {
        String path = RECORDS + "." + u.index();
        if (UpdateById.run(connection, false, model, shapes, u.fields(), u.key(), u.version(), path + "." + VERSION)
            == null) {
          throw notFound(u);
        }
        n++;
        if (n % SET_BASED_BATCH == 0 || n == updates.size()) {
          context.reportProgress(n, updates.size());
        }
      }
      return n;
    });
    context.addRowsAffected(updated);
    out.put("updated", updated);
    return out;
  }

  /**
   * The records that can go set-based, in groups that set the same columns with plain values (no {@code $inc}); the
   * others go to {@code oneByOne}. When a key repeats, every record goes one by one, in order, so that the last
   * record of a row wins as it would record by record.
   */
  private static List<List<Update>> setBasedGroups(List<Update> updates, List<Update> oneByOne) {
    Set<Object> keys = new HashSet<>();
    for (Update u : updates) {
      if (!keys.add(u.key())) {
        oneByOne.addAll(updates);
        return List.of();
      }
    }
    Map<List<String>, List<Update>> groups = new LinkedHashMap<>();
    for (Update u : updates) {
      if (u.fields().isEmpty() || u.fields().values().stream().anyMatch(v -> v instanceof Increment)) {
        oneByOne.add(u);
      } else {
        groups.computeIfAbsent(List.copyOf(u.fields().keySet()), k -> new ArrayList<>()).add(u);
      }
    }
    List<List<Update>> setBased = new ArrayList<>();
    for (List<Update> group : groups.values()) {
      if (group.size() == 1) {
        oneByOne.addAll(group); // the prepared one-row statement is as good for one
      } else {
        setBased.add(group);
      }
    }
    return setBased;
  }

  /**
   * One statement for records that set the same columns ({@link BulkUpdateSql#byKeys}); a record whose row it did
   * not update fails the call: not found, or on a versioned model a conflict when the row exists at another version.
   */
  private int updateSetBased(Connection connection, List<Update> group) {
    List<String> columns = List.copyOf(group.get(0).fields().keySet());
    String sql = setBasedShapes.get(columns, c -> BulkUpdateSql.byKeys(model, c));
    Set<Object> updated = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      int p = 1;
      List<Object> values = new ArrayList<>(group.size());
      group.forEach(u -> values.add(u.key()));
      JdbcValues.bindArray(ps, p++, model.keyColumn(), values);
      if (model.versionColumn() != null) {
        values.clear();
        group.forEach(u -> values.add(u.version()));
        JdbcValues.bindArray(ps, p++, model.versionColumn(), values);
      }
      for (String column : columns) {
        values.clear();
        group.forEach(u -> values.add(u.fields().get(column)));
        JdbcValues.bindArray(ps, p++, model.column(column), values);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          updated.add(JdbcValues.read(rs, 1, model.keyColumn()));
        }
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "bulk update " + model.table() + " (records " + group.get(0).index() + ".."
          + group.get(group.size() - 1).index() + ")");
    }
    if (updated.size() == group.size()) {
      return updated.size();
    }
    for (Update u : group) {
      if (!updated.contains(u.key())) {
        if (model.versionColumn() != null) {
          Object current = UpdateById.currentVersion(connection, model, u.key());
          if (current != null) {
            String parameter = RECORDS + "." + u.index() + "." + VERSION;
            throw new ConflictException(model.table(), parameter, parameter + ": the " + model.modelName()
                + " changed since it was read: version " + u.version() + " was given, the row is now at version "
                + current + ". Nothing was written; read the row again and retry with its current version");
          }
        }
        throw notFound(u);
      }
    }
    throw new IllegalStateException("the bulk update returned keys it was not given");
  }

  private NotFoundException notFound(Update u) {
    return new NotFoundException(model.table(), RECORDS + "." + u.index() + ": no " + model.modelName()
        + " with the given id; nothing was updated");
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
