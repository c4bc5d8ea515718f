package dev.dataflow.processor.migrate;

import dev.dataflow.processor.migrate.PlanPart.Phase;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A table whose partitioning changes. The one change generated is a plain table becoming partitioned
 * ({@code @Partitioned} added): the old table is renamed to {@code <table>_unpartitioned}, loses its key, unique
 * constraints and indexes (whose names the new table takes) and its identity sequence's name; the partitioned table
 * is created under the old name with the model's constraints and indexes, its partitions (every interval holding a
 * row, and the next one) and its default partition; the rows are copied, the identity continues after the old
 * table's, and the old table is dropped. All of it runs in the migration's transaction, so a failure leaves the old
 * table as it was. Any other change of partitioning, or a table that becomes partitioned while its columns also
 * change, is refused with the recipe.
 */
final class PartitionChanges {
  private PartitionChanges() {}

  /** Whether {@code old} and {@code table} differ in partitioning (then this class plans the whole table). */
  static boolean changed(TableSnapshot old, TableSnapshot table) {
    return !Objects.equals(old.partitioning(), table.partitioning());
  }

  static PlanPart plan(TableSnapshot old, TableSnapshot table) {
    PlanPart part = new PlanPart();
    String name = table.name();
    PartitionSchema before = old.partitioning();
    PartitionSchema after = table.partitioning();
    if (before != null) {
      String what =
          after == null
              ? "is no longer @Partitioned (it was by " + before.column() + ", " + before.interval() + ")"
              : "changes its partitioning from by " + before.column() + ", " + before.interval() + " to by "
                  + after.column() + ", " + after.interval();
      part.refuse(
          name,
          null,
          "table "
              + name
              + " "
              + what
              + "; repartitioning a table is not generated. Keep the old @Partitioned, or write the migration by hand:"
              + " rename the table to "
              + name
              + "_old, create the new table (its DDL is in the model's generated Schema class), copy the rows with"
              + " insert ... select, continue the identity with setval, drop "
              + name
              + "_old with its partitions; then update dataflow-schema.json by generating into an empty folder and"
              + " copying the snapshot");
      return part;
    }
    if (!old.columns().equals(table.columns())) {
      part.refuse(
          name,
          null,
          "table "
              + name
              + " becomes @Partitioned while its columns also change; the generated conversion copies the rows"
              + " column for column, so make the column changes in one migration (without @Partitioned) and"
              + " add @Partitioned in the next");
      return part;
    }
    String unpartitioned = name + "_unpartitioned";
    String key = old.primaryKey().columns().get(0);
    boolean identity = old.column(key).map(ColumnSnapshot::identity).orElse(false);
    part.step(Phase.CONVERT_TABLE, new MigrationStep.RenameTable(name, unpartitioned));
    part.step(Phase.CONVERT_TABLE, new MigrationStep.DropConstraint(unpartitioned, old.primaryKey().name()));
    for (UniqueConstraintSchema unique : old.uniqueConstraints()) {
      part.step(Phase.CONVERT_TABLE, new MigrationStep.DropConstraint(unpartitioned, unique.name()));
    }
    for (IndexSchema index : old.indexes()) {
      part.step(Phase.CONVERT_TABLE, new MigrationStep.DropIndex(index.name()));
    }
    if (identity) {
      part.step(Phase.CONVERT_TABLE, new MigrationStep.RenameIdentitySequence(unpartitioned, key));
    }
    part.step(Phase.CONVERT_TABLE, new MigrationStep.CreateTable(table, table.foreignKeys()));
    for (IndexSchema index : table.indexes()) {
      part.step(Phase.CONVERT_TABLE, new MigrationStep.CreateIndex(name, index));
    }
    String sqlType = table.column(after.column()).orElseThrow().type();
    part.step(Phase.CONVERT_TABLE, new MigrationStep.CreatePartitions(name, after, sqlType, unpartitioned));
    part.step(Phase.CONVERT_TABLE, new MigrationStep.CreateDefaultPartition(name));
    List<String> columns = new ArrayList<>();
    table.columns().forEach(c -> columns.add(c.name()));
    part.step(Phase.CONVERT_TABLE, new MigrationStep.CopyRows(unpartitioned, name, columns));
    if (identity) {
      part.step(Phase.CONVERT_TABLE, new MigrationStep.ContinueIdentity(name, key, unpartitioned));
    }
    part.step(Phase.CONVERT_TABLE, new MigrationStep.DropTable(unpartitioned));
    part.change(
        "partition table "
            + name
            + " by range of "
            + after.column()
            + " ("
            + after.interval()
            + "): its rows move to the new partitioned table",
        "partition_" + name);
    return part;
  }
}
