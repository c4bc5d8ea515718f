package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What Create and BulkCreate do when a row with the same unique value already exists: {@code on_conflict}
 * {@code "error"} (the default: the insert fails with SQLSTATE 23505), {@code "ignore"} (ON CONFLICT DO NOTHING; the
 * record is reported as skipped) or {@code "update"} (ON CONFLICT (conflict_columns) DO UPDATE of every given
 * non-conflict column and {@code updated_at}), with {@code conflict_columns} naming the unique constraint.
 *
 * @param mode the {@code on_conflict} value
 * @param columns the {@code conflict_columns}; empty for "error", and for "ignore" of any conflict
 */
record OnConflict(Mode mode, List<String> columns) {
  // equals and hashCode written out: part of an upsert statement's cache key (see CreateNode.UpsertShape)
  @Override
  public boolean equals(Object o) {
    return o instanceof OnConflict c && mode == c.mode && columns.equals(c.columns);
  }

  @Override
  public int hashCode() {
    return mode.hashCode() * 31 + columns.hashCode();
  }

  // Public on CrudNode, where generated nodes refer to them; short names here for this class and its callers.
  static final String ON_CONFLICT = CrudNode.ON_CONFLICT;
  static final String CONFLICT_COLUMNS = CrudNode.CONFLICT_COLUMNS;

  enum Mode {
    ERROR, IGNORE, UPDATE;

    /** The mode of a checked {@code on_conflict} text, without {@code valueOf}'s reflective first call. */
    static Mode of(String text) {
      switch (text.toLowerCase(Locale.ROOT)) {
        case "ignore":
          return IGNORE;
        case "update":
          return UPDATE;
        case "error":
          return ERROR;
        default:
          throw new IllegalArgumentException("no on_conflict mode " + text);
      }
    }
  }

  OnConflict {
    columns = List.copyOf(columns);
  }

  static List<ParamSpec> parameters(ModelDescriptor model) {
    return List.of(
        ParamSpec.of(ON_CONFLICT, ParamType.ON_CONFLICT, false, "what a duplicate of a unique value does: "
            + RowValues.ON_CONFLICT_MODES + ", default error").withCheck(RowValues::onConflict),
        ParamSpec.of(CONFLICT_COLUMNS, ParamType.COLUMN_NAMES, false, "the columns of the unique constraint or key"
            + " that decide a conflict; required with on_conflict update")
            .withCheck((value, parameter) -> RowValues.conflictColumns(model, value, parameter)));
  }

  /** The parameters at run time, checked together. */
  static OnConflict of(ModelDescriptor model, Map<String, Object> params) {
    Mode mode = Mode.of(RowValues.onConflict(params.get(ON_CONFLICT), ON_CONFLICT));
    Object columnsValue = params.get(CONFLICT_COLUMNS);
    List<String> columns = columnsValue == null
        ? List.of() : RowValues.conflictColumns(model, columnsValue, CONFLICT_COLUMNS);
    String problem = pairingProblem(mode, columnsValue != null);
    if (problem != null) {
      throw new InvalidParameterException(CONFLICT_COLUMNS, problem);
    }
    return new OnConflict(mode, columns);
  }

  /**
   * The rules between the two parameters, before anything runs (each one's own value is checked by its
   * {@link ParamType}); nothing to say while {@code on_conflict} comes from a connection.
   */
  static List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    if (connected.contains(ON_CONFLICT)) {
      return List.of();
    }
    Mode mode;
    try {
      mode = Mode.of(RowValues.onConflict(params.get(ON_CONFLICT), ON_CONFLICT));
    } catch (InvalidParameterException alreadyReported) {
      return List.of();
    }
    String problem = pairingProblem(mode, params.get(CONFLICT_COLUMNS) != null || connected.contains(CONFLICT_COLUMNS));
    return problem == null ? List.of() : List.of(new ParamProblem(CONFLICT_COLUMNS, problem));
  }

  private static String pairingProblem(Mode mode, boolean columnsGiven) {
    if (mode == Mode.UPDATE && !columnsGiven) {
      return "on_conflict 'update' needs conflict_columns: the columns of the unique constraint or key that find"
          + " the row to update, such as [\"code\"]";
    }
    if (mode == Mode.ERROR && columnsGiven) {
      return "conflict_columns goes with on_conflict 'ignore' or 'update'; with the default 'error' a duplicate"
          + " fails";
    }
    return null;
  }

  boolean upsert() {
    return mode != Mode.ERROR;
  }

  /** Refuses a row that leaves out a conflict column: without it the row cannot be matched to an existing one. */
  void requireColumns(Map<String, ?> row, String prefix) {
    for (String column : columns) {
      if (!row.containsKey(column)) {
        throw new InvalidParameterException(prefix.isEmpty() ? column : prefix + "." + column, "conflict column "
            + column + " is missing; every record of an insert with conflict_columns must give it");
      }
    }
  }

  /**
   * Refuses two rows with the same conflict key in one "update" call: PostgreSQL refuses an upsert that affects
   * one row twice in a statement ("ON CONFLICT DO UPDATE command cannot affect row a second time"), and across
   * statements the second record would silently overwrite the first. Rows with a NULL conflict value never
   * conflict (NULLs are distinct in a unique constraint) and are skipped. Under "ignore" the later record is simply
   * reported as skipped.
   *
   * @param rows converted rows, as {@link RowValues#forCreate} gives them
   */
  void refuseDuplicateKeys(List<Map<String, Object>> rows, String parameter) {
    if (mode != Mode.UPDATE) {
      return;
    }
    Map<List<Object>, Integer> firstByKey = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      List<Object> key = conflictKey(rows.get(i));
      if (key == null) {
        continue;
      }
      Integer first = firstByKey.putIfAbsent(key, i);
      if (first != null) {
        throw new InvalidParameterException(parameter + "." + i, "has the same " + columns + " as " + parameter
            + "." + first + "; an upsert changes a row once per call, so merge the two records or split the call."
            + " Nothing was written");
      }
    }
  }

  /**
   * The row's conflict values as PostgreSQL compares them, as far as the Java values tell: besides
   * {@link #conflictKey}'s forms, a point in time whatever its offset, and one zero for {@code 0.0} and {@code -0.0}.
   * Two records with equal keys here are one row to PostgreSQL; null when a value is NULL (never a conflict).
   */
  List<Object> databaseKey(Map<String, Object> row) {
    List<Object> key = conflictKey(row);
    if (key == null) {
      return null;
    }
    for (int i = 0; i < key.size(); i++) {
      Object value = key.get(i);
      if (value instanceof OffsetDateTime time) {
        key.set(i, time.toInstant());
      } else if (value instanceof Double d && d == 0.0) {
        key.set(i, 0.0d);
      } else if (value instanceof Float f && f == 0.0f) {
        key.set(i, 0.0f);
      }
    }
    return key;
  }

  /** The row's conflict values in a form with value equality, or null when one of them is NULL. */
  private List<Object> conflictKey(Map<String, Object> row) {
    List<Object> key = new ArrayList<>(columns.size());
    for (String column : columns) {
      Object value = row.get(column);
      if (value == null) {
        return null;
      }
      if (value instanceof byte[] bytes) {
        value = ByteBuffer.wrap(bytes);
      } else if (value instanceof BigDecimal decimal) {
        value = decimal.stripTrailingZeros(); // NUMERIC 1.0 and 1.00 are one value
      }
      key.add(value);
    }
    return key;
  }
}
