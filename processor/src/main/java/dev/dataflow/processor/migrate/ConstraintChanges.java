package dev.dataflow.processor.migrate;

import dev.dataflow.processor.migrate.PlanPart.Phase;
import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.List;

/**
 * The constraint-level part of a migration plan for a table that exists before and after: its key, unique and check
 * constraints, indexes and foreign keys. Constraints are matched by what they do, not only by name (see
 * {@link ConstraintMatch}), so one whose generated name followed a renamed table or column is renamed, not rebuilt.
 */
final class ConstraintChanges {
  private ConstraintChanges() {}

  /** The key's constraint is renamed when its name followed the table; a changed key is refused. */
  static PlanPart primaryKey(TableSnapshot old, TableSnapshot table) {
    String name = table.name();
    PlanPart part = new PlanPart();
    if (!old.primaryKey().columns().equals(table.primaryKey().columns())) {
      part.refuse(
          name,
          null,
          "the key of table "
              + name
              + " changed from "
              + old.primaryKey().columns()
              + " to "
              + table.primaryKey().columns()
              + "; changing a primary key (and every foreign key pointing at it) is not generated. Keep the"
              + " old key, or create a new model with the new key and copy the rows in a hand-written"
              + " migration");
    } else if (!old.primaryKey().name().equals(table.primaryKey().name())) {
      part.step(
          Phase.RENAME_CONSTRAINT,
          new MigrationStep.RenameConstraint(name, old.primaryKey().name(), table.primaryKey().name()));
      part.change("rename constraint " + old.primaryKey().name() + " to " + table.primaryKey().name(), null);
    }
    return part;
  }

  /** Unique and check constraints, indexes and foreign keys; of each kind, the renames, then drops, then adds. */
  static PlanPart plan(TableSnapshot old, TableSnapshot table) {
    return uniques(old, table).add(checks(old, table)).add(indexes(old, table)).add(foreignKeys(old, table));
  }

  private static PlanPart uniques(TableSnapshot old, TableSnapshot table) {
    String name = table.name();
    ConstraintMatch<UniqueConstraintSchema> match =
        ConstraintMatch.of(
            old.uniqueConstraints(), table.uniqueConstraints(), UniqueConstraintSchema::name, UniqueConstraintSchema::columns);
    PlanPart part = renamedConstraints(name, match.renamed());
    for (UniqueConstraintSchema u : match.dropped()) {
      part.step(Phase.DROP_CONSTRAINT, new MigrationStep.DropConstraint(name, u.name()));
      part.change("drop unique constraint " + u.name() + " on " + name, "drop_" + u.name());
    }
    for (UniqueConstraintSchema u : match.added()) {
      part.step(Phase.ADD_CONSTRAINT, new MigrationStep.AddUnique(name, u));
      part.change("add unique constraint " + u.name() + " on " + name + " " + u.columns(), "add_" + u.name());
    }
    return part;
  }

  private static PlanPart checks(TableSnapshot old, TableSnapshot table) {
    String name = table.name();
    ConstraintMatch<CheckConstraintSchema> match =
        ConstraintMatch.of(
            old.checkConstraints(),
            table.checkConstraints(),
            CheckConstraintSchema::name,
            c -> List.of(c.column(), c.allowedValues()));
    PlanPart part = renamedConstraints(name, match.renamed());
    for (CheckConstraintSchema c : match.dropped()) {
      part.step(Phase.DROP_CONSTRAINT, new MigrationStep.DropConstraint(name, c.name()));
      part.change("drop check constraint " + c.name() + " on " + name, null);
    }
    for (CheckConstraintSchema c : match.added()) {
      part.step(Phase.ADD_CONSTRAINT, new MigrationStep.AddCheck(name, c));
      part.change(
          "add check constraint " + c.name() + " on " + name + ": " + c.column() + " in " + c.allowedValues(),
          "allow_" + name + "_" + c.column() + "_values");
    }
    return part;
  }

  private static PlanPart indexes(TableSnapshot old, TableSnapshot table) {
    String name = table.name();
    ConstraintMatch<IndexSchema> match =
        ConstraintMatch.of(
            old.indexes(), table.indexes(), IndexSchema::name, i -> List.of(i.columns(), i.unique(), i.gin()));
    PlanPart part = new PlanPart();
    for (ConstraintMatch.Rename rename : match.renamed()) {
      part.step(Phase.RENAME_CONSTRAINT, new MigrationStep.RenameIndex(rename.from(), rename.to()));
      part.change("rename index " + rename.from() + " to " + rename.to(), null);
    }
    for (IndexSchema i : match.dropped()) {
      part.step(Phase.DROP_INDEX, new MigrationStep.DropIndex(i.name()));
      part.change("drop index " + i.name() + " on " + name, "drop_" + i.name());
    }
    for (IndexSchema i : match.added()) {
      part.step(Phase.ADD_INDEX, new MigrationStep.CreateIndex(name, i));
      part.change("create index " + i.name() + " on " + name, "add_" + i.name());
    }
    return part;
  }

  private static PlanPart foreignKeys(TableSnapshot old, TableSnapshot table) {
    String name = table.name();
    ConstraintMatch<ForeignKeySchema> match =
        ConstraintMatch.of(
            old.foreignKeys(),
            table.foreignKeys(),
            ForeignKeySchema::name,
            f -> List.of(f.column(), f.referencedTable(), f.referencedColumn(), f.onDelete()));
    PlanPart part = renamedConstraints(name, match.renamed());
    for (ForeignKeySchema f : match.dropped()) {
      part.step(Phase.DROP_FOREIGN_KEY, new MigrationStep.DropConstraint(name, f.name()));
      part.change("drop foreign key " + f.name() + " on " + name, "drop_" + f.name());
    }
    for (ForeignKeySchema f : match.added()) {
      part.step(Phase.ADD_FOREIGN_KEY, new MigrationStep.AddForeignKey(name, f));
      part.change("add foreign key " + f.name() + " on " + name + " to " + f.referencedTable(), "add_" + f.name());
    }
    return part;
  }

  /** A new part holding the renames of table constraints (indexes are renamed by their own statement). */
  private static PlanPart renamedConstraints(String table, List<ConstraintMatch.Rename> renames) {
    PlanPart part = new PlanPart();
    for (ConstraintMatch.Rename rename : renames) {
      part.step(Phase.RENAME_CONSTRAINT, new MigrationStep.RenameConstraint(table, rename.from(), rename.to()));
      part.change("rename constraint " + rename.from() + " to " + rename.to(), null);
    }
    return part;
  }
}
