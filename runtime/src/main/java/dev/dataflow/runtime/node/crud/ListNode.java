package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.CompiledFilter;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.KeysetSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lists rows. Parameters: {@code filters}, {@code order_by} (list of {@code "column"} or {@code "-column"};
 * default: by key), {@code limit} (default 100), {@code offset} (default 0), {@code total} (true adds the count of
 * all matching rows), {@code cursor} (continue after a page). Output:
 * {@code {records: [...], count: <records returned>, limit, offset}}, plus {@code total} when asked and
 * {@code next_cursor} when the page is full.
 *
 * <p>Pages by cursor: pass a page's {@code next_cursor} back as {@code cursor}, with the same {@code filters} and
 * {@code order_by}, and the next page starts after that page's last row ({@code where (a, id) > (?, ?)}, no rows
 * skipped by offset), so rows added or removed meanwhile shift nothing:
 *
 * <pre>{@code
 * Map<String, Object> page = run(ConversationMessageListNode.params().orderBy("timestamp").limit(500));
 * while (page.get("next_cursor") != null) {
 *   page = run(ConversationMessageListNode.params().orderBy("timestamp").limit(500)
 *       .cursor((String) page.get("next_cursor")));
 * }
 * }</pre>
 */
public abstract class ListNode extends CrudNode {
  public static final String ORDER_BY = "order_by";
  public static final String LIMIT = "limit";
  public static final String OFFSET = "offset";
  /** True adds {@link #TOTAL_OUTPUT} to the output: all matching rows, ignoring limit, offset and cursor. */
  public static final String TOTAL = "total";
  /** The {@link #NEXT_CURSOR} of an earlier page: this page starts after that page's last row. */
  public static final String CURSOR = "cursor";
  /** Output: the page of rows. */
  public static final String RECORDS_OUTPUT = "records";
  /** Output with {@code total: true}: the count of all matching rows. */
  public static final String TOTAL_OUTPUT = TOTAL;
  /** Output when the page is full: the {@code cursor} of the next page. */
  public static final String NEXT_CURSOR = "next_cursor";
  public static final int DEFAULT_LIMIT = 100;
  private final List<ParamSpec> parameters;
  private final FilterHashes filterHashes = new FilterHashes();

  protected ListNode(ModelDescriptor model) {
    super(model, NodeKind.LIST);
    this.parameters = List.of(filtersParam(false),
        ParamSpec.of(ORDER_BY, ParamType.ORDER_BY, false, "list of columns, '-column' for descending")
            .withCheck((value, parameter) -> RowValues.orderBy(model, value, parameter)),
        ParamSpec.of(LIMIT, ParamType.INTEGER, false, "maximum rows returned, default " + DEFAULT_LIMIT),
        ParamSpec.of(OFFSET, ParamType.INTEGER, false, "rows skipped, default 0"),
        ParamSpec.of(TOTAL, ParamType.BOOLEAN, false, "true adds 'total', the count of all matching rows"),
        ParamSpec.of(CURSOR, ParamType.ANY, false, "the next_cursor of the previous page")
            .withCheck((value, parameter) -> {
              if (value != null) {
                PageCursor.check(value, parameter);
              }
            }));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  /**
   * {@code cursor} and {@code offset} exclude each other; a literal cursor must belong to the literal filters and
   * order.
   */
  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    boolean cursor = params.get(CURSOR) != null || connected.contains(CURSOR);
    if (cursor && (params.containsKey(OFFSET) || connected.contains(OFFSET))) {
      return List.of(new ParamProblem(OFFSET, "give either cursor (continue after a page) or offset, not both"));
    }
    if (params.get(CURSOR) != null && !connected.contains(CURSOR) && !connected.contains(FILTERS)
        && !connected.contains(ORDER_BY)) {
      try {
        PageCursor.afterValues(model, params.get(CURSOR), order(params), params.get(FILTERS), CURSOR);
      } catch (InvalidParameterException e) {
        return List.of(new ParamProblem(e.parameter(), e.reason()));
      }
    }
    return List.of();
  }

