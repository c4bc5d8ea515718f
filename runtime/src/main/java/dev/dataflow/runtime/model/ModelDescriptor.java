package dev.dataflow.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the runtime knows about one {@code @Model}: its table, columns, DDL and fixed-shape SQL. Generated
 * {@code <Model>Schema} classes build one as a constant; nothing here is computed from the model class at run time.
 *
 * @param modelName the simple class name ({@code ConversationSession}); node types are this plus a suffix
 * @param modelClassName the model's canonical class name
 * @param table the table name
 * @param columns the columns, in table order (key first, then fields, then {@code created_at}, {@code updated_at})
 * @param primaryKey the key column's name
 * @param referencedTables the tables this model's foreign keys point to (other than itself), for DDL ordering
 * @param ddl the PostgreSQL statements that create the table, its constraints and its indexes, in order; each is
 *     idempotent ({@code IF NOT EXISTS})
 * @param statements the fixed-shape SQL
 * @param retention the retention policy ({@code @Retain}), or null when rows are kept until deleted
 * @param foreignKeys the foreign keys ({@code @References}), in column order
 * @param rowMapper turns output rows into instances of the model class and back, or null when the model has none (a
 *     descriptor written by hand)
 * @param partitioning how the table is partitioned ({@code @Partitioned}), or null for a plain table
 */
public record ModelDescriptor(
    String modelName,
    String modelClassName,
    String table,
    List<ColumnDescriptor> columns,
    String primaryKey,
    List<String> referencedTables,
    List<String> ddl,
    Statements statements,
    Retention retention,
    List<ForeignKeyDescriptor> foreignKeys,
    RowMapper<?> rowMapper,
    Partitioning partitioning) {

  public ModelDescriptor {
    columns = List.copyOf(columns);
    referencedTables = List.copyOf(referencedTables);
    ddl = List.copyOf(ddl);
    foreignKeys = List.copyOf(foreignKeys);
    if (retention != null) {
      checkTemporalColumn(table, columns, retention.column(), "the retention of " + table + " counts from ");
    }
    if (partitioning != null) {
      checkTemporalColumn(table, columns, partitioning.column(), "table " + table + " is partitioned by ");
    }
  }

  /** A model whose table is not partitioned. */
  public ModelDescriptor(
      String modelName,
      String modelClassName,
      String table,
      List<ColumnDescriptor> columns,
      String primaryKey,
      List<String> referencedTables,
      List<String> ddl,
      Statements statements,
      Retention retention,
      List<ForeignKeyDescriptor> foreignKeys,
      RowMapper<?> rowMapper) {
    this(modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        foreignKeys, rowMapper, null);
  }

  /** A model without a retention policy. */
  public ModelDescriptor(
      String modelName,
      String modelClassName,
      String table,
      List<ColumnDescriptor> columns,
      String primaryKey,
      List<String> referencedTables,
      List<String> ddl,
      Statements statements) {
    this(modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, null, List.of(),
        null);
  }

  /** A model without foreign keys in its descriptor, for descriptors written by hand. */
  public ModelDescriptor(
      String modelName,
      String modelClassName,
      String table,
      List<ColumnDescriptor> columns,
      String primaryKey,
      List<String> referencedTables,
      List<String> ddl,
      Statements statements,
      Retention retention) {
    this(modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        List.of(), null);
  }

  /** A model without a row mapper, for descriptors written by hand. */
  public ModelDescriptor(
      String modelName,
      String modelClassName,
      String table,
      List<ColumnDescriptor> columns,
      String primaryKey,
      List<String> referencedTables,
      List<String> ddl,
      Statements statements,
      Retention retention,
      List<ForeignKeyDescriptor> foreignKeys) {
    this(modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        foreignKeys, null);
  }

  /** This model with a retention policy; generated schemas of an {@code @Retain} model end with it. */
  public ModelDescriptor withRetention(Retention policy) {
    return new ModelDescriptor(
        modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, policy, foreignKeys,
        rowMapper, partitioning);
  }

  /** This model with its foreign keys; generated schemas of a model with {@code @References} fields call it. */
  public ModelDescriptor withForeignKeys(ForeignKeyDescriptor... keys) {
    return new ModelDescriptor(
        modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        List.of(keys), rowMapper, partitioning);
  }

  /** This model with its row mapper; every generated schema ends with it. */
  public ModelDescriptor withRowMapper(RowMapper<?> mapper) {
    return new ModelDescriptor(
        modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        foreignKeys, mapper, partitioning);
  }

  /**
   * This model with its table's partitioning; generated schemas of a {@code @Partitioned} model call it. The DDL
   * must create the table partitioned that way (the processor's does).
   */
  public ModelDescriptor withPartitioning(Partitioning value) {
    return new ModelDescriptor(
        modelName, modelClassName, table, columns, primaryKey, referencedTables, ddl, statements, retention,
        foreignKeys, rowMapper, value);
  }

  /** The column with this name, or null. */
  public ColumnDescriptor column(String name) {
    for (ColumnDescriptor c : columns) {
      if (c.name().equals(name)) {
        return c;
      }
    }
    return null;
  }

  /** The position of the named column in {@link #columns()}, or -1. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The key column. */
  public ColumnDescriptor keyColumn() {
    return column(primaryKey);
  }

  /** The {@code @Version} column, or null when the model has none. */
  public ColumnDescriptor versionColumn() {
    for (ColumnDescriptor c : columns) {
      if (c.version()) {
        return c;
      }
    }
    return null;
  }

  /** The columns scrubbed of personal data before they are stored ({@code @Pii(scrub = true)}), in table order. */
  public List<ColumnDescriptor> scrubbedColumns() {
    return columns.stream().filter(ColumnDescriptor::scrub).toList();
  }

  /** The {@code @PiiScrubbed} column, or null when the model has none. */
  public ColumnDescriptor piiScrubbedFlagColumn() {
    for (ColumnDescriptor c : columns) {
      if (c.piiScrubbedFlag()) {
        return c;
      }
    }
    return null;
  }

  /** The columns by name, in table order. */
  public Map<String, ColumnDescriptor> columnsByName() {
    Map<String, ColumnDescriptor> map = new LinkedHashMap<>();
    for (ColumnDescriptor c : columns) {
      map.put(c.name(), c);
    }
    return Collections.unmodifiableMap(map);
  }

  private static void checkTemporalColumn(String table, List<ColumnDescriptor> columns, String name, String what) {
    for (ColumnDescriptor c : columns) {
      if (c.name().equals(name)) {
        if (!c.javaType().isTemporal()) {
          throw new IllegalArgumentException(what + name + ", which holds no date or time");
        }
        return;
      }
    }
    throw new IllegalArgumentException(what + name + ", which is not one of its columns");
  }
}
