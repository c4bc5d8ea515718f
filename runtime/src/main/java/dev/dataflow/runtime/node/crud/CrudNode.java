package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ModelOutput;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.CompiledFilter;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.StatementShapes;
import dev.dataflow.runtime.sql.JdbcValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;

/** The base of the nine generated node types: one model, one operation. */
public abstract class CrudNode implements Node {
  /** The key parameter's name, whatever the key column is called. */
  public static final String ID = "id";
  public static final String FILTERS = "filters";
  public static final String FIELDS = "fields";
  public static final String RECORDS = "records";
  public static final String CONFIRM_ALL = "confirm_all";
  /** The version the caller read, for an update of a model with a {@code @Version} column. */
  public static final String VERSION = "version";
  /** What Create and BulkCreate do with a duplicate of a unique value: "error", "ignore" or "update". */
  public static final String ON_CONFLICT = "on_conflict";
  /** The columns of the unique constraint or key that decide a conflict, with {@link #ON_CONFLICT}. */
  public static final String CONFLICT_COLUMNS = "conflict_columns";

  protected final ModelDescriptor model;
  /** Filtered statements rendered once per shape. */
  protected final StatementShapes shapes;
  private final NodeKind kind;
  private final String type;
  /** The {@code filters} and {@code fields} last converted here, for the run of what a check converted. */
  private final Converted<CompiledFilter> compiledFilters = new Converted<>();
  private final Converted<Map<String, Object>> convertedFields = new Converted<>();

  protected CrudNode(ModelDescriptor model, NodeKind kind) {
    this.model = model;
    this.shapes = new StatementShapes(model);
    this.kind = kind;
    this.type = model.modelName() + kind.suffix();
  }

  @Override
  public final String type() {
    return type;
  }

  /** The model this node reads or writes. */
  public final ModelDescriptor model() {
    return model;
  }

  /** The operation. */
  public final NodeKind kind() {
    return kind;
  }

  /**
   * Create, Read and Update give one row (an update by filters, a read that found nothing and an upsert that skipped
   * give none); List gives {@code records}. The other kinds output counts and flags, no rows.
   */
  @Override
  public ModelOutput modelOutput() {
    if (model.rowMapper() == null) {
      return null;
    }
    return switch (kind) {
      case CREATE, READ, UPDATE -> new ModelOutput(model.rowMapper(), ModelOutput.Shape.ONE_ROW, model.primaryKey(),
          null);
      case LIST -> new ModelOutput(model.rowMapper(), ModelOutput.Shape.ROWS, model.primaryKey(), ListNode.RECORDS_OUTPUT);
      default -> null;
    };
  }

  /**
   * Below its first segment a path may go into a row of List's {@code records} by index and column
   * ({@code records.0.member_id}), into Count's {@code groups} and BulkCreate's {@code ids} by index, and into a
   * JSONB column's document (unchecked: its shape is the data's). Every other output is one value: a column that is
   * not JSONB, a count, a flag or text.
   */
  @Override
  public String outputPathProblem(String path) {
    String[] segments = path.split("\\.", -1);
    if (segments.length == 1) {
      return null;
    }
    String head = segments[0];
    if (kind == NodeKind.LIST && head.equals(ListNode.RECORDS_OUTPUT)) {
      String problem = indexProblem(segments, "a list of rows; give an index, then a column, such as "
          + head + ".0." + model.primaryKey());
      if (problem != null || segments.length == 2) {
        return problem;
      }
      ColumnDescriptor column = model.column(segments[2]);
      if (column == null) {
        return "a row of " + head + " has no '" + Suggestions.cut(segments[2]) + "'." + Suggestions.didYouMean(
            segments[2], model.columnsByName().keySet()) + " " + model.modelName() + "'s columns are "
            + model.columnsByName().keySet();
      }
      return columnPathProblem(column, segments, 3);
    }
    if (kind == NodeKind.COUNT && head.equals(CountNode.GROUPS)) {
      // a group's keys are its group_by entries and aggregates, which the literal parameters may not all show
      return indexProblem(segments, "a list of groups; give an index, then a group_by entry, count or an aggregate");
    }
    if (kind == NodeKind.BULK_CREATE && head.equals("ids")) {
      String problem = indexProblem(segments, "a list of ids; give an index, such as ids.0");
      return problem != null || segments.length == 2 ? problem : single(segments, 2, "an id");
    }
    ColumnDescriptor column = switch (kind) {
      case CREATE, READ, UPDATE -> model.column(head);
      case DELETE -> head.equals(ID) ? model.keyColumn() : null;
      default -> null;
    };
    return column != null ? columnPathProblem(column, segments, 1) : single(segments, 1, "a single value");
  }

