package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.JdbcValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inserts many rows, all or nothing: every record is converted and checked before any SQL runs, and the inserts
 * share one transaction. Parameters: {@code records} (list of column maps), {@code batch_size} (rows per INSERT,
 * default 1000), and optionally {@code on_conflict} ({@code "error"}, the default, {@code "ignore"} or
 * {@code "update"}) with {@code conflict_columns}. Output: {@code {inserted: n, updated: n, skipped: n, ids: [...]}}
 * with the ids in record order (null for a skipped record).
 *
 * <p>Plain inserts go as multi-row INSERTs. Upserts go as a JDBC batch of one-row statements, in record order:
 * each statement's update count says whether its record was written or skipped, which a multi-row
 * {@code ON CONFLICT DO NOTHING ... RETURNING} cannot say about a particular record.
 */
public abstract class BulkCreateNode extends CrudNode {
  public static final String BATCH_SIZE = "batch_size";
  public static final int DEFAULT_BATCH_SIZE = 1000;
  /** PostgreSQL's limit on bind parameters in one statement. */
  private static final int MAX_BIND_PARAMETERS = 65_535;

  private final List<ParamSpec> parameters;
  private final StatementCache<Shape> shapes = new StatementCache<>();
  private final StatementCache<CreateNode.UpsertShape> upserts = new StatementCache<>();

  protected BulkCreateNode(ModelDescriptor model) {
    super(model, NodeKind.BULK_CREATE);
    List<ParamSpec> specs = new ArrayList<>(List.of(
        ParamSpec.of(RECORDS, ParamType.RECORDS, true, "list of maps of column names to values")
            .withCheck(this::checkRecords),
        ParamSpec.of(BATCH_SIZE, ParamType.INTEGER, false, "rows per INSERT statement, default " + DEFAULT_BATCH_SIZE)));
    specs.addAll(OnConflict.parameters(model));
    this.parameters = List.copyOf(specs);
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = OnConflict.check(params, connected);
    if (!problems.isEmpty() || connected.contains(RECORDS) || connected.contains(OnConflict.CONFLICT_COLUMNS)
        || connected.contains(OnConflict.ON_CONFLICT) || params.get(OnConflict.CONFLICT_COLUMNS) == null) {
      return problems;
    }
    // Literal records: the same checks as at run time (each record's own values are already checked).
    try {
      OnConflict onConflict = OnConflict.of(model, params);
      // No DataFlow at build(), so no zone: read as the other build-time checks do (RowValues), in UTC.
      onConflict.refuseDuplicateKeys(rows(params.get(RECORDS), onConflict, null, ZoneOffset.UTC), RECORDS);
    } catch (InvalidParameterException e) {
      return List.of(new ParamProblem(e.parameter(), e.reason()));
    }
    return List.of();
  }

  @Override
  public Set<String> outputs() {
    return Set.of("inserted", "updated", "skipped", "ids");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    int batchSize = params.get(BATCH_SIZE) == null
        ? DEFAULT_BATCH_SIZE : ParamValues.nonNegativeInt(params.get(BATCH_SIZE), BATCH_SIZE);
    if (batchSize == 0) {
      throw new InvalidParameterException(BATCH_SIZE, "must be at least 1");
    }
    OnConflict onConflict = OnConflict.of(model, params);
    // Convert everything first: a bad record 90,000 rows in must fail before the first row is written.
    List<Map<String, Object>> rows = rows(params.get(RECORDS), onConflict, context.piiScrubber(), context.zone());
    onConflict.refuseDuplicateKeys(rows, RECORDS);
    Object[] ids = new Object[rows.size()];
    Outcome[] outcomes = new Outcome[rows.size()];
    if (!rows.isEmpty()) {
      context.transaction(connection -> {
        if (onConflict.upsert()) {
          upsertAll(connection, rows, onConflict, batchSize, ids, outcomes);
        } else {
          insertAll(connection, rows, batchSize, ids);
          Arrays.fill(outcomes, Outcome.INSERTED);
        }
        return null;
      });
    }
    int[] counts = new int[Outcome.values().length];
    for (Outcome outcome : outcomes) {
      counts[outcome.ordinal()]++;
    }
    Map<String, Object> out = new LinkedHashMap<>();
    for (Outcome outcome : Outcome.values()) {
      out.put(outcome.key, counts[outcome.ordinal()]);
    }
    out.put("ids", Arrays.asList(ids));
    context.addRowsAffected(counts[Outcome.INSERTED.ordinal()] + counts[Outcome.UPDATED.ordinal()]);
    return out;
  }

  /** Each literal record converted as at run time. */
  private void checkRecords(Object records, String parameter) {
    List<?> input = ParamValues.asList(records, parameter);
    for (int i = 0; i < input.size(); i++) {
      String path = parameter + "." + i;
      RowValues.forCreate(model, ParamValues.asMap(input.get(i), path), path);
    }
  }

