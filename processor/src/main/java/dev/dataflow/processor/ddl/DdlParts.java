package dev.dataflow.processor.ddl;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.ConstraintForeignKeyOnStep;
import org.jooq.CreateIndexIncludeStep;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultDataType;

/**
 * The pieces of DDL that both the model's own {@code CREATE TABLE} and the generated migrations build: column types,
 * constraints and indexes, as jOOQ objects, so the two always spell a constraint the same way.
 *
 * <pre>{@code
 * dsl.createTable(table).columns(columns)
 *     .constraints(DdlParts.tableConstraints(pkName, pkColumns, uniques, checks, foreignKeys))
 * }</pre>
 */
public final class DdlParts {
  private DdlParts() {}

  /**
   * A column type exactly as the schema spells it ({@code TIMESTAMPTZ}, {@code VARCHAR(64)}), so DDL and descriptor
   * agree; jOOQ's built-in types would respell some ({@code timestamp with time zone}, {@code int}).
   */
  public static DataType<Object> dataType(String sqlType, boolean nullable, boolean identity, String defaultValue) {
    DataType<Object> type = new DefaultDataType<>(SQLDialect.POSTGRES, Object.class, sqlType);
    if (!nullable) {
      // Only NOT NULL is written; jOOQ would otherwise spell out a redundant "null".
      type = type.nullable(false);
    }
    if (identity) {
      type = type.identity(true);
    }
    if (defaultValue != null) {
      type = type.defaultValue(rawExpression(defaultValue));
    }
    return type;
  }

  /** A default expression written by the model's author (or {@code now()}), copied without template parsing. */
  public static Field<Object> rawExpression(String sql) {
    return DSL.field(DSL.raw(sql));
  }

  /**
   * The constraints of a {@code CREATE TABLE}, in the order both the model's DDL and a migration write them: the key,
   * then unique, check and foreign-key constraints.
   */
  public static List<Constraint> tableConstraints(
      String primaryKeyName,
      List<String> primaryKeyColumns,
      List<UniqueConstraintSchema> uniques,
      List<CheckConstraintSchema> checks,
      List<ForeignKeySchema> foreignKeys) {
    List<Constraint> constraints = new ArrayList<>();
    constraints.add(primaryKey(primaryKeyName, primaryKeyColumns));
    for (UniqueConstraintSchema unique : uniques) {
      constraints.add(unique(unique));
    }
    for (CheckConstraintSchema check : checks) {
      constraints.add(check(check));
    }
    for (ForeignKeySchema foreignKey : foreignKeys) {
      constraints.add(foreignKey(foreignKey));
    }
    return constraints;
  }

  public static Constraint primaryKey(String name, List<String> columns) {
    return DSL.constraint(DSL.name(name)).primaryKey(fields(columns));
  }

  public static Constraint unique(UniqueConstraintSchema unique) {
    return DSL.constraint(DSL.name(unique.name())).unique(fields(unique.columns()));
  }

  public static Constraint check(CheckConstraintSchema check) {
    List<Field<?>> allowed = new ArrayList<>();
    for (String value : check.allowedValues()) {
      allowed.add(DSL.inline(value));
    }
    return DSL.constraint(DSL.name(check.name())).check(field(check.column()).in(allowed));
  }

  public static Constraint foreignKey(ForeignKeySchema foreignKey) {
    ConstraintForeignKeyOnStep references =
        DSL.constraint(DSL.name(foreignKey.name()))
            .foreignKey(field(foreignKey.column()))
            .references(DSL.table(DSL.name(foreignKey.referencedTable())), field(foreignKey.referencedColumn()));
    switch (foreignKey.onDelete()) {
      case CASCADE:
        return references.onDeleteCascade();
      case SET_NULL:
        return references.onDeleteSetNull();
      case SET_DEFAULT:
        return references.onDeleteSetDefault();
      case NO_ACTION:
        return references.onDeleteNoAction();
      case RESTRICT:
      default:
        return references.onDeleteRestrict();
    }
  }

  /** {@code CREATE [UNIQUE] INDEX}, optionally {@code IF NOT EXISTS}; a GIN index for a JSONB column. */
  public static Query index(DSLContext dsl, Table<?> table, IndexSchema index, boolean ifNotExists) {
    Name name = DSL.name(index.name());
    if (index.gin()) {
      // jOOQ's CREATE INDEX has no USING clause; a template keeps the identifiers rendered (and quoted) by jOOQ.
      return dsl.query(
          "create index " + (ifNotExists ? "if not exists " : "") + "{0} on {1} using gin ({2})",
          name,
          table,
          DSL.list(fields(index.columns().stream().map(IndexSchema.IndexColumn::name).toList())));
    }
    List<OrderField<?>> columns = new ArrayList<>();
    for (IndexSchema.IndexColumn column : index.columns()) {
      columns.add(column.descending() ? field(column.name()).desc() : field(column.name()));
    }
    CreateIndexIncludeStep step;
    if (index.unique()) {
      step = (ifNotExists ? dsl.createUniqueIndexIfNotExists(name) : dsl.createUniqueIndex(name)).on(table, columns);
    } else {
      step = (ifNotExists ? dsl.createIndexIfNotExists(name) : dsl.createIndex(name)).on(table, columns);
    }
    return step;
  }

  public static Field<Object> field(String column) {
    return DSL.field(DSL.name(column));
  }

  public static List<Field<?>> fields(List<String> columns) {
    List<Field<?>> fields = new ArrayList<>();
    for (String column : columns) {
      fields.add(field(column));
    }
    return fields;
  }
}