  /**
   * {@code records} (rows: {@code records.0.id}), {@code count}, {@code limit}, {@code offset}, and {@code total}
   * when asked for, {@code next_cursor} when a next page may follow.
   */
  @Override
  public Set<String> outputs() {
    return Set.of("records", "count", LIMIT, OFFSET, TOTAL_OUTPUT, NEXT_CURSOR);
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    int limit = params.get(LIMIT) == null ? DEFAULT_LIMIT : ParamValues.nonNegativeInt(params.get(LIMIT), LIMIT);
    int offset = params.get(OFFSET) == null ? 0 : ParamValues.nonNegativeInt(params.get(OFFSET), OFFSET);
    boolean total = params.get(TOTAL) != null && ParamValues.bool(params.get(TOTAL), TOTAL);
    List<String> orderBy = RowValues.orderBy(model, params.get(ORDER_BY), ORDER_BY);
    if (orderBy.isEmpty()) {
      orderBy = List.of(model.primaryKey()); // a stable order, so pages do not overlap
    }
    List<String> order = KeysetSql.pageOrder(model, orderBy);
    CompiledFilter filter = compiledFilter(context, params);
    RenderedSql query;
    if (params.get(CURSOR) == null) {
      query = shapes.select(filter, orderBy, limit, offset);
    } else {
      if (params.get(OFFSET) != null) {
        throw new InvalidParameterException(OFFSET, "give either cursor (continue after a page) or offset, not both");
      }
      List<Object> after = PageCursor.afterValues(model, params.get(CURSOR), order,
          filterHashes.of(filter, params.get(FILTERS)), CURSOR);
      query = KeysetSql.selectAfter(model, filter.condition(), orderBy, after, limit);
    }
    RenderedSql count = total ? shapes.count(filter) : null;
    Map<String, Object> out = new LinkedHashMap<>();
    List<Map<String, Object>> page = context.autoCommit(connection -> {
      List<Map<String, Object>> records;
      try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
        records = readAll(rs);
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "list " + model.table());
      }
      out.put(RECORDS_OUTPUT, records);
      out.put("count", records.size());
      out.put(LIMIT, limit);
      out.put(OFFSET, offset);
      if (count != null) {
        try (PreparedStatement ps = count.prepare(connection); ResultSet rs = ps.executeQuery()) {
          rs.next();
          out.put(TOTAL_OUTPUT, rs.getLong(1));
        } catch (SQLException e) {
          throw DatabaseErrors.translate(e, "count " + model.table());
        }
      }
      return records;
    });
    if (limit > 0 && page.size() == limit) {
      // What the cursor says is taken now (the last row's sort keys, the filters' hash unless the filters cannot
      // change: the caller may change row maps or a connected filter map later); its text is written only if someone
      // reads it (ListOutput).
      return new ListOutput(out, NEXT_CURSOR, PageCursor.encodeLater(model, order,
          filterHashes.later(filter, params.get(FILTERS)), page.get(limit - 1)));
    }
    return out;
  }

  /**
   * As every model node, and a {@code cursor} whose sort keys include a {@code @Pii} column as {@value
   * PiiRedaction#PII}: the cursor holds its last row's value of that column (so does one that cannot be read).
   */
  @Override
  public Map<String, Object> loggableParameters(Map<String, Object> params) {
    Map<String, Object> out = super.loggableParameters(params);
    if (params.get(CURSOR) != null && cursorMayHoldPii(params.get(CURSOR))) {
      out.put(CURSOR, PiiRedaction.PII);
    }
    return out;
  }

  private boolean cursorMayHoldPii(Object cursor) {
    try {
      for (String item : PageCursor.decode(cursor, CURSOR).order()) {
        var column = PageCursor.sortColumn(model, item);
        if (column == null || column.pii()) {
          return true;
        }
      }
      return false;
    } catch (InvalidParameterException unreadable) {
      return true;
    }
  }

  /** The sort keys of the literal {@code order_by}, the key appended. */
  private List<String> order(Map<String, Object> params) {
    List<String> orderBy = RowValues.orderBy(model, params.get(ORDER_BY), ORDER_BY);
    return KeysetSql.pageOrder(model, orderBy.isEmpty() ? List.of(model.primaryKey()) : orderBy);
  }

  /** Reads only: with read replicas it may run on one (see {@link dev.dataflow.runtime.node.Node#readOnly()}). */
  @Override
  public final boolean readOnly() {
    return true;
  }
}
