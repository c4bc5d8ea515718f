package dev.dataflow.processor.migrate;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares the committed snapshot with the current models and plans the migration between them. Safe changes are
 * planned; a change that could lose or reject data is a {@link MigrationProblem} unless the models declare it
 * ({@code @RenamedFrom}, {@code @DroppedColumns}, {@code @DroppedTables}), and one that can never be generated safely
 * (narrowing a type, nullable to NOT NULL, removing enum values, changing the key) is always a problem.
 *
 * <p>Declared renames are applied to the old snapshot first ({@link DeclaredRenames}); tables ({@link TableChanges}),
 * columns ({@link ColumnChanges}) and constraints ({@link ConstraintChanges}) are then compared with it. Each helper
 * returns its {@link PlanPart}; the planner adds them up in this order, which is the order of the change lines.
 *
 * <p>Statement order ({@link PlanPart.Phase}): table renames, column renames, dropped constraints and indexes,
 * constraint and index renames, dropped columns, dropped tables, new tables (referenced before referencing, each
 * followed by its indexes and, when partitioned, its partitions), tables becoming partitioned
 * ({@link PartitionChanges}), new columns, altered columns, new constraints, new indexes, new foreign keys.
 */
public final class MigrationPlanner {

  public MigrationPlan plan(SchemaSnapshot before, SchemaSnapshot after, Declarations declared) {
    DeclaredRenames renames = DeclaredRenames.plan(before, after, declared);
    SchemaSnapshot renamed = renames.renamedBefore();
    PlanPart plan = new PlanPart().add(renames.part()).add(TableChanges.dropped(renamed, after, declared.droppedTables()));
    List<TableSnapshot> created = new ArrayList<>();
    for (TableSnapshot table : after.tables()) {
      TableSnapshot old = renamed.table(table.name()).orElse(null);
      if (old == null) {
        created.add(table);
      } else {
        plan.add(changedTable(old, table, declared));
      }
    }
    return plan.add(TableChanges.created(created, after)).toPlan();
  }

  /** A table that exists before (after the declared renames) and after. */
  private static PlanPart changedTable(TableSnapshot old, TableSnapshot table, Declarations declared) {
    if (PartitionChanges.changed(old, table)) {
      return PartitionChanges.plan(old, table);
    }
    return ColumnChanges.plan(old, table, declared.droppedColumns(table.name()))
        .add(ConstraintChanges.primaryKey(old, table))
        .add(ColumnChanges.enumValues(old, table))
        .add(ConstraintChanges.plan(old, table));
  }
}
