package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.sql.Aggregate;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.GroupKey;
import dev.dataflow.runtime.sql.GroupReader;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.GroupCountSql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts rows matching {@code filters} (all rows without). Output: {@code {count: n}} (a long).
 *
 * <p>With {@code group_by} it also counts per group: {@code {count: <all matching rows>, groups: [{<key>: value,
 * ..., count: n, <aggregate>: value}, ...]}}, largest group first, then by the keys, at most {@code limit} groups
 * (default {@value #DEFAULT_LIMIT}). Each {@code group_by} entry is a column ({@code "language"}), a date/time
 * column truncated in UTC ({@code "created_at:day"}; {@code hour day week month year}) or a key of a JSONB column
 * ({@code "intents.primary"}); {@code aggregates} adds named {@code $sum $avg $min $max $count_distinct} of columns:
 *
 * <pre>{@code
 * ConversationMessageCountNode.params().groupBy("intent").aggregate("avg_confidence", "$avg", "confidence")
 * // {count: 3, groups: [{intent: "order_placement", count: 2, avg_confidence: 0.93}, {intent: null, count: 1, ...}]}
 * }</pre>
 */
public abstract class CountNode extends CrudNode {
  /** The columns, time buckets and JSON keys to group by. */
  public static final String GROUP_BY = "group_by";
  /** Named aggregates of each group: {@code {"avg_confidence": {"$avg": "confidence"}}}. */
  public static final String AGGREGATES = "aggregates";
  /** The most groups returned, with {@link #GROUP_BY}. */
  public static final String LIMIT = "limit";
  /** Output: the count of all matching rows; in a group, the group's rows. */
  public static final String COUNT = GroupReader.COUNT;
  /** Output with {@link #GROUP_BY}: the groups. */
  public static final String GROUPS = "groups";
  public static final int DEFAULT_LIMIT = 100;
  private final List<ParamSpec> parameters;

  protected CountNode(ModelDescriptor model) {
    super(model, NodeKind.COUNT);
    this.parameters = List.of(filtersParam(false),
        ParamSpec.of(GROUP_BY, ParamType.ANY, false, "list of \"column\", \"date_column:unit\" or \"json_column.key\"")
            .withCheck((value, parameter) -> GroupCountValues.groupBy(model, value, parameter)),
        ParamSpec.of(AGGREGATES, ParamType.ANY, false, "map of names to {\"$avg\": \"column\"}, with group_by")
            .withCheck((value, parameter) -> GroupCountValues.aggregates(model, value, parameter)),
        ParamSpec.of(LIMIT, ParamType.INTEGER, false, "most groups returned, default " + DEFAULT_LIMIT)
            .withCheck((value, parameter) -> GroupCountValues.groupLimit(value, parameter)));
  }

  @Override
  public List<ParamSpec> parameters() {
    return parameters;
  }

  /** {@code aggregates} and {@code limit} need {@code group_by}; an aggregate may not be named like a group key. */
  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>();
    boolean grouped = params.containsKey(GROUP_BY) || connected.contains(GROUP_BY);
    for (String needsGroups : List.of(AGGREGATES, LIMIT)) {
      if (!grouped && (params.containsKey(needsGroups) || connected.contains(needsGroups))) {
        problems.add(new ParamProblem(needsGroups, needsGroups + " applies to groups; give group_by too, or leave "
            + needsGroups + " out"));
      }
    }
    if (problems.isEmpty() && !connected.contains(GROUP_BY) && !connected.contains(AGGREGATES)) {
      try {
        GroupCountValues.aggregateNamesDistinct(GroupCountValues.groupBy(model, params.get(GROUP_BY), GROUP_BY),
            GroupCountValues.aggregates(model, params.get(AGGREGATES), AGGREGATES), AGGREGATES);
      } catch (InvalidParameterException e) {
        problems.add(new ParamProblem(e.parameter(), e.reason()));
      }
    }
    return problems;
  }

  /** {@code count}, and with {@code group_by} the {@code groups}. */
  @Override
  public Set<String> outputs() {
    return Set.of(COUNT, GROUPS);
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
    List<GroupKey> keys = GroupCountValues.groupBy(model, params.get(GROUP_BY), GROUP_BY);
    if (keys.isEmpty()) {
      for (String needsGroups : List.of(AGGREGATES, LIMIT)) {
        if (params.get(needsGroups) != null) {
          throw new InvalidParameterException(needsGroups, needsGroups + " applies to groups; give group_by too");
        }
      }
      return countAll(context, params);
    }
    List<Aggregate> aggregates = GroupCountValues.aggregates(model, params.get(AGGREGATES), AGGREGATES);
    GroupCountValues.aggregateNamesDistinct(keys, aggregates, AGGREGATES);
    int limit = params.get(LIMIT) == null ? DEFAULT_LIMIT : GroupCountValues.groupLimit(params.get(LIMIT), LIMIT);
    RenderedSql query = GroupCountSql.render(model, filters(context, params), keys, aggregates, limit);
    return context.autoCommit(connection -> {
      try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
        List<Map<String, Object>> groups = new ArrayList<>();
        long total = 0;
        while (rs.next()) {
          groups.add(GroupReader.read(rs, keys, aggregates));
          total = GroupReader.total(rs, keys, aggregates);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(COUNT, total);
        out.put(GROUPS, groups);
        return out;
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "count " + model.table() + " by group");
      }
    });
  }

  private Map<String, Object> countAll(NodeContext context, Map<String, Object> params) throws SQLException {
    RenderedSql query = shapes.count(compiledFilter(context, params));
    long count = context.autoCommit(connection -> {
      try (PreparedStatement ps = query.prepare(connection); ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      } catch (SQLException e) {
        throw DatabaseErrors.translate(e, "count " + model.table());
      }
    });
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(COUNT, count);
    return out;
  }

  /** Reads only: with read replicas it may run on one (see {@link dev.dataflow.runtime.node.Node#readOnly()}). */
  @Override
  public final boolean readOnly() {
    return true;
  }
}
