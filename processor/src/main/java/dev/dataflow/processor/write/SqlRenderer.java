package dev.dataflow.processor.write;

import dev.dataflow.processor.ddl.DdlParts;
import dev.dataflow.processor.ddl.PartitionDdl;
import dev.dataflow.processor.ddl.PostgresDsl;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.ModelSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Renders a model's fixed-shape statements and DDL with jOOQ for PostgreSQL. Identifiers are quoted by jOOQ; values
 * are never part of the SQL: every value is a plain JDBC {@code ?} without casts, because the runtime binds JSONB as
 * a {@code PGobject} and UUIDs through {@code setObject}.
 *
 * <p>{@code created_at} and {@code updated_at} are written explicitly as {@code now()} rather than left to their
 * column defaults, so the statements say what they do and an update cannot forget {@code updated_at}.
 */
public final class SqlRenderer {
  private static final String CREATED_AT = "created_at";
  private static final String UPDATED_AT = "updated_at";

  private final DSLContext dsl = PostgresDsl.oneLine();

  /** Renders every statement of {@code model}. */
  public RenderedSql render(ModelSchema model) {
    Table<?> table = DSL.table(DSL.name(model.table()));
    Field<Object> key = field(model.primaryKey());
    List<Field<?>> all = new ArrayList<>();
    for (ColumnSchema column : model.columns()) {
      all.add(field(column.name()));
    }
    List<String> insertColumns = names(model.insertColumns());
    List<String> omittingDefaults = names(model.insertColumnsOmittingDefaults());
    List<String> updateColumns = names(model.updateColumns());
    String version = model.versionColumn().map(ColumnSchema::name).orElse(null);
    return new RenderedSql(
        insert(table, insertColumns, all),
        insertColumns,
        dsl.select(all).from(table).where(key.eq(DSL.param())).getSQL(),
        update(table, key, updateColumns, version, all),
        updateColumns,
        dsl.deleteFrom(table).where(key.eq(DSL.param())).getSQL(),
        dsl.select(DSL.exists(DSL.selectOne().from(table).where(key.eq(DSL.param())))).getSQL(),
        omittingDefaults.equals(insertColumns) ? null : insert(table, omittingDefaults, all),
        omittingDefaults,
        ddl(model, table));
  }

  private String insert(Table<?> table, List<String> insertColumns, List<Field<?>> returning) {
    List<Field<?>> columns = new ArrayList<>();
    List<Field<?>> values = new ArrayList<>();
    for (String column : insertColumns) {
      columns.add(field(column));
      values.add(DSL.param());
    }
    columns.add(field(CREATED_AT));
    values.add(now());
    columns.add(field(UPDATED_AT));
    values.add(now());
    return dsl.insertInto(table).columns(columns).values(values).returningResult(returning).getSQL();
  }

  /**
   * The update by key. On a versioned model it also bumps the version and matches only the version the caller read:
   * {@code set ..., "version" = "version" + 1, "updated_at" = now() where "id" = ? and "version" = ?}.
   */
  private String update(
      Table<?> table, Field<Object> key, List<String> updateColumns, String version, List<Field<?>> returning) {
    // A map, because set(Field<T>, T) and set(Field<T>, Field<T>) are ambiguous for Field<Object>.
    Map<Field<?>, Object> assignments = new LinkedHashMap<>();
    for (String column : updateColumns) {
      assignments.put(field(column), DSL.param());
    }
    Condition where = key.eq(DSL.param());
    if (version != null) {
      assignments.put(field(version), bumped(version));
      where = where.and(field(version).eq(DSL.param()));
    }
    assignments.put(field(UPDATED_AT), now());
    return dsl.update(table).set(assignments).where(where).returningResult(returning).getSQL();
  }

  /** {@code "version" + 1}, without the parentheses jOOQ would put around an arithmetic expression. */
  private static Field<Object> bumped(String version) {
    return DSL.field("{0} + 1", Object.class, field(version));
  }

  private List<String> ddl(ModelSchema model, Table<?> table) {
    List<String> statements = new ArrayList<>();
    List<Field<?>> columns = new ArrayList<>();
    for (ColumnSchema column : model.columns()) {
      columns.add(
          DSL.field(
              DSL.name(column.name()),
              DdlParts.dataType(
                  column.sqlType(),
                  column.nullable(),
                  column.primaryKey() && column.generated(),
                  column.defaultValue())));
    }
    List<Constraint> constraints =
        DdlParts.tableConstraints(
            model.primaryKeyConstraint(),
            model.primaryKeyColumns(),
            model.uniqueConstraints(),
            model.checkConstraints(),
            model.foreignKeys());
    PartitionSchema partitioning = model.partitioning();
    if (partitioning == null) {
      statements.add(dsl.createTableIfNotExists(table).columns(columns).constraints(constraints).getSQL());
    } else {
      statements.add(
          dsl.createTableIfNotExists(table)
              .columns(columns)
              .constraints(constraints)
              .storage(PartitionDdl.partitionByClause(partitioning))
              .getSQL());
    }
    for (IndexSchema index : model.indexes()) {
      statements.add(DdlParts.index(dsl, table, index, true).getSQL());
    }
    if (partitioning != null) {
      String sqlType = model.column(partitioning.column()).orElseThrow().sqlType();
      statements.add(PartitionDdl.createPartitions(model.table(), partitioning, sqlType, null));
      statements.add(PartitionDdl.createDefaultPartition(model.table(), true));
    }
    return statements;
  }

  private static Field<Object> now() {
    return DSL.field(DSL.raw("now()"));
  }

  private static Field<Object> field(String column) {
    return DdlParts.field(column);
  }

  private static List<String> names(List<ColumnSchema> columns) {
    return columns.stream().map(ColumnSchema::name).toList();
  }
}
