package dev.dataflow.processor.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything the writers need to know about one {@code @Model}, computed once by the scanner. Free of
 * {@code javax.lang.model} types so it can be compared and serialised.
 *
 * @param modelName the simple class name ({@code ConversationSession})
 * @param packageName the model's package, where generated classes go
 * @param qualifiedName the model's canonical class name
 * @param table the table name
 * @param columns the columns in table order: key, fields, {@code created_at}, {@code updated_at}
 * @param primaryKey the key column's name
 * @param uniqueConstraints single-column unique constraints
 * @param checkConstraints enum CHECK constraints
 * @param indexes the indexes, in declaration order
 * @param foreignKeys the foreign keys, in column order
 * @param migrationHints the renames and drops the model declares for its next migration
 * @param retention the model's {@code @Retain}, or null when it has none
 * @param partitioning the model's {@code @Partitioned}, or null when its table is not partitioned
 * @param access how generated code builds an instance and reads its fields
 */
public record ModelSchema(
    String modelName,
    String packageName,
    String qualifiedName,
    String table,
    List<ColumnSchema> columns,
    String primaryKey,
    List<UniqueConstraintSchema> uniqueConstraints,
    List<CheckConstraintSchema> checkConstraints,
    List<IndexSchema> indexes,
    List<ForeignKeySchema> foreignKeys,
    MigrationHints migrationHints,
    RetentionSchema retention,
    PartitionSchema partitioning,
    ModelAccess access) {

  public ModelSchema {
    columns = List.copyOf(columns);
    uniqueConstraints = List.copyOf(uniqueConstraints);
    checkConstraints = List.copyOf(checkConstraints);
    indexes = List.copyOf(indexes);
    foreignKeys = List.copyOf(foreignKeys);
  }

  /** The name of the primary-key constraint, {@code pk_<table>}. */
  public String primaryKeyConstraint() {
    return "pk_" + table;
  }

  /**
   * The columns of the primary-key constraint: the key column, and the partition column of a partitioned table
   * (PostgreSQL requires it in every key of a partitioned table).
   */
  public List<String> primaryKeyColumns() {
    return partitioning == null ? List.of(primaryKey) : List.of(primaryKey, partitioning.column());
  }

  /** The key column. */
  public ColumnSchema keyColumn() {
    return column(primaryKey).orElseThrow();
  }

  /** The column with this name. */
  public Optional<ColumnSchema> column(String name) {
    return columns.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  /** The {@code @Version} column, if the model has one. */
  public Optional<ColumnSchema> versionColumn() {
    return columns.stream().filter(ColumnSchema::version).findFirst();
  }

  /** The columns a create binds: every non-generated column, in table order. */
  public List<ColumnSchema> insertColumns() {
    return columns.stream().filter(ColumnSchema::writable).toList();
  }

  /**
   * The columns a create that gives no defaulted column binds: {@link #insertColumns()} without the columns that have
   * a default, except the {@code @Pii} flag column, which every create sets.
   */
  public List<ColumnSchema> insertColumnsOmittingDefaults() {
    return columns.stream().filter(c -> c.writable() && (!c.hasDefault() || c.piiScrubbedFlag())).toList();
  }

  /**
   * The columns an update by key sets from parameters: every non-generated, non-key column, in table order (the
   * {@code @Version} column is generated: the update bumps it).
   */
  public List<ColumnSchema> updateColumns() {
    return columns.stream().filter(c -> c.writable() && !c.primaryKey()).toList();
  }

  /** The tables the foreign keys point to, other than this model's own, without repeats, in order. */
  public List<String> referencedTables() {
    List<String> tables = new ArrayList<>();
    for (ForeignKeySchema fk : foreignKeys) {
      if (!fk.referencedTable().equals(table) && !tables.contains(fk.referencedTable())) {
        tables.add(fk.referencedTable());
      }
    }
    return List.copyOf(tables);
  }
}
