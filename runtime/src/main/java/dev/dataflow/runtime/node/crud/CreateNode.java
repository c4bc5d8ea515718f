package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Statements;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.JdbcValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts one row. Parameters: one per writable column (snake_case names), and optionally {@code on_conflict}
 * ({@code "error"}, the default, {@code "ignore"} or {@code "update"}) with {@code conflict_columns}. Output: the
 * stored row, including {@code id}, {@code created_at} and {@code updated_at}.
 *
 * <p>With {@code on_conflict} "ignore" or "update" the output also says what happened, as 0/1 ints:
 * {@code inserted: 1} with the new row, {@code updated: 1} with the existing row after the update, or
 * {@code {inserted: 0, updated: 0, skipped: 1}} and no row when "ignore" left an existing row alone.
 *
 * <p>A column left out is NULL, or its {@code defaultValue} when it has one. The insert of every writable column is
 * rendered at build time; a create that leaves out a defaulted column, and every upsert, uses a shape rendered once
 * and cached.
 */
public abstract class CreateNode extends CrudNode {
  private final List<ParamSpec> parameters;
  private final StatementCache<List<String>> shapes = new StatementCache<>();
  private final StatementCache<UpsertShape> upserts = new StatementCache<>();

  protected CreateNode(ModelDescriptor model) {
    super(model, NodeKind.CREATE);
    List<ParamSpec> specs = new ArrayList<>();
    for (ColumnDescriptor column : model.columns()) {
      if (column.givenByCaller()) {
        specs.add(ParamSpec.column(column, column.requiredOnCreate()));
      }
    }
    specs.addAll(OnConflict.parameters(model));
    this.parameters = List.copyOf(specs);
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  /** A column DataFlow fills ({@code id}, {@code created_at}, the {@code @PiiScrubbed} flag): leave it out. */
  @Override
  public String undeclaredParameterReason(String name) {
    ColumnDescriptor column = model.column(name);
    return column == null || column.givenByCaller() ? null : RowValues.setByDataFlow(model, column);
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>(OnConflict.check(params, connected));
    if (problems.isEmpty() && params.get(OnConflict.CONFLICT_COLUMNS) instanceof List<?> columns) {
      for (Object column : columns) {
        if (!params.containsKey(column) && !connected.contains(column)) {
          problems.add(new ParamProblem(String.valueOf(column), "conflict column " + column + " is missing; an"
              + " insert with conflict_columns must give each of them"));
        }
      }
    }
    return problems;
  }

  /** The created (or upserted) row with {@code inserted}, {@code updated} and {@code skipped}. */
  @Override
  public Set<String> outputs() {
    return rowOutputs("inserted", "updated", "skipped");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    OnConflict onConflict = OnConflict.of(model, params);
    Map<String, Object> columnParams = params;
    if (params.containsKey(OnConflict.ON_CONFLICT) || params.containsKey(OnConflict.CONFLICT_COLUMNS)) {
      columnParams = new LinkedHashMap<>(params);
      columnParams.remove(OnConflict.ON_CONFLICT);
      columnParams.remove(OnConflict.CONFLICT_COLUMNS);
    }
    Map<String, Object> values = RowValues.forCreate(model, columnParams, "", context.zone());
    Scrubbing.beforeInsert(model, values, context.piiScrubber());
    if (onConflict.upsert()) {
      onConflict.requireColumns(values, "");
      return upsert(context, values, onConflict);
    }
    List<String> columns = insertColumns(values);
    Statements statements = model.statements();
    String sql = columns == statements.insertColumns() ? statements.insert()
        : columns == statements.insertOmittingDefaultsColumns() ? statements.insertOmittingDefaults()
        : shapes.get(columns, c -> SqlRenderer.insert(model, c, 1).sql());
    return context.autoCommit(connection -> {
      boolean autoCommit = connection.getAutoCommit(); // read now: a lost connection no longer says
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        JdbcValues.bindAll(ps, 1, model, columns, values);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          Map<String, Object> row = RowReader.read(rs, model);
          context.addRowsAffected(1);
          return row;
        }
      } catch (SQLException e) {
        throw DatabaseErrors.translateWrite(e, "insert into " + model.table(), autoCommit);
      }
    });
  }

  /** Only the given columns are inserted, so that "update" overwrites exactly what the caller gave. */
  private Map<String, Object> upsert(NodeContext context, Map<String, Object> values, OnConflict onConflict)
      throws SQLException {
    List<String> columns = List.copyOf(values.keySet());
    String sql = upserts.get(new UpsertShape(columns, onConflict, Scrubbing.keptOnUpsertUpdate(model, values)),
        shape -> shape.render(model));
    int insertedColumn = model.columns().size() + 1;
    return context.autoCommit(connection -> {
      boolean autoCommit = connection.getAutoCommit();
      try (PreparedStatement ps = connection.prepareStatement(sql)) {
        JdbcValues.bindAll(ps, 1, model, columns, values);
        try (ResultSet rs = ps.executeQuery()) {
          Map<String, Object> out = new LinkedHashMap<>();
          if (!rs.next()) {
            out.put("inserted", 0);
            out.put("updated", 0);
            out.put("skipped", 1);
            return out;
          }
          boolean inserted = rs.getBoolean(insertedColumn);
          out.putAll(RowReader.read(rs, model));
          out.put("inserted", inserted ? 1 : 0);
          out.put("updated", inserted ? 0 : 1);
          out.put("skipped", 0);
          context.addRowsAffected(1);
          return out;
        }
      } catch (SQLException e) {
        throw DatabaseErrors.translateWrite(e, "upsert into " + model.table(), autoCommit);
      }
    });
  }

  /**
   * The columns to bind: the build-time list when every defaulted column is given (absent plain columns bind NULL);
   * the build-time list without the defaulted columns when none of them is given (the commonest create); else the
   * given columns only. Either way the database applies the defaults of the columns left out.
   */
  final List<String> insertColumns(Map<String, Object> values) {
    Statements statements = model.statements();
    boolean everyDefaultGiven = true;
    boolean noDefaultGiven = true;
    for (String name : statements.insertColumns()) {
      ColumnDescriptor column = model.column(name);
      boolean given = values.containsKey(name);
      if (column.piiScrubbedFlag()) {
        // every create sets the flag (Scrubbing.beforeInsert): both fixed statements bind it
        everyDefaultGiven &= given || !column.hasDefault();
        noDefaultGiven &= given;
      } else if (column.hasDefault()) {
        everyDefaultGiven &= given;
        noDefaultGiven &= !given;
      }
    }
    if (everyDefaultGiven) {
      return statements.insertColumns();
    }
    if (noDefaultGiven && statements.insertOmittingDefaults() != null) {
      return statements.insertOmittingDefaultsColumns();
    }
    return List.copyOf(values.keySet());
  }

  /**
   * An upsert statement's shape: the inserted columns, the conflict rule, and the inserted columns an update leaves
   * as they are ({@link Scrubbing#keptOnUpsertUpdate}).
   */
  record UpsertShape(List<String> columns, OnConflict onConflict, List<String> insertOnly) {
    @Override
    public boolean equals(Object o) {
      return o instanceof UpsertShape u && columns.equals(u.columns) && onConflict.equals(u.onConflict)
          && insertOnly.equals(u.insertOnly);
    }

    @Override
    public int hashCode() {
      return (columns.hashCode() * 31 + onConflict.hashCode()) * 31 + insertOnly.hashCode();
    }

    String render(ModelDescriptor model) {
      return SqlRenderer.upsert(model, columns, onConflict.columns(), onConflict.mode() == OnConflict.Mode.UPDATE,
          insertOnly).sql();
    }
  }
}
