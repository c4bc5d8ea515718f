package dev.dataflow.processor.migrate;

import dev.dataflow.processor.migrate.PlanPart.Phase;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The table-level part of a migration plan: tables no model maps to any more (dropped when {@code @DroppedTables}
 * declares them, refused otherwise) and new tables, created in an order PostgreSQL accepts.
 */
final class TableChanges {
  private TableChanges() {}

  /**
   * The tables of {@code renamed} (the committed snapshot after the declared renames) that {@code after} no longer
   * has, and the {@code @DroppedTables} declarations that contradict {@code after}.
   */
  static PlanPart dropped(SchemaSnapshot renamed, SchemaSnapshot after, Set<String> droppable) {
    PlanPart part = new PlanPart();
    for (String table : droppable) {
      if (after.hasTable(table)) {
        part.refuse(
            table,
            null,
            "table "
                + table
                + " is declared in @DroppedTables, but this model still maps to it; remove \""
                + table
                + "\" from @DroppedTables, or remove the model");
      }
    }
    List<TableSnapshot> dropped = new ArrayList<>();
    for (TableSnapshot old : renamed.tables()) {
      if (after.hasTable(old.name())) {
        continue;
      }
      if (droppable.contains(old.name())) {
        dropped.add(old);
      } else {
        part.refuse(
            old.name(),
            null,
            "table "
                + old.name()
                + " is in the committed schema snapshot, but no @Model maps to it any more. If a model now"
                + " uses another table name, declare the rename on that model: @RenamedFrom(\""
                + old.name()
                + "\"). If the table and all its rows should be dropped, declare it on any class or"
                + " package-info of this module: @DroppedTables(\""
                + old.name()
                + "\")");
      }
    }
    Set<String> droppedNames = new HashSet<>();
    dropped.forEach(t -> droppedNames.add(t.name()));
    for (TableSnapshot table : dropped) {
      // Foreign keys between dropped tables go first, so the tables can go in any order.
      for (ForeignKeySchema fk : table.foreignKeys()) {
        if (droppedNames.contains(fk.referencedTable()) && !fk.referencedTable().equals(table.name())) {
          part.step(Phase.DROP_FOREIGN_KEY, new MigrationStep.DropConstraint(table.name(), fk.name()));
        }
      }
      part.step(Phase.DROP_TABLE, new MigrationStep.DropTable(table.name()));
      part.change("drop table " + table.name(), "drop_" + table.name());
    }
    return part;
  }

  /**
   * {@code created} (tables of {@code after}), each after the new tables it references and followed by its indexes;
   * a cycle is broken with a later {@code ADD CONSTRAINT}.
   */
  static PlanPart created(List<TableSnapshot> created, SchemaSnapshot after) {
    PlanPart part = new PlanPart();
    Set<String> pending = new TreeSet<>();
    created.forEach(t -> pending.add(t.name()));
    while (!pending.isEmpty()) {
      TableSnapshot next = null;
      for (String name : pending) {
        TableSnapshot candidate = after.table(name).orElseThrow();
        boolean ready = true;
        for (ForeignKeySchema fk : candidate.foreignKeys()) {
          if (!fk.referencedTable().equals(name) && pending.contains(fk.referencedTable())) {
            ready = false;
          }
        }
        if (ready) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        next = after.table(pending.iterator().next()).orElseThrow();
      }
      pending.remove(next.name());
      List<ForeignKeySchema> inline = new ArrayList<>();
      for (ForeignKeySchema fk : next.foreignKeys()) {
        if (fk.referencedTable().equals(next.name()) || !pending.contains(fk.referencedTable())) {
          inline.add(fk);
        } else {
          part.step(Phase.ADD_FOREIGN_KEY, new MigrationStep.AddForeignKey(next.name(), fk));
        }
      }
      part.step(Phase.CREATE_TABLE, new MigrationStep.CreateTable(next, inline));
      for (IndexSchema index : next.indexes()) {
        part.step(Phase.CREATE_TABLE, new MigrationStep.CreateIndex(next.name(), index));
      }
      if (next.partitioning() != null) {
        String sqlType = next.column(next.partitioning().column()).orElseThrow().type();
        part.step(
            Phase.CREATE_TABLE, new MigrationStep.CreatePartitions(next.name(), next.partitioning(), sqlType, null));
        part.step(Phase.CREATE_TABLE, new MigrationStep.CreateDefaultPartition(next.name()));
      }
      part.change("create table " + next.name(), "create_" + next.name());
    }
    return part;
  }
}
