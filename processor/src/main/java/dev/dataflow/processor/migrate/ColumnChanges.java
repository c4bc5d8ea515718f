package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The column-level part of a migration plan: added columns, altered columns (safe widenings, NOT NULL dropped,
 * defaults), and enum CHECK constraints whose allowed values changed. What is risky is refused as a
 * {@link MigrationProblem} with the way out.
 */
final class ColumnChanges {
  private final List<MigrationStep> addColumns;
  private final List<MigrationStep> alterColumns;
  private final List<MigrationProblem> problems;
  /** Records a change: its summary line and its file-name slug (or null). */
  private final BiConsumer<String, String> change;

  ColumnChanges(List<MigrationStep> addColumns, List<MigrationStep> alterColumns, List<MigrationProblem> problems,
      BiConsumer<String, String> change) {
    this.addColumns = addColumns;
    this.alterColumns = alterColumns;
    this.problems = problems;
    this.change = change;
  }

  void addColumn(String table, ColumnSnapshot column) {
    if (column.identity()) {
      problems.add(
          new MigrationProblem(
              table,
              column.name(),
              "column "
                  + table
                  + "."
                  + column.name()
                  + " is a new generated key on an existing table; changing the key is not generated. Keep the"
                  + " old key, or create a new model and copy the rows in a hand-written migration"));
      return;
    }
    if (!column.nullable() && column.defaultValue() == null) {
      problems.add(
          new MigrationProblem(
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
                  + " @Column(nullable = false))"));
      return;
    }
    addColumns.add(new MigrationStep.AddColumn(table, column));
    change.accept("add column " + table + "." + column.name() + " " + column.type(), "add_" + table + "_" + column.name());
  }

  void alterColumn(String table, ColumnSnapshot old, ColumnSnapshot column) {
    String where = table + "." + column.name();
    if (old.identity() != column.identity()) {
      problems.add(
          new MigrationProblem(
              table,
              column.name(),
              "column "
                  + where
                  + (column.identity() ? " became" : " is no longer")
                  + " a generated identity key; changing how the key is generated is not generated. Keep the"
                  + " key's type, or create a new model and copy the rows in a hand-written migration"));
      return;
    }
    if (!old.type().equals(column.type())) {
      if (TypeWidening.isSafe(old.type(), column.type())) {
        alterColumns.add(new MigrationStep.AlterColumnType(table, column.name(), column.type()));
        change.accept("widen " + where + " from " + old.type() + " to " + column.type(), "alter_" + table + "_" + column.name());
      } else {
        problems.add(
            new MigrationProblem(
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
                    + " to a larger precision with the same scale or to NUMERIC"));
      }
    }
    if (!old.nullable() && column.nullable()) {
      alterColumns.add(new MigrationStep.DropNotNull(table, column.name()));
      change.accept("make " + where + " nullable", "alter_" + table + "_" + column.name());
    } else if (old.nullable() && !column.nullable()) {
      problems.add(
          new MigrationProblem(
              table,
              column.name(),
              "column "
                  + where
                  + " changed from nullable to NOT NULL; rows that hold NULL would make the migration fail, so it"
                  + " is not generated. Keep it nullable (and check for null in code); or add a new NOT NULL field"
                  + " with @Column(defaultValue = \"...\"), copy the values in a hand-written migration, then"
                  + " remove this field and declare @DroppedColumns(\""
                  + column.name()
                  + "\") on the model"));
    }
    if (!Objects.equals(old.defaultValue(), column.defaultValue())) {
      if (column.defaultValue() == null) {
        alterColumns.add(new MigrationStep.DropDefault(table, column.name()));
        change.accept("drop the default of " + where, "alter_" + table + "_" + column.name());
      } else {
        alterColumns.add(new MigrationStep.SetDefault(table, column.name(), column.defaultValue()));
        change.accept("set the default of " + where + " to " + column.defaultValue(), "alter_" + table + "_" + column.name());
      }
    }
  }

  /** An enum column may gain constants; losing one would reject rows that still hold it. */
  void checkEnumValues(TableSnapshot old, TableSnapshot table) {
    for (CheckConstraintSchema check : table.checkConstraints()) {
      for (CheckConstraintSchema previous : old.checkConstraints()) {
        if (!previous.column().equals(check.column())) {
          continue;
        }
        List<String> removed =
            previous.allowedValues().stream().filter(v -> !check.allowedValues().contains(v)).toList();
        if (!removed.isEmpty()) {
          problems.add(
              new MigrationProblem(
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
                      + "\") on the model"));
        }
      }
    }
  }
}
