package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.SqlRenderer;
import dev.dataflow.runtime.sql.ValueConverter;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts many rows, all or nothing: every record is converted and checked before any SQL runs, and the inserts
 * share one transaction. Parameters: {@code records} (list of column maps), {@code batch_size} (rows per INSERT,
 * default 1000). Output: {@code {inserted: n, ids: [...]}} with the ids in record order.
 */
public abstract class BulkCreateNode extends CrudNode {
  public static final String BATCH_SIZE = "batch_size";
  public static final int DEFAULT_BATCH_SIZE = 1000;
  /** PostgreSQL's limit on bind parameters in one statement. */
  private static final int MAX_BIND_PARAMETERS = 65_535;

  private final List<ParamSpec> parameters;
  private final StatementCache<Shape> shapes = new StatementCache<>();

  protected BulkCreateNode(ModelDescriptor model) {
    super(model, NodeKind.BULK_CREATE);
    this.parameters = List.of(
        ParamSpec.of(RECORDS, ParamType.RECORDS, true, "list of maps of column names to values"),
        ParamSpec.of(BATCH_SIZE, ParamType.INTEGER, false, "rows per INSERT statement, default " + DEFAULT_BATCH_SIZE));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    List<?> input = RowValues.asList(params.get(RECORDS), RECORDS);
    int batchSize = params.get(BATCH_SIZE) == null
        ? DEFAULT_BATCH_SIZE : RowValues.nonNegativeInt(params.get(BATCH_SIZE), BATCH_SIZE);
    if (batchSize == 0) {
      throw new InvalidParameterException(BATCH_SIZE, "must be at least 1");
    }
    // Convert everything first: a bad record 90,000 rows in must fail before the first row is written.
    List<Map<String, Object>> rows = new ArrayList<>(input.size());
    for (int i = 0; i < input.size(); i++) {
      rows.add(RowValues.forCreate(model, RowValues.asMap(input.get(i), RECORDS + "." + i), RECORDS + "." + i));
    }
    // Records that give the same columns share one statement shape; ids are put back in record order.
    Map<List<String>, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      groups.computeIfAbsent(List.copyOf(rows.get(i).keySet()), k -> new ArrayList<>()).add(i);
    }
    Object[] ids = new Object[rows.size()];
    int keyIndex = model.columnIndex(model.primaryKey()) + 1;
    if (!rows.isEmpty()) {
      context.transaction(connection -> {
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
                Map<String, Object> row = rows.get(index);
                for (String column : columns) {
                  ValueConverter.bind(ps, p++, model.column(column), row.get(column));
                }
              }
              try (ResultSet rs = ps.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                  ids[chunk.get(n++)] = ValueConverter.read(rs, keyIndex, model.keyColumn());
                }
              }
            } catch (SQLException e) {
              throw DatabaseErrors.translate(e, "bulk insert into " + model.table()
                  + " (records " + chunk.get(0) + ".." + chunk.get(chunk.size() - 1) + ")");
            }
          }
        }
        return null;
      });
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("inserted", rows.size());
    out.put("ids", Arrays.asList(ids));
    return out;
  }

  private record Shape(List<String> columns, int rows) {}
}
