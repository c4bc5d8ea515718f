package dev.dataflow.processor.migrate;

import dev.dataflow.processor.migrate.PlanPart.Phase;
import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The declared renames ({@code @RenamedFrom}) that apply, and the committed snapshot as it is after they run, which
 * the rest of the planner compares with the current models.
 *
 * <p>A declaration applies only while the snapshot has the old name and not the new one: once its migration is
 * generated, the snapshot has moved on and the annotation is ignored.
 */
final class DeclaredRenames {
  private final PlanPart part;
  private final SchemaSnapshot renamedBefore;

  private DeclaredRenames(PlanPart part, SchemaSnapshot renamedBefore) {
    this.part = part;
    this.renamedBefore = renamedBefore;
  }

  static DeclaredRenames plan(SchemaSnapshot before, SchemaSnapshot after, Declarations declared) {
    PlanPart part = new PlanPart();
    // Old table name → current name.
    Map<String, String> tableRenames = new HashMap<>();
    for (Map.Entry<String, String> rename : declared.tablesRenamedFrom().entrySet()) {
      String current = rename.getKey();
      String old = rename.getValue();
      if (after.hasTable(current)
          && before.hasTable(old)
          && !before.hasTable(current)
          && !tableRenames.containsKey(old)) {
        tableRenames.put(old, current);
        part.step(Phase.RENAME, new MigrationStep.RenameTable(old, current));
        part.change("rename table " + old + " to " + current, "rename_" + old + "_to_" + current);
      }
    }
    // Current table name → (old column name → current name).
    Map<String, Map<String, String>> columnRenames = new HashMap<>();
    for (TableSnapshot table : after.tables()) {
      TableSnapshot old = before.table(oldTableName(tableRenames, table.name())).orElse(null);
      if (old == null) {
        continue;
      }
      Map<String, String> applied = new LinkedHashMap<>();
      for (Map.Entry<String, String> rename : declared.columnsRenamedFrom(table.name()).entrySet()) {
        String current = rename.getKey();
        String previous = rename.getValue();
        if (table.hasColumn(current)
            && old.hasColumn(previous)
            && !old.hasColumn(current)
            && !applied.containsKey(previous)) {
          applied.put(previous, current);
          part.step(Phase.RENAME, new MigrationStep.RenameColumn(table.name(), previous, current));
          part.change(
              "rename column " + table.name() + "." + previous + " to " + current,
              "rename_" + table.name() + "_" + previous + "_to_" + current);
        }
      }
      if (!applied.isEmpty()) {
        columnRenames.put(table.name(), applied);
      }
    }
    return new DeclaredRenames(part, apply(before, tableRenames, columnRenames));
  }

  /** The rename statements and their change lines. */
  PlanPart part() {
    return part;
  }

  /** The committed snapshot after the renames: new table and column names, old constraint and index names. */
  SchemaSnapshot renamedBefore() {
    return renamedBefore;
  }

  private static String oldTableName(Map<String, String> tableRenames, String current) {
    for (Map.Entry<String, String> rename : tableRenames.entrySet()) {
      if (rename.getValue().equals(current)) {
        return rename.getKey();
      }
    }
    return current;
  }

  private static SchemaSnapshot apply(
      SchemaSnapshot before, Map<String, String> tableRenames, Map<String, Map<String, String>> columnRenames) {
    List<TableSnapshot> tables = new ArrayList<>();
    for (TableSnapshot table : before.tables()) {
      String name = tableRenames.getOrDefault(table.name(), table.name());
      Function<String, String> column = c -> columnRenames.getOrDefault(name, Map.of()).getOrDefault(c, c);
      List<ColumnSnapshot> columns = new ArrayList<>();
      for (ColumnSnapshot c : table.columns()) {
        columns.add(new ColumnSnapshot(column.apply(c.name()), c.type(), c.nullable(), c.identity(), c.defaultValue()));
      }
      List<UniqueConstraintSchema> uniques = new ArrayList<>();
      for (UniqueConstraintSchema u : table.uniqueConstraints()) {
        uniques.add(new UniqueConstraintSchema(u.name(), u.columns().stream().map(column).toList()));
      }
      List<CheckConstraintSchema> checks = new ArrayList<>();
      for (CheckConstraintSchema c : table.checkConstraints()) {
        checks.add(new CheckConstraintSchema(c.name(), column.apply(c.column()), c.allowedValues()));
      }
      List<IndexSchema> indexes = new ArrayList<>();
      for (IndexSchema i : table.indexes()) {
        List<IndexSchema.IndexColumn> indexColumns = new ArrayList<>();
        for (IndexSchema.IndexColumn c : i.columns()) {
          indexColumns.add(new IndexSchema.IndexColumn(column.apply(c.name()), c.descending()));
        }
        indexes.add(new IndexSchema(i.name(), indexColumns, i.unique(), i.gin()));
      }
      List<ForeignKeySchema> foreignKeys = new ArrayList<>();
      for (ForeignKeySchema f : table.foreignKeys()) {
        String referenced = tableRenames.getOrDefault(f.referencedTable(), f.referencedTable());
        String referencedColumn =
            columnRenames.getOrDefault(referenced, Map.of()).getOrDefault(f.referencedColumn(), f.referencedColumn());
        foreignKeys.add(
            new ForeignKeySchema(f.name(), column.apply(f.column()), referenced, referencedColumn, f.onDelete()));
      }
      PrimaryKeySnapshot primaryKey =
          new PrimaryKeySnapshot(table.primaryKey().name(), table.primaryKey().columns().stream().map(column).toList());
      PartitionSchema partitioning =
          table.partitioning() == null
              ? null
              : new PartitionSchema(column.apply(table.partitioning().column()), table.partitioning().interval());
      tables.add(new TableSnapshot(name, columns, primaryKey, uniques, checks, indexes, foreignKeys, partitioning));
    }
    return new SchemaSnapshot(tables);
  }
}
