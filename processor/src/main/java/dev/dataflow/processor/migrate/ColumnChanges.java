package dev.dataflow.processor.migrate;

import dev.dataflow.processor.migrate.PlanPart.Phase;
import dev.dataflow.processor.schema.CheckConstraintSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The column-level part of a migration plan: dropped columns (when {@code @DroppedColumns} declares them), added
 * columns, altered columns (safe widenings, NOT NULL dropped, defaults), and enum CHECK constraints whose allowed
 * values changed. What is risky is refused as a {@link MigrationProblem} with the way out.
 */
final class ColumnChanges {
  private ColumnChanges() {}

  /**
   * The columns {@code old} (the committed table, after the declared renames) loses, gains and changes on the way
   * to {@code table}.
   *
   * @param droppable the columns {@code @DroppedColumns} allows to drop
   */
  static PlanPart plan(TableSnapshot old, TableSnapshot table, Set<String> droppable) {
    String name = table.name();
    PlanPart part = new PlanPart();
    for (String column : droppable) {
      if (table.hasColumn(column)) {
        part.refuse(
            name,
            column,
            "column "
                + name
                + "."
                + column
                + " is declared in @DroppedColumns, but a field still maps to it; remove \""
                + column
                + "\" from @DroppedColumns, or remove the field");
      }
    }
    List<String> added = new ArrayList<>();
    for (ColumnSnapshot column : table.columns()) {
      if (!old.hasColumn(column.name())) {
        added.add(column.name());
      }
    }
    for (ColumnSnapshot column : old.columns()) {
      if (table.hasColumn(column.name())) {
        continue;
      }
      if (droppable.contains(column.name())) {
        part.step(Phase.DROP_COLUMN, new MigrationStep.DropColumn(name, column.name()));
        part.change("drop column " + name + "." + column.name(), "drop_" + name + "_" + column.name());
      } else {
        part.refuse(name, null, vanishedColumn(name, column.name(), added));
      }
    }
    for (ColumnSnapshot column : table.columns()) {
      ColumnSnapshot previous = old.column(column.name()).orElse(null);
      if (previous == null) {
        addColumn(part, name, column);
      } else {
        alterColumn(part, name, previous, column);
      }
    }
    return part;
  }

  private static String vanishedColumn(String table, String column, List<String> added) {
    String candidates =
        added.isEmpty()
            ? "If a field replaces it"
            : "If the new column " + String.join(" or ", added) + " replaces it";
    return "column "
        + table
        + "."
        + column
        + " is in the committed schema snapshot, but no field maps to it any more. "
        + candidates
        + ", declare the rename on that field: @RenamedFrom(\""
        + column
        + "\"). If the column and its data should be dropped, declare it on this model: @DroppedColumns(\""
        + column
        + "\")";
  }

  private static void addColumn(PlanPart part, String table, ColumnSnapshot column) {
    if (column.identity()) {
      part.refuse(
          table,
          column.name(),
          "column "
              + table
              + "."
              + column.name()
              + " is a new generated key on an existing table; changing the key is not generated. Keep the"
              + " old key, or create a new model and copy the rows in a hand-written migration");
      return;
    }
    if (!column.nullable() && column.defaultValue() == null) {
      part.refuse(
          table,
          column.name(),
          "new column "
              + table
              + "."
              + column.name()
              + " is NOT NULL without a default, but table "
              + table
              + " may already have rows, which would have no value for it. Give it a default, for example"
              + " @Column(defaultValue = \"0\"), @Column(defaultValue = \"''\") or @Column(defaultValue ="
              + " \"now()\"), or make it nullable (a boxed type such as Integer, without"
              + " @Column(nullable = false))");
      return;
    }
    part.step(Phase.ADD_COLUMN, new MigrationStep.AddColumn(table, column));
    part.change("add column " + table + "." + column.name() + " " + column.type(), "add_" + table + "_" + column.name());
  }

