package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lists rows. Parameters: {@code filters}, {@code order_by} (list of {@code "column"} or {@code "-column"};
 * default: by key), {@code limit} (default 100), {@code offset} (default 0). Output:
 * {@code {records: [...], count: <records returned>, limit, offset}}.
 */
public abstract class ListNode extends CrudNode {
  public static final String ORDER_BY = "order_by";
  public static final String LIMIT = "limit";
  public static final String OFFSET = "offset";
  public static final int DEFAULT_LIMIT = 100;
  private final List<ParamSpec> parameters;

  protected ListNode(ModelDescriptor model) {
    super(model, NodeKind.LIST);
    this.parameters = List.of(filtersParam(false),
        ParamSpec.of(ORDER_BY, ParamType.ORDER_BY, false, "list of columns, '-column' for descending")
            .withCheck((value, parameter) -> RowValues.orderBy(model, value, parameter)),
        ParamSpec.of(LIMIT, ParamType.INTEGER, false, "maximum rows returned, default " + DEFAULT_LIMIT),
        ParamSpec.of(OFFSET, ParamType.INTEGER, false, "rows skipped, default 0"));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    int limit = params.get(LIMIT) == null ? DEFAULT_LIMIT : ParamValues.nonNegativeInt(params.get(LIMIT), LIMIT);
    int offset = params.get(OFFSET) == null ? 0 : ParamValues.nonNegativeInt(params.get(OFFSET), OFFSET);
    List<String> orderBy = RowValues.orderBy(model, params.get(ORDER_BY), ORDER_BY);
    if (orderBy.isEmpty()) {
      orderBy = List.of(model.primaryKey()); // a stable order, so pages do not overlap
    }
    RenderedSql query = SqlRenderer.select(model, filters(params), orderBy, limit, offset);
    List<Map<String, Object>> records = context.autoCommit(connection -> {
      try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
        return readAll(rs);
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "list " + model.table());
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("records", records);
    out.put("count", records.size());
    out.put(LIMIT, limit);
    out.put(OFFSET, offset);
    return out;
  }
}
