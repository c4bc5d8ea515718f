package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Compares the committed snapshot with the current models and plans the migration between them. Safe changes are
 * planned; a change that could lose or reject data is a {@link MigrationProblem} unless the models declare it
 * ({@code @RenamedFrom}, {@code @DroppedColumns}, {@code @DroppedTables}), and one that can never be generated safely
 * (narrowing a type, nullable to NOT NULL, removing enum values, changing the key) is always a problem.
 *
 * <p>Declared renames are applied to the old snapshot first; constraints and indexes are then matched by what they
 * do, not only by name, so one whose generated name followed a renamed table or column is renamed, not rebuilt.
 *
 * <p>Statement order: table renames, column renames, dropped constraints and indexes, constraint and index renames,
 * dropped columns, dropped tables, new tables (referenced before referencing, each followed by its indexes), new
 * columns, altered columns, new constraints, new indexes, new foreign keys.
 */
public final class MigrationPlanner {

  public MigrationPlan plan(SchemaSnapshot before, SchemaSnapshot after, Declarations declared) {
    return new Run(before, after, declared).plan();
  }

  private static final class Run {
    private final SchemaSnapshot before;
    private final SchemaSnapshot after;
    private final Declarations declared;

    private final List<String> changes = new ArrayList<>();
    private final List<String> slugs = new ArrayList<>();
    private final List<MigrationProblem> problems = new ArrayList<>();

    private final List<MigrationStep> renames = new ArrayList<>();
    private final List<MigrationStep> dropForeignKeys = new ArrayList<>();
    private final List<MigrationStep> dropConstraints = new ArrayList<>();
    private final List<MigrationStep> dropIndexes = new ArrayList<>();
    private final List<MigrationStep> renameConstraints = new ArrayList<>();
    private final List<MigrationStep> dropColumns = new ArrayList<>();
    private final List<MigrationStep> dropTables = new ArrayList<>();
    private final List<MigrationStep> createTables = new ArrayList<>();
    private final List<MigrationStep> addColumns = new ArrayList<>();
    private final List<MigrationStep> alterColumns = new ArrayList<>();
    private final List<MigrationStep> addConstraints = new ArrayList<>();
    private final List<MigrationStep> addIndexes = new ArrayList<>();
    private final List<MigrationStep> addForeignKeys = new ArrayList<>();

    /** Old table name → current name, for declared table renames that apply. */
    private final Map<String, String> tableRenames = new HashMap<>();
    /** Current table name → (old column name → current name), for declared column renames that apply. */
    private final Map<String, Map<String, String>> columnRenames = new HashMap<>();
    private final ColumnChanges columnChanges = new ColumnChanges(addColumns, alterColumns, problems, this::change);

    Run(SchemaSnapshot before, SchemaSnapshot after, Declarations declared) {
      this.before = before;
      this.after = after;
      this.declared = declared;
    }

    MigrationPlan plan() {
      planRenames();
      SchemaSnapshot renamed = applyRenames();
      planTables(renamed);
      List<MigrationStep> steps = new ArrayList<>();
      for (List<MigrationStep> phase :
          List.of(
              renames,
              dropForeignKeys,
              dropConstraints,
              dropIndexes,
              renameConstraints,
              dropColumns,
              dropTables,
              createTables,
              addColumns,
              alterColumns,
              addConstraints,
              addIndexes,
              addForeignKeys)) {
        steps.addAll(phase);
      }
      return new MigrationPlan(changes, slugs, steps, problems);
    }

    private void change(String summary, String slug) {
      changes.add(summary);
      if (slug != null) {
        slugs.add(slug);
      }
    }