  /** Null when {@code segments[1]} is a list index, else what the list is and how to index it. */
  private static String indexProblem(String[] segments, String what) {
    String segment = segments[1];
    if (!segment.isEmpty() && segment.length() <= 9 && segment.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return null;
    }
    return "'" + segments[0] + "' is " + what + "; '" + Suggestions.cut(segment) + "' is not an index";
  }

  /** Null when the path may go on below a column (a JSONB document), else that the column holds one value. */
  private static String columnPathProblem(ColumnDescriptor column, String[] segments, int next) {
    if (next == segments.length || column.javaType() == JavaType.JSON) {
      return null;
    }
    return single(segments, next, "a single value (" + column.sqlType() + ")");
  }

  /** That the value at {@code segments[0..next)} is {@code what}, so it has no {@code segments[next]}. */
  private static String single(String[] segments, int next, String what) {
    String at = String.join(".", java.util.Arrays.copyOfRange(segments, 0, next));
    return "'" + Suggestions.cut(at) + "' is " + what + ", so it has no '" + Suggestions.cut(segments[next])
        + "'; connect from '" + Suggestions.cut(at) + "' itself";
  }

  /** Values of {@code @Pii} columns become {@value PiiRedaction#PII}, wherever in the parameters they sit. */
  @Override
  public Map<String, Object> loggableParameters(Map<String, Object> params) {
    return PiiRedaction.redact(model, params);
  }

  @Override
  public String toString() {
    return type;
  }

  /** The outputs of a node that returns a row: every column of the model, then {@code extras}. */
  protected final Set<String> rowOutputs(String... extras) {
    Set<String> outputs = new LinkedHashSet<>(model.columnsByName().keySet());
    outputs.addAll(List.of(extras));
    return Collections.unmodifiableSet(outputs);
  }

  protected final ParamSpec idParam(boolean required) {
    ColumnDescriptor key = model.keyColumn();
    return new ParamSpec(ID, ParamType.KEY, key, required, "the " + key.name() + " of the row (" + key.sqlType() + ")");
  }

  /**
   * {@code version}: on a versioned model, a value of the version column; elsewhere declared only so that giving it
   * is refused with a reason rather than as an unknown parameter.
   */
  protected final ParamSpec versionParam(String description) {
    ColumnDescriptor version = model.versionColumn();
    if (version == null) {
      return ParamSpec.of(VERSION, ParamType.ANY, false, "only for models with a @Version field");
    }
    return new ParamSpec(VERSION, ParamType.KEY, version, false, description + " (" + version.sqlType() + ")");
  }

  /** The refusal of a {@code version} given to a model without a {@code @Version} column. */
  protected final String notVersioned() {
    return model.modelName() + " has no @Version field, so its updates take no 'version'; leave it out (or add a"
        + " @Version field to the model for optimistic locking)";
  }

  /** {@code filters}: a filter map over this model's columns, compiled as the check. */
  protected final ParamSpec filtersParam(boolean required) {
    return ParamSpec.of(FILTERS, ParamType.FILTERS, required, "MongoDB-style filter map")
        .withCheck((value, parameter) -> compiledFilters.remember(value, ZoneOffset.UTC,
            RowValues.compiledFilter(model, value, parameter, ZoneOffset.UTC)));
  }