  /**
   * Every record converted (a date-time without offset read in {@code zone}), checked for the conflict columns, and
   * scrubbed ({@code scrubber} null: at build time, where only the checks count).
   */
  private List<Map<String, Object>> rows(Object records, OnConflict onConflict, PiiScrubber scrubber, ZoneId zone) {
    List<?> input = ParamValues.asList(records, RECORDS);
    List<Map<String, Object>> rows = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      String path = RECORDS + "." + i;
      Map<String, Object> row = RowValues.forCreate(model, ParamValues.asMap(input.get(i), path), path, zone);
      onConflict.requireColumns(row, path);
      if (scrubber != null) {
        Scrubbing.beforeInsert(model, row, scrubber);
      }
      rows.add(row);
    }
    return rows;
  }

  private void insertAll(Connection connection, List<Map<String, Object>> rows, int batchSize, Object[] ids) {
    // Records that give the same columns share one statement shape; ids are put back in record order.
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    List<String> previousShape = null;
    List<Integer> previousGroup = null;
    for (int i = 0; i < rows.size(); i++) {
      Set<String> columns = rows.get(i).keySet();
      // Records usually share one shape: compare with the last one before copying the key set.
      if (previousShape == null || !sameOrder(previousShape, columns)) {
        previousShape = List.copyOf(columns);
        previousGroup = groups.computeIfAbsent(previousShape, k -> new ArrayList<>());
      }
      previousGroup.add(i);
    }
    int keyIndex = model.columnIndex(model.primaryKey()) + 1;
    for (Map.Entry<List<String>, List<Integer>> group : groups.entrySet()) {
      List<String> columns = group.getKey();
      List<Integer> members = group.getValue();
      int perStatement = Math.max(1, Math.min(batchSize, MAX_BIND_PARAMETERS / Math.max(1, columns.size())));
      for (int from = 0; from < members.size(); from += perStatement) {
        List<Integer> chunk = members.subList(from, Math.min(members.size(), from + perStatement));
        String sql = shapes.get(new Shape(columns, chunk.size()),
            s -> SqlRenderer.insert(model, s.columns(), s.rows()).sql());
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
          int p = 1;
          for (int index : chunk) {
            p = JdbcValues.bindAll(ps, p, model, columns, rows.get(index));
          }
          try (ResultSet rs = ps.executeQuery()) {
            int n = 0;
            while (rs.next()) {
              ids[chunk.get(n++)] = JdbcValues.read(rs, keyIndex, model.keyColumn());
            }
          }
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "bulk insert into " + model.table()
              + " (records " + chunk.get(0) + ".." + chunk.get(chunk.size() - 1) + ")");
        }
      }
    }
  }

  /** One batch of one-row upserts per run of records with the same columns, in record order. */
  private void upsertAll(Connection connection, List<Map<String, Object>> rows, OnConflict onConflict, int batchSize,
      Object[] ids, Outcome[] outcomes) {
    int keyIndex = model.columnIndex(model.primaryKey()) + 1;
    int insertedIndex = model.columns().size() + 1;
    int from = 0;
    while (from < rows.size()) {
      List<String> columns = List.copyOf(rows.get(from).keySet());
      int to = from + 1;
      // Rows that give the same columns also keep the same columns on update (that depends on the columns only).
      while (to < rows.size() && to - from < batchSize && rows.get(to).keySet().equals(rows.get(from).keySet())) {
        to++;
      }
      String sql = upserts.get(
          new CreateNode.UpsertShape(columns, onConflict, Scrubbing.keptOnUpsertUpdate(model, rows.get(from))),
          shape -> shape.render(model));
      // RETURN_GENERATED_KEYS makes the driver keep each statement's RETURNING rows (the SQL already lists them),
      // in statement order, for getGeneratedKeys(); the update counts say which statements returned one.
      try (PreparedStatement ps = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
        for (int index = from; index < to; index++) {
          JdbcValues.bindAll(ps, 1, model, columns, rows.get(index));
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        try (ResultSet rs = ps.getGeneratedKeys()) {
          for (int index = from; index < to; index++) {
            if (counts[index - from] == 0) {
              outcomes[index] = Outcome.SKIPPED;
              continue;
            }
            if (!rs.next()) {
              throw new IllegalStateException("the driver returned fewer rows than the update counts say");
            }
            ids[index] = JdbcValues.read(rs, keyIndex, model.keyColumn());
            outcomes[index] = rs.getBoolean(insertedIndex) ? Outcome.INSERTED : Outcome.UPDATED;
          }
        }
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "bulk upsert into " + model.table() + " (records " + from + ".." + (to - 1)
            + ")");
      }
      from = to;
    }
  }

  /** What became of one record; the key is its count's name in the output. */
  private enum Outcome {
    INSERTED("inserted"), UPDATED("updated"), SKIPPED("skipped");

    private final String key;

    Outcome(String key) {
      this.key = key;
    }
  }

  private record Shape(List<String> columns, int rows) {}

  /** Whether {@code columns} iterates the same names in the same order as {@code shape}. */
  private static boolean sameOrder(List<String> shape, Set<String> columns) {
    if (shape.size() != columns.size()) {
      return false;
    }
    int i = 0;
    for (String column : columns) {
      if (!column.equals(shape.get(i++))) {
        return false;
      }
    }
    return true;
  }
}
