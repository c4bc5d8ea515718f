package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.List;

/** One DDL statement of a migration, as data; {@link MigrationSqlRenderer} turns it into SQL. */
public sealed interface MigrationStep {

  record RenameTable(String from, String to) implements MigrationStep {}

  record RenameColumn(String table, String from, String to) implements MigrationStep {}

  /** Renames a table constraint (PostgreSQL renames the index behind a primary key or unique constraint too). */
  record RenameConstraint(String table, String from, String to) implements MigrationStep {}

  record RenameIndex(String from, String to) implements MigrationStep {}

  /** Drops a foreign key, unique or check constraint. */
  record DropConstraint(String table, String name) implements MigrationStep {}

  record DropIndex(String name) implements MigrationStep {}

  record DropColumn(String table, String column) implements MigrationStep {}

  record DropTable(String table) implements MigrationStep {}

  /**
   * Creates a table with its key, unique and check constraints, and the foreign keys to tables that exist by then
   * ({@code foreignKeys}); the others are added later by {@link AddForeignKey}.
   */
  record CreateTable(TableSnapshot table, List<ForeignKeySchema> foreignKeys) implements MigrationStep {
    public CreateTable {
      foreignKeys = List.copyOf(foreignKeys);
    }
  }

  record CreateIndex(String table, IndexSchema index) implements MigrationStep {}

  record AddColumn(String table, ColumnSnapshot column) implements MigrationStep {}

  record AlterColumnType(String table, String column, String type) implements MigrationStep {}

  record DropNotNull(String table, String column) implements MigrationStep {}

  record SetDefault(String table, String column, String defaultValue) implements MigrationStep {}

  record DropDefault(String table, String column) implements MigrationStep {}

  record AddUnique(String table, UniqueConstraintSchema unique) implements MigrationStep {}

  record AddCheck(String table, CheckConstraintSchema check) implements MigrationStep {}

  record AddForeignKey(String table, ForeignKeySchema foreignKey) implements MigrationStep {}
}