  /** {@code fields}: new column values and update operators, converted as the check. */
  protected final ParamSpec fieldsParam(boolean required, String description) {
    return ParamSpec.of(FIELDS, ParamType.FIELDS, required, description)
        .withCheck((value, parameter) -> convertedFields.remember(value, ZoneOffset.UTC,
            Collections.unmodifiableMap(RowValues.forUpdate(model, ParamValues.asMap(value, parameter), parameter))));
  }

  /** {@code confirm_all}: a boolean that lets empty filters match every row. */
  protected static ParamSpec confirmAllParam() {
    return ParamSpec.of(CONFIRM_ALL, ParamType.BOOLEAN, false, "true allows empty filters (every row)");
  }

  /** Problems for nodes that select rows by {@code id} or {@code filters} (exactly one of them). */
  protected static List<ParamProblem> checkIdOrFilters(Map<String, Object> params, Set<String> connected) {
    boolean id = params.containsKey(ID) || connected.contains(ID);
    boolean filters = params.containsKey(FILTERS) || connected.contains(FILTERS);
    List<ParamProblem> problems = new ArrayList<>();
    if (!id && !filters) {
      problems.add(new ParamProblem(ID, "give 'id' (one row by key) or 'filters' (rows matching a filter map)"));
    } else if (id && filters) {
      problems.add(new ParamProblem(ID, "give either 'id' or 'filters', not both"));
    }
    return problems;
  }

  /** Refuses empty filters on a write unless {@code confirm_all: true}: an empty map matches every row. */
  protected static List<ParamProblem> checkNotAllRows(Map<String, Object> params, Set<String> connected,
      String operation) {
    Object filters = params.get(FILTERS);
    if (filters instanceof Map<?, ?> m && m.isEmpty() && !connected.contains(FILTERS)
        && !Boolean.TRUE.equals(params.get(CONFIRM_ALL))) {
      return List.of(new ParamProblem(FILTERS, "empty filters match every row; to " + operation
          + " all rows set confirm_all: true"));
    }
    return List.of();
  }

  /** The run's {@code filters}, a date-time without offset read in the run's zone ({@link NodeContext#zone()}). */
  protected final Condition filters(NodeContext context, Map<String, Object> params) {
    return RowValues.filters(model, params.get(FILTERS), FILTERS, context.zone());
  }

  /** The run's {@code filters} with their shape, for {@link #shapes}; zone as {@link #filters}. */
  protected final CompiledFilter compiledFilter(NodeContext context, Map<String, Object> params) {
    Object filters = params.get(FILTERS);
    return compiledFilters.of(filters, context.zone(),
        () -> RowValues.compiledFilter(model, filters, FILTERS, context.zone()));
  }

  /**
   * The run's {@code fields} as column values and update operators ({@link RowValues#forUpdate}), in a map of the
   * caller's own to scrub and complete; {@code zone} as {@link #filters}.
   */
  protected final Map<String, Object> updateFields(NodeContext context, Map<String, Object> params) {
    Object fields = params.get(FIELDS);
    return new LinkedHashMap<>(convertedFields.of(fields, context.zone(), () -> Collections.unmodifiableMap(
        RowValues.forUpdate(model, ParamValues.asMap(fields, FIELDS), FIELDS, context.zone()))));
  }

  protected final void refuseAllRowsUnlessConfirmed(Map<String, Object> params, String operation) {
    Object filters = params.get(FILTERS);
    if (filters instanceof Map<?, ?> m && m.isEmpty() && !ParamValues.bool(params.getOrDefault(CONFIRM_ALL, false),
        CONFIRM_ALL)) {
      throw new InvalidParameterException(FILTERS, "empty filters match every row; to " + operation
          + " all rows set confirm_all: true");
    }
  }

  /** Binds the key as the only placeholder of a fixed statement. */
  protected final void bindKey(PreparedStatement ps, int index, Object key) throws SQLException {
    JdbcValues.bind(ps, index, model.keyColumn(), key);
  }

  /** Reads every row of a result set of all model columns. */
  protected final List<Map<String, Object>> readAll(ResultSet rs) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    while (rs.next()) {
      rows.add(RowReader.read(rs, model));
    }
    return rows;
  }
}