    // A declaration applies only while the snapshot has the old name and not the new one: once its migration is
    // generated, the snapshot has moved on and the annotation is ignored.
    private void planRenames() {
      for (Map.Entry<String, String> rename : declared.tablesRenamedFrom().entrySet()) {
        String current = rename.getKey();
        String old = rename.getValue();
        if (after.hasTable(current)
            && before.hasTable(old)
            && !before.hasTable(current)
            && !tableRenames.containsKey(old)) {
          tableRenames.put(old, current);
          renames.add(new MigrationStep.RenameTable(old, current));
          change("rename table " + old + " to " + current, "rename_" + old + "_to_" + current);
        }
      }
      for (TableSnapshot table : after.tables()) {
        TableSnapshot old = before.table(oldTableName(table.name())).orElse(null);
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
            renames.add(new MigrationStep.RenameColumn(table.name(), previous, current));
            change(
                "rename column " + table.name() + "." + previous + " to " + current,
                "rename_" + table.name() + "_" + previous + "_to_" + current);
          }
        }
        if (!applied.isEmpty()) {
          columnRenames.put(table.name(), applied);
        }
      }
    }

    private String oldTableName(String current) {
      for (Map.Entry<String, String> rename : tableRenames.entrySet()) {
        if (rename.getValue().equals(current)) {
          return rename.getKey();
        }
      }
      return current;
    }

    /** The old snapshot as it is after the renames run: new table and column names, old constraint names. */
    private SchemaSnapshot applyRenames() {
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
        tables.add(new TableSnapshot(name, columns, primaryKey, uniques, checks, indexes, foreignKeys));
      }
      return new SchemaSnapshot(tables);
    }

    private void planTables(SchemaSnapshot renamed) {
      for (String table : declared.droppedTables()) {
        if (after.hasTable(table)) {
          problems.add(
              new MigrationProblem(
                  table,
                  null,
                  "table "
                      + table
                      + " is declared in @DroppedTables, but this model still maps to it; remove \""
                      + table
                      + "\" from @DroppedTables, or remove the model"));
        }
      }
      List<TableSnapshot> dropped = new ArrayList<>();
      for (TableSnapshot old : renamed.tables()) {
        if (after.hasTable(old.name())) {
          continue;
        }
        if (declared.droppedTables().contains(old.name())) {
          dropped.add(old);
        } else {
          problems.add(
              new MigrationProblem(
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
                      + "\")"));
        }
      }
      Set<String> droppedNames = new HashSet<>();
      dropped.forEach(t -> droppedNames.add(t.name()));
      for (TableSnapshot table : dropped) {
        // Foreign keys between dropped tables go first, so the tables can go in any order.
        for (ForeignKeySchema fk : table.foreignKeys()) {
          if (droppedNames.contains(fk.referencedTable()) && !fk.referencedTable().equals(table.name())) {
            dropForeignKeys.add(new MigrationStep.DropConstraint(table.name(), fk.name()));
          }
        }
        dropTables.add(new MigrationStep.DropTable(table.name()));
        change("drop table " + table.name(), "drop_" + table.name());
      }

      List<TableSnapshot> created = new ArrayList<>();
      for (TableSnapshot table : after.tables()) {
        TableSnapshot old = renamed.table(table.name()).orElse(null);
        if (old == null) {
          created.add(table);
        } else {
          planTable(old, table);
        }
      }
      planCreates(created, renamed);
    }

    /** New tables, each after the new tables it references; a cycle is broken with a later ADD CONSTRAINT. */
    private void planCreates(List<TableSnapshot> created, SchemaSnapshot renamed) {
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
            addForeignKeys.add(new MigrationStep.AddForeignKey(next.name(), fk));
          }
        }
        createTables.add(new MigrationStep.CreateTable(next, inline));
        for (IndexSchema index : next.indexes()) {
          createTables.add(new MigrationStep.CreateIndex(next.name(), index));
        }
        change("create table " + next.name(), "create_" + next.name());
      }
    }

    private void planTable(TableSnapshot old, TableSnapshot table) {
      String name = table.name();
      Set<String> droppable = declared.droppedColumns(name);
      for (String column : droppable) {
        if (table.hasColumn(column)) {
          problems.add(
              new MigrationProblem(
                  name,
                  column,
                  "column "
                      + name
                      + "."
                      + column
                      + " is declared in @DroppedColumns, but a field still maps to it; remove \""
                      + column
                      + "\" from @DroppedColumns, or remove the field"));
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
          dropColumns.add(new MigrationStep.DropColumn(name, column.name()));
          change("drop column " + name + "." + column.name(), "drop_" + name + "_" + column.name());
        } else {
          problems.add(new MigrationProblem(name, null, vanishedColumn(name, column.name(), added)));
        }
      }
      for (ColumnSnapshot column : table.columns()) {
        ColumnSnapshot previous = old.column(column.name()).orElse(null);
        if (previous == null) {
          columnChanges.addColumn(name, column);
        } else {
          columnChanges.alterColumn(name, previous, column);
        }
      }

      if (!old.primaryKey().columns().equals(table.primaryKey().columns())) {
        problems.add(
            new MigrationProblem(
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
                    + " migration"));
      } else if (!old.primaryKey().name().equals(table.primaryKey().name())) {
        renameConstraints.add(
            new MigrationStep.RenameConstraint(name, old.primaryKey().name(), table.primaryKey().name()));
        change("rename constraint " + old.primaryKey().name() + " to " + table.primaryKey().name(), null);
      }

      columnChanges.checkEnumValues(old, table);
      match(
          name,
          old.uniqueConstraints(),
          table.uniqueConstraints(),
          UniqueConstraintSchema::name,
          UniqueConstraintSchema::columns,
          u -> {
            dropConstraints.add(new MigrationStep.DropConstraint(name, u.name()));
            change("drop unique constraint " + u.name() + " on " + name, "drop_" + u.name());
          },
          u -> {
            addConstraints.add(new MigrationStep.AddUnique(name, u));
            change("add unique constraint " + u.name() + " on " + name + " " + u.columns(), "add_" + u.name());
          },
          true);
      match(
          name,
          old.checkConstraints(),
          table.checkConstraints(),
          CheckConstraintSchema::name,
          c -> List.of(c.column(), c.allowedValues()),
          c -> {
            dropConstraints.add(new MigrationStep.DropConstraint(name, c.name()));
            change("drop check constraint " + c.name() + " on " + name, null);
          },
          c -> {
            addConstraints.add(new MigrationStep.AddCheck(name, c));
            change(
                "add check constraint " + c.name() + " on " + name + ": " + c.column() + " in " + c.allowedValues(),
                "allow_" + name + "_" + c.column() + "_values");
          },
          true);
      match(
          name,
          old.indexes(),
          table.indexes(),
          IndexSchema::name,
          i -> List.of(i.columns(), i.unique(), i.gin()),
          i -> {
            dropIndexes.add(new MigrationStep.DropIndex(i.name()));
            change("drop index " + i.name() + " on " + name, "drop_" + i.name());
          },
          i -> {
            addIndexes.add(new MigrationStep.CreateIndex(name, i));
            change("create index " + i.name() + " on " + name, "add_" + i.name());
          },
          false);
      match(
          name,
          old.foreignKeys(),
          table.foreignKeys(),
          ForeignKeySchema::name,
          f -> List.of(f.column(), f.referencedTable(), f.referencedColumn(), f.onDelete()),
          f -> {
            dropForeignKeys.add(new MigrationStep.DropConstraint(name, f.name()));
            change("drop foreign key " + f.name() + " on " + name, "drop_" + f.name());
          },
          f -> {
            addForeignKeys.add(new MigrationStep.AddForeignKey(name, f));
            change(
                "add foreign key " + f.name() + " on " + name + " to " + f.referencedTable(), "add_" + f.name());
          },
          true);
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

    /**
     * Pairs old and new constraints (or indexes): same name and definition is unchanged; same definition under
     * another name is a rename (the name followed a renamed table or column); everything else is dropped or added.
     */
    private <T> void match(
        String table,
        List<T> olds,
        List<T> news,
        Function<T, String> nameOf,
        Function<T, Object> definitionOf,
        Consumer<T> drop,
        Consumer<T> add,
        boolean tableConstraint) {
      Map<String, T> oldByName = new LinkedHashMap<>();
      olds.forEach(o -> oldByName.put(nameOf.apply(o), o));
      Set<String> newNames = new HashSet<>();
      news.forEach(n -> newNames.add(nameOf.apply(n)));
      Set<String> kept = new HashSet<>();
      List<T> unmatched = new ArrayList<>();
      for (T n : news) {
        T o = oldByName.get(nameOf.apply(n));
        if (o != null && definitionOf.apply(o).equals(definitionOf.apply(n))) {
          kept.add(nameOf.apply(o));
        } else {
          unmatched.add(n);
        }
      }
      List<T> added = new ArrayList<>();
      for (T n : unmatched) {
        T renamedFrom = null;
        for (T o : olds) {
          String oldName = nameOf.apply(o);
          if (!kept.contains(oldName)
              && !newNames.contains(oldName)
              && definitionOf.apply(o).equals(definitionOf.apply(n))) {
            renamedFrom = o;
            break;
          }
        }
        if (renamedFrom == null) {
          added.add(n);
          continue;
        }
        String from = nameOf.apply(renamedFrom);
        String to = nameOf.apply(n);
        kept.add(from);
        renameConstraints.add(
            tableConstraint
                ? new MigrationStep.RenameConstraint(table, from, to)
                : new MigrationStep.RenameIndex(from, to));
        change("rename " + (tableConstraint ? "constraint " : "index ") + from + " to " + to, null);
      }
      for (T o : olds) {
        if (!kept.contains(nameOf.apply(o))) {
          drop.accept(o);
        }
      }
      added.forEach(add);
    }
  }
}
