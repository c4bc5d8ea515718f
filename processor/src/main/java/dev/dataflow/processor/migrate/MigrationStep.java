package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
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

  /**
   * The {@code DO} block that creates the partitions of the current and next interval of a partitioned table, and
   * of every interval holding a row of {@code rowsOf} when that is not null (the table whose rows move in).
   */
  record CreatePartitions(String table, PartitionSchema partitioning, String sqlType, String rowsOf)
      implements MigrationStep {}

  record CreateDefaultPartition(String table) implements MigrationStep {}

  /**
   * Renames the identity sequence of {@code table.column} to {@code <table>_<column>_seq}, so that the new table
   * taking over the old one's name gets the sequence name the old one had.
   */
  record RenameIdentitySequence(String table, String column) implements MigrationStep {}

  /** {@code insert into "to" (columns) select columns from "from"}. */
  record CopyRows(String from, String to, List<String> columns) implements MigrationStep {
    public CopyRows {
      columns = List.copyOf(columns);
    }
  }

  /**
   * Sets the identity sequence of {@code table.column} so that it continues after the old table's: after both its
   * sequence's last value and the highest key of its rows.
   */
  record ContinueIdentity(String table, String column, String from) implements MigrationStep {}
}
