package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.InsertOnDuplicateStep;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.SelectField;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Renders the dynamic-shape statements of the CRUD nodes (the fixed-shape ones are in
 * {@link dev.dataflow.runtime.model.Statements}, rendered at build time). Everything that selects or returns rows
 * lists all model columns in {@link ModelDescriptor#columns()} order, so {@link RowReader} reads them by position.
 *
 * <pre>{@code
 * RenderedSql sql = SqlRenderer.select(model, FilterCompiler.compile(model, filters), List.of("-created_at"), 20, 40);
 * // select "id", …, "updated_at" from "users" where "age" >= ? order by "created_at" desc, "id"
 * //   offset ? rows fetch next ? rows only
 * }</pre>
 *
 * <p>Rendering only: one shared jOOQ context with no connection; execute with {@link RenderedSql#prepare}. The renderer
 * renders what it is given: values already converted by {@link ValueConverter}, column names that the node layer has
 * checked. A name that is not a column of the model is a bug of the caller ({@link IllegalArgumentException}), not
 * an input error.
 */
public final class SqlRenderer {
  static {
    Jooq.quiet();
  }

  /** The {@code limit} of {@link #select} that means "all rows". */
  public static final int NO_LIMIT = -1;

  private static final String CREATED_AT = "created_at";
  private static final String UPDATED_AT = "updated_at";

  private SqlRenderer() {}

  /**
   * All columns of the rows matching {@code condition}.
   *
   * @param orderBy column names, each optionally prefixed with {@code -} for descending; the key is appended as a
   *     last sort key (unless listed) so that pages of {@code limit}/{@code offset} are stable
   * @param limit the most rows to return, or {@link #NO_LIMIT}
   * @param offset how many rows to skip, 0 or more
   * @throws IllegalArgumentException for an unknown or repeated column, or a negative number
   */
  public static RenderedSql select(
      ModelDescriptor model, Condition condition, List<String> orderBy, int limit, int offset) {
    if ((limit < 0 && limit != NO_LIMIT) || offset < 0) {
      throw new IllegalArgumentException("limit and offset must be 0 or more; got " + limit + " and " + offset);
    }
    SelectLimitStep<Record> ordered = Jooq.RENDER.select(allFields(model))
        .from(table(model))
        .where(condition)
        .orderBy(sortFields(model, orderBy));
    Query query;
    if (limit == NO_LIMIT) {
      query = offset == 0 ? ordered : ordered.offset(rowCount(offset));
    } else {
      query = offset == 0 ? ordered.limit(rowCount(limit)) : ordered.limit(rowCount(limit)).offset(rowCount(offset));
    }
    return RenderedSql.render(query);
  }

  /** {@code select count(*)} of the rows matching {@code condition}; read the count with {@code getLong(1)}. */
  public static RenderedSql count(ModelDescriptor model, Condition condition) {
    return RenderedSql.render(Jooq.RENDER.selectCount().from(table(model)).where(condition));
  }

  /** {@code select exists (…)} of the rows matching {@code condition}; read it with {@code getBoolean(1)}. */
  public static RenderedSql exists(ModelDescriptor model, Condition condition) {
    return RenderedSql.render(Jooq.RENDER.select(DSL.exists(DSL.selectOne().from(table(model)).where(condition))));
  }

  /**
   * {@code delete} of the rows matching {@code condition}. With {@link DSL#noCondition()} that is every row: a node
   * that must not delete everything checks for empty filters before it gets here.
   */
  public static RenderedSql delete(ModelDescriptor model, Condition condition) {
    return RenderedSql.render(Jooq.RENDER.deleteFrom(table(model)).where(condition));
  }

  /**
   * One batch of a retention sweep: deletes at most {@code batchSize} rows whose {@code column} is before
   * {@code cutoff}, oldest first, skipping rows another transaction has locked; {@code executeUpdate()} gives the
   * count. A row whose {@code column} is NULL is never before the cutoff, so it is never deleted.
   *
   * <pre>{@code
   * delete from "conversation_messages" where "id" = any(array(select "id" from "conversation_messages"
   *   where "timestamp" < ? order by "timestamp" fetch next ? rows only for update skip locked))
   * }</pre>
   *
   * <p>Locking only the rows of the batch (and skipping locked ones) keeps every transaction short and lets
   * inserts, and other sweepers, go on; ordering by {@code column} uses its index when it has one.
   *
   * @param cutoff the cutoff as the column's Java type ({@code Instant}, {@code OffsetDateTime},
   *     {@code LocalDateTime} or {@code LocalDate}), bound by {@link JdbcValues#bind}
   * @throws IllegalArgumentException for a column that is not the model's, or a batch size under 1
   */
  public static RenderedSql deleteBatchBefore(
      ModelDescriptor model, String column, Object cutoff, int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("a batch deletes at least 1 row; got " + batchSize);
    }
    Field<Object> key = SqlTypes.field(model.keyColumn());
    ColumnDescriptor after = knownColumn(model, column);
    Field<Object> time = SqlTypes.field(after);
    Select<Record1<Object>> batch = Jooq.RENDER.select(key)
        .from(table(model))
        .where(time.lt(SqlTypes.placeholder(after, cutoff)))
        .orderBy(time)
        .limit(rowCount(batchSize))
        .forUpdate()
        .skipLocked();
    // "= any(array(...))" rather than "in (...)": the planner runs the batch's select once and deletes by key
    // through the key's index. With "in" it may pick a hash semi join over a scan of the whole table, once per
    // batch, which makes a sweep of a large table quadratic (measured: 40 to 60 ms a batch on 200,000 rows).
    return RenderedSql.render(Jooq.RENDER.deleteFrom(table(model))
        .where(DSL.condition("{0} = any(array({1}))", key, batch)));
  }

  /**
   * {@code update} of the rows matching {@code condition}, setting the given columns, {@code "version" = "version" +
   * 1} (on a model with a {@code @Version} column) and {@code updated_at = now()} (when the model has it); no result
   * set, {@code executeUpdate()} gives the row count.
   *
   * @param javaValuesByColumn writable column name to value (as {@link ValueConverter#toJava} gives it), or to an
   *     {@link Increment}, which renders {@code "col" = "col" + ?}
   * @throws IllegalArgumentException for no columns, an unknown column or a generated one
   */
  public static RenderedSql updateWhere(
      ModelDescriptor model, Map<String, Object> javaValuesByColumn, Condition condition) {
    Iterator<BindValue> values = assignmentBinds(model, javaValuesByColumn).iterator();
    return RenderedSql.render(Jooq.RENDER.update(table(model))
        .set(assignments(model, javaValuesByColumn, values))
        .where(condition));
  }

  /**
   * {@code update} of the row whose key is {@code keyValue}, like {@link #updateWhere}, returning all columns in
   * order (no row when the key does not exist). On a model with a {@code @Version} column, {@code expectedVersion}
   * (the version the caller read) is required and the row is only updated while it has that version:
   * {@code where "id" = ? and "version" = ?}, and no row comes back otherwise.
   *
   * <p>Its binds are always {@link #updateByIdBinds}, in that order, so a caller may reuse the SQL of one shape
   * (the same columns, each set or incremented the same way) with the binds of other values.
   */
  public static RenderedSql updateByIdReturning(
      ModelDescriptor model, Map<String, Object> javaValuesByColumn, Object keyValue) {
    return updateByIdReturning(model, javaValuesByColumn, keyValue, null);
  }

  /** {@link #updateByIdReturning(ModelDescriptor, Map, Object)} with the version check of a versioned model. */
  public static RenderedSql updateByIdReturning(
      ModelDescriptor model, Map<String, Object> javaValuesByColumn, Object keyValue, Object expectedVersion) {
    List<BindValue> binds = updateByIdBinds(model, javaValuesByColumn, keyValue, expectedVersion);
    Iterator<BindValue> values = binds.iterator();
    Map<Field<?>, Field<?>> set = assignments(model, javaValuesByColumn, values);
    Condition where = SqlTypes.field(model.keyColumn()).eq(SqlTypes.placeholder(values.next()));
    if (model.versionColumn() != null) {
      where = where.and(SqlTypes.field(model.versionColumn()).eq(SqlTypes.placeholder(values.next())));
    }
    RenderedSql rendered = RenderedSql.render(Jooq.RENDER.update(table(model))
        .set(set)
        .where(where)
        .returning(allFields(model)));
    if (!rendered.binds().equals(binds)) {
      throw new IllegalStateException("jOOQ rendered the placeholders of " + rendered.sql() + " in another order"
          + " than updateByIdBinds gives them");
    }
    return rendered;
  }

  /**
   * The binds of {@link #updateByIdReturning}, in order: each column's value (an {@link Increment}'s amount) in the
   * order of {@code javaValuesByColumn}, then the key, then the expected version on a versioned model.
   *
   * @throws IllegalArgumentException for a null key, or a null version on a versioned model
   */
  public static List<BindValue> updateByIdBinds(
      ModelDescriptor model, Map<String, Object> javaValuesByColumn, Object keyValue, Object expectedVersion) {
    if (keyValue == null) {
      throw new IllegalArgumentException("an update by id of " + model.modelName() + " needs the key");
    }
    List<BindValue> binds = assignmentBinds(model, javaValuesByColumn);
    binds.add(new BindValue(model.keyColumn(), keyValue));
    ColumnDescriptor version = model.versionColumn();
    if (version != null) {
      if (expectedVersion == null) {
        throw new IllegalArgumentException("an update by id of " + model.modelName() + " needs the version read");
      }
      binds.add(new BindValue(version, expectedVersion));
    }
    return binds;
  }

  /**
   * {@code select "version" from ... where "id" = ?} with the key bound: the current {@code @Version} of one row, no
   * row when the key does not exist.
   *
   * @throws IllegalArgumentException when the model has no {@code @Version} column
   */
  public static RenderedSql selectVersion(ModelDescriptor model, Object keyValue) {
    ColumnDescriptor version = model.versionColumn();
    if (version == null) {
      throw new IllegalArgumentException(model.modelName() + " has no @Version column");
    }
    ColumnDescriptor key = model.keyColumn();
    return RenderedSql.render(Jooq.RENDER.select(SqlTypes.field(version))
        .from(table(model))
        .where(SqlTypes.field(key).eq(SqlTypes.placeholder(key, keyValue))));
  }

  /**
   * A multi-row {@code insert} of {@code columns} for {@code rows} rows, returning all columns in order. Every value
   * is a plain {@code ?} that the caller binds with {@link JdbcValues#bind}, row after row, in the order of
   * {@code columns} ({@code rows × columns.size()} placeholders; {@link RenderedSql#binds()} is empty).
   * {@code created_at} and {@code updated_at}, when the model has them, are set to {@code now()}.
   *
   * <pre>{@code
   * insert into "users" ("id", "name", "created_at", "updated_at")
   *   values (?, ?, now(), now()), (?, ?, now(), now()) returning "id", "name", "created_at", "updated_at"
   * }</pre>
   *
   * @throws IllegalArgumentException for an unknown, repeated or generated column, or no rows
   */
  public static RenderedSql insert(ModelDescriptor model, List<String> columns, int rows) {
    if (rows < 1) {
      throw new IllegalArgumentException("an insert needs at least one row; got " + rows);
    }
    return RenderedSql.render(insertValues(model, columns, rows).returning(allFields(model)));
  }

  /**
   * A one-row {@code insert} of {@code columns}, like {@link #insert}, that resolves a conflict with an existing row
   * instead of failing: {@code on conflict (conflictColumns) do update set} every inserted non-conflict column to
   * its {@code excluded} value and {@code updated_at = now()} when {@code update}, else {@code on conflict
   * (conflictColumns) do nothing} ({@code on conflict do nothing}, any constraint, when {@code conflictColumns} is
   * empty). It returns all columns in order and then one boolean column, true when the row was inserted and false
   * when an existing row was updated; a skipped row returns nothing.
   *
   * <pre>{@code
   * insert into "users" ("email", "name", "created_at", "updated_at") values (?, ?, now(), now())
   *   on conflict ("email") do update set "name" = excluded."name", "updated_at" = now()
   *   returning "id", "email", "name", "created_at", "updated_at", (xmax = 0)
   * }</pre>
   *
   * @throws IllegalArgumentException for a conflict column that is unknown or not inserted, or an update without
   *     conflict columns
   */
  public static RenderedSql upsert(
      ModelDescriptor model, List<String> columns, List<String> conflictColumns, boolean update) {
    return upsert(model, columns, conflictColumns, update, List.of());
  }

  /**
   * The last column an upsert returns: true for an inserted row. {@code (xmax = 0)}, except on a partitioned table,
   * where PostgreSQL (17 and before) cannot return a system column from {@code INSERT ... RETURNING}: there it is
   * {@code ("created_at" = "updated_at")}, which an insert sets to the same {@code now()} and an update sets apart,
   * unless the row was inserted earlier in the same transaction (then an update counts as an insert).
   */
  private static Field<Boolean> insertedFlag(ModelDescriptor model) {
    ColumnDescriptor createdAt = model.column("created_at");
    ColumnDescriptor updatedAt = model.column("updated_at");
    if (model.partitioning() != null && createdAt != null && updatedAt != null) {
      return DSL.field("({0} = {1})", Boolean.class, SqlTypes.field(createdAt), SqlTypes.field(updatedAt));
    }
    return DSL.field("(xmax = 0)", Boolean.class);
  }

  /** The fields of the conflict columns, each one of the inserted {@code columns}. */
  private static List<Field<?>> conflictFields(ModelDescriptor model, List<String> columns,
      List<String> conflictColumns, boolean update) {
    if (update && conflictColumns.isEmpty()) {
      throw new IllegalArgumentException("an upsert that updates needs the conflict columns");
    }
    List<Field<?>> conflictFields = new ArrayList<>();
    for (String name : conflictColumns) {
      if (!columns.contains(name)) {
        throw new IllegalArgumentException("conflict column '" + name + "' is not inserted");
      }
      conflictFields.add(SqlTypes.field(writableColumn(model, name)));
    }
    return conflictFields;
  }

  /**
   * {@link #upsert(ModelDescriptor, List, List, boolean)}, except that the columns in {@code insertOnly} (inserted
   * columns too) are left as they are by {@code do update}: an existing row keeps its value.
   */
  public static RenderedSql upsert(ModelDescriptor model, List<String> columns, List<String> conflictColumns,
      boolean update, List<String> insertOnly) {
    List<Field<?>> conflictFields = conflictFields(model, columns, conflictColumns, update);
    // PostgreSQL sets the system column xmax of a row version to the id of a transaction that locked or updated it,
    // and leaves it 0 on a freshly inserted version: after ON CONFLICT DO UPDATE, (xmax = 0) is true for an insert
    // and false for an update. It relies on PostgreSQL's row versioning, not on the SQL standard, and it is the
    // only way to tell the two apart in one statement.
    List<SelectField<?>> returning = new ArrayList<>(allFields(model));
    returning.add(insertedFlag(model));
    return onConflict(insertValues(model, columns, 1), model, columns, conflictColumns, update, insertOnly,
        conflictFields, returning);
  }

  /**
   * The set-based form of {@link #upsert(ModelDescriptor, List, List, boolean, List)}, for BulkCreate: one
   * {@code insert ... select} of every row of the temporary table {@code source} (filled by a COPY), in the order of
   * its column {@code ordinal}, with the same {@code on conflict} clause as the one-row form. It returns two columns,
   * the key and the inserted flag (true for an inserted row), one row per inserted or updated row in the order of
   * {@code ordinal}; a skipped row returns nothing.
   *
   * <pre>{@code
   * insert into "users" ("id", "email", "name", "created_at", "updated_at")
   *   select "id", "email", "name", now(), now() from "dataflow_upsert" order by "dataflow_ord"
   *   on conflict ("email") do update set "name" = excluded."name", "updated_at" = now()
   *   returning "id", (xmax = 0)
   * }</pre>
   *
   * @param columns the columns the rows give; may include the key, also a generated one (drawn before the COPY)
   * @param insertOnly columns that {@code do update} leaves as they are (a drawn key among them)
   * @throws IllegalArgumentException as {@link #upsert(ModelDescriptor, List, List, boolean, List)}
   */
  public static RenderedSql upsertFrom(ModelDescriptor model, String source, String ordinal, List<String> columns,
      List<String> conflictColumns, boolean update, List<String> insertOnly) {
    List<Field<?>> conflictFields = conflictFields(model, columns, conflictColumns, update);
    List<Field<?>> fields = new ArrayList<>();
    List<SelectField<?>> selected = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : columns) {
      ColumnDescriptor column = knownColumn(model, name);
      if (!column.writable() && !column.primaryKey()) {
        throw new IllegalArgumentException("column '" + name + "' is filled by the database or the runtime");
      }
      if (!seen.add(name)) {
        throw new IllegalArgumentException("column '" + name + "' is listed twice");
      }
      fields.add(SqlTypes.field(column));
      selected.add(DSL.field(DSL.name(name)));
    }
    for (ColumnDescriptor column : model.columns()) {
      if (column.name().equals(CREATED_AT) || column.name().equals(UPDATED_AT)) {
        fields.add(SqlTypes.field(column));
        selected.add(now());
      }
    }
    var insert = Jooq.RENDER.insertInto(table(model), fields)
        .select(Jooq.RENDER.select(selected).from(DSL.table(DSL.name(source))).orderBy(DSL.field(DSL.name(ordinal))));
    // A plain-SQL template: jOOQ would render a column field of the key in RETURNING as excluded."id" here.
    List<SelectField<?>> returning = List.of(DSL.field("{0}", Object.class, DSL.name(model.keyColumn().name())),
        insertedFlag(model));
    return onConflict(insert, model, columns, conflictColumns, update, insertOnly, conflictFields, returning);
  }

  /**
   * {@code insert}'s {@code on conflict} clause and {@code returning}: {@code do nothing} (for any constraint when
   * there are no conflict columns) or {@code do update set} ({@link #conflictSet}).
   */
  private static RenderedSql onConflict(InsertOnDuplicateStep<Record> insert, ModelDescriptor model,
      List<String> columns, List<String> conflictColumns, boolean update, List<String> insertOnly,
      List<Field<?>> conflictFields, List<SelectField<?>> returning) {
    if (!update) {
      return RenderedSql.render(conflictFields.isEmpty()
          ? insert.onConflictDoNothing().returning(returning)
          : insert.onConflict(conflictFields).doNothing().returning(returning));
    }
    return RenderedSql.render(insert.onConflict(conflictFields).doUpdate()
        .set(conflictSet(model, columns, conflictColumns, insertOnly, conflictFields)).returning(returning));
  }

  /**
   * {@code do update set}: every inserted column but the conflict and {@code insertOnly} ones to its
   * {@code excluded} value, the version bumped, {@code updated_at = now()}.
   */
  private static Map<Field<?>, Field<?>> conflictSet(ModelDescriptor model, List<String> columns,
      List<String> conflictColumns, List<String> insertOnly, List<Field<?>> conflictFields) {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (String name : columns) {
      if (!conflictColumns.contains(name) && !insertOnly.contains(name)) {
        Field<Object> field = SqlTypes.field(model.column(name));
        set.put(field, DSL.excluded(field));
      }
    }
    ColumnDescriptor version = model.versionColumn();
    if (version != null) {
      // Qualified: in DO UPDATE SET the existing row is the table's, the proposed one is excluded's.
      set.put(SqlTypes.field(version), bumped(DSL.field(DSL.name(model.table(), version.name()))));
    }
    ColumnDescriptor updatedAt = model.column(UPDATED_AT);
    if (updatedAt != null) {
      set.put(SqlTypes.field(updatedAt), now());
    }
    if (set.isEmpty()) {
      // Nothing but the conflict columns and no updated_at: a no-op update, so the row still counts as updated.
      set.put(conflictFields.get(0), DSL.excluded(conflictFields.get(0)));
    }
    return set;
  }

  private static InsertValuesStepN<Record> insertValues(ModelDescriptor model, List<String> columns, int rows) {
    List<Field<?>> fields = new ArrayList<>();
    List<Field<?>> values = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String name : columns) {
      ColumnDescriptor column = writableColumn(model, name);
      if (!seen.add(name)) {
        throw new IllegalArgumentException("column '" + name + "' is listed twice");
      }
      fields.add(SqlTypes.field(column));
      values.add(unboundPlaceholder());
    }
    for (ColumnDescriptor column : model.columns()) {
      if (column.name().equals(CREATED_AT) || column.name().equals(UPDATED_AT)) {
        fields.add(SqlTypes.field(column));
        values.add(now());
      }
    }
    if (fields.isEmpty()) {
      throw new IllegalArgumentException("an insert into " + model.table() + " needs at least one column");
    }
    InsertValuesStepN<Record> insert = Jooq.RENDER.insertInto(table(model), fields);
    for (int i = 0; i < rows; i++) {
      insert = insert.values(values);
    }
    return insert;
  }

  // ----------------------------------------------------------------------------------------------------- parts

  static Table<Record> table(ModelDescriptor model) {
    return DSL.table(DSL.name(model.table()));
  }

  static List<Field<?>> allFields(ModelDescriptor model) {
    List<Field<?>> fields = new ArrayList<>(model.columns().size());
    for (ColumnDescriptor column : model.columns()) {
      fields.add(SqlTypes.field(column));
    }
    return fields;
  }

  static List<SortField<?>> sortFields(ModelDescriptor model, List<String> orderBy) {
    List<SortField<?>> sort = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    if (orderBy != null) {
      for (String item : orderBy) {
        boolean descending = item.startsWith("-");
        String name = descending ? item.substring(1) : item;
        ColumnDescriptor column = knownColumn(model, name);
        if (!seen.add(name)) {
          throw new IllegalArgumentException("order_by lists column '" + name + "' twice");
        }
        Field<Object> field = SqlTypes.field(column);
        sort.add(descending ? field.desc() : field.asc());
      }
    }
    ColumnDescriptor key = model.keyColumn();
    if (key != null && !seen.contains(key.name())) {
      sort.add(SqlTypes.field(key).asc());
    }
    return sort;
  }

  /** One bind per assigned column, in map order: the value, or an {@link Increment}'s amount. */
  private static List<BindValue> assignmentBinds(ModelDescriptor model, Map<String, Object> javaValuesByColumn) {
    if (javaValuesByColumn == null || javaValuesByColumn.isEmpty()) {
      throw new IllegalArgumentException("an update of " + model.table() + " needs at least one column to set");
    }
    List<BindValue> binds = new ArrayList<>(javaValuesByColumn.size() + 2);
    for (Map.Entry<String, Object> entry : javaValuesByColumn.entrySet()) {
      ColumnDescriptor column = writableColumn(model, entry.getKey());
      Object value = entry.getValue() instanceof Increment increment ? increment.amount() : entry.getValue();
      binds.add(new BindValue(column, value));
    }
    return binds;
  }

  /** The SET clause, taking each column's placeholder from {@code values} in map order. */
  private static Map<Field<?>, Field<?>> assignments(ModelDescriptor model, Map<String, Object> javaValuesByColumn,
      Iterator<BindValue> values) {
    Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : javaValuesByColumn.entrySet()) {
      ColumnDescriptor column = model.column(entry.getKey());
      Field<Object> field = SqlTypes.field(column);
      Field<Object> value = SqlTypes.placeholder(values.next());
      set.put(field, entry.getValue() instanceof Increment ? increment(column, field, value) : value);
    }
    ColumnDescriptor version = model.versionColumn();
    if (version != null) {
      set.put(SqlTypes.field(version), bumped(SqlTypes.field(version)));
    }
    ColumnDescriptor updatedAt = model.column(UPDATED_AT);
    if (updatedAt != null) {
      set.put(SqlTypes.field(updatedAt), now());
    }
    return set;
  }

  /** {@code <version> + 1}: every update of a versioned row bumps its version. */
  private static Field<Object> bumped(Field<?> version) {
    return DSL.field("{0} + 1", Object.class, version);
  }

  /** {@code "col" + ?}, or {@code coalesce("col", 0) + ?} when the column may hold NULL. */
  private static Field<Object> increment(ColumnDescriptor column, Field<Object> field, Field<Object> amount) {
    if (!Increment.appliesTo(column.javaType())) {
      throw new IllegalArgumentException("$inc needs a numeric column; column '" + column.name() + "' is "
          + column.sqlType());
    }
    Field<Object> current = column.nullable() ? DSL.coalesce(field, DSL.inline(0)) : field;
    return current.plus(amount);
  }

  static ColumnDescriptor knownColumn(ModelDescriptor model, String name) {
    ColumnDescriptor column = name == null ? null : model.column(name);
    if (column == null) {
      throw new IllegalArgumentException("'" + name + "' is not a column of " + model.modelName());
    }
    return column;
  }

  private static ColumnDescriptor writableColumn(ModelDescriptor model, String name) {
    ColumnDescriptor column = knownColumn(model, name);
    if (!column.writable()) {
      throw new IllegalArgumentException("column '" + name + "' is filled by the database or the runtime");
    }
    return column;
  }

  /**
   * A limit or an offset, written into the SQL as a number rather than bound: with a placeholder, a statement the
   * driver has prepared on the server gets PostgreSQL's generic plan, which cannot know the limit is small and may read
   * and sort every matching row where an index would stop after the first few.
   */
  static Field<Integer> rowCount(int rows) {
    return DSL.inline(rows);
  }

  private static Field<Object> now() {
    return DSL.field("now()");
  }

  /** A bare JDBC placeholder with no value: the caller binds it (see {@link #insert}). */
  private static Field<Object> unboundPlaceholder() {
    return DSL.field("?");
  }
}