  private static void alterColumn(PlanPart part, String table, ColumnSnapshot old, ColumnSnapshot column) {
    String where = table + "." + column.name();
    if (old.identity() != column.identity()) {
      part.refuse(
          table,
          column.name(),
          "column "
              + where
              + (column.identity() ? " became" : " is no longer")
              + " a generated identity key; changing how the key is generated is not generated. Keep the"
              + " key's type, or create a new model and copy the rows in a hand-written migration");
      return;
    }
    if (!old.type().equals(column.type())) {
      if (TypeWidening.isSafe(old.type(), column.type())) {
        part.step(Phase.ALTER_COLUMN, new MigrationStep.AlterColumnType(table, column.name(), column.type()));
        part.change("widen " + where + " from " + old.type() + " to " + column.type(), "alter_" + table + "_" + column.name());
      } else {
        part.refuse(
            table,
            column.name(),
            "changing column "
                + where
                + " from "
                + old.type()
                + " to "
                + column.type()
                + " is not a safe widening: existing values could be cut, rounded or rejected, so it is not"
                + " generated. Keep the old type; or add a new field with the new type, copy and convert"
                + " the values in a hand-written migration, and then remove the old field and declare"
                + " @DroppedColumns(\""
                + column.name()
                + "\") on the model. Safe widenings are generated: SMALLINT to INTEGER or BIGINT, INTEGER to"
                + " BIGINT, REAL to DOUBLE PRECISION, VARCHAR(n) to a longer VARCHAR or TEXT, NUMERIC(p,s)"
                + " to a larger precision with the same scale or to NUMERIC");
      }
    }
    if (!old.nullable() && column.nullable()) {
      part.step(Phase.ALTER_COLUMN, new MigrationStep.DropNotNull(table, column.name()));
      part.change("make " + where + " nullable", "alter_" + table + "_" + column.name());
    } else if (old.nullable() && !column.nullable()) {
      part.refuse(
          table,
          column.name(),
          "column "
              + where
              + " changed from nullable to NOT NULL; rows that hold NULL would make the migration fail, so it"
              + " is not generated. Keep it nullable (and check for null in code); or add a new NOT NULL field"
              + " with @Column(defaultValue = \"...\"), copy the values in a hand-written migration, then"
              + " remove this field and declare @DroppedColumns(\""
              + column.name()
              + "\") on the model");
    }
    if (!Objects.equals(old.defaultValue(), column.defaultValue())) {
      if (column.defaultValue() == null) {
        part.step(Phase.ALTER_COLUMN, new MigrationStep.DropDefault(table, column.name()));
        part.change("drop the default of " + where, "alter_" + table + "_" + column.name());
      } else {
        part.step(Phase.ALTER_COLUMN, new MigrationStep.SetDefault(table, column.name(), column.defaultValue()));
        part.change("set the default of " + where + " to " + column.defaultValue(), "alter_" + table + "_" + column.name());
      }
    }
  }

  /** An enum column may gain constants; losing one would reject rows that still hold it. */
  static PlanPart enumValues(TableSnapshot old, TableSnapshot table) {
    PlanPart part = new PlanPart();
    for (CheckConstraintSchema check : table.checkConstraints()) {
      for (CheckConstraintSchema previous : old.checkConstraints()) {
        if (!previous.column().equals(check.column())) {
          continue;
        }
        List<String> removed =
            previous.allowedValues().stream().filter(v -> !check.allowedValues().contains(v)).toList();
        if (!removed.isEmpty()) {
          part.refuse(
              table.name(),
              check.column(),
              "enum column "
                  + table.name()
                  + "."
                  + check.column()
                  + " lost the values "
                  + removed
                  + "; rows may still hold them, so narrowing its CHECK constraint is not generated. Keep the"
                  + " constants (you may mark them @Deprecated); or add a new enum field, copy and map the"
                  + " values in a hand-written migration, then remove this field and declare"
                  + " @DroppedColumns(\""
                  + check.column()
                  + "\") on the model");
        }
      }
    }
    return part;
  }
}
