package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.MigrationHints;
import dev.dataflow.processor.schema.ModelSchema;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every rename and drop the models of a compilation declare, keyed by the current table name.
 *
 * @param tablesRenamedFrom previous table name by current table name ({@code @RenamedFrom} on a model)
 * @param columnsRenamedFrom by current table, previous column name by current column name
 * @param droppedColumns by current table, the columns that may be dropped ({@code @DroppedColumns})
 * @param droppedTables the tables that may be dropped ({@code @DroppedTables})
 */
public record Declarations(
    Map<String, String> tablesRenamedFrom,
    Map<String, Map<String, String>> columnsRenamedFrom,
    Map<String, Set<String>> droppedColumns,
    Set<String> droppedTables) {

  public Declarations {
    tablesRenamedFrom = new TreeMap<>(tablesRenamedFrom);
    columnsRenamedFrom = new TreeMap<>(columnsRenamedFrom);
    droppedColumns = new TreeMap<>(droppedColumns);
    droppedTables = new TreeSet<>(droppedTables);
  }

  public static Declarations none() {
    return new Declarations(Map.of(), Map.of(), Map.of(), Set.of());
  }

  /** What {@code models} declare, and the tables that {@code @DroppedTables} names anywhere in the compilation. */
  public static Declarations of(Collection<ModelSchema> models, Collection<String> droppedTables) {
    Map<String, String> tables = new TreeMap<>();
    Map<String, Map<String, String>> columns = new TreeMap<>();
    Map<String, Set<String>> dropped = new TreeMap<>();
    for (ModelSchema model : models) {
      MigrationHints hint = model.migrationHints();
      if (hint.tableRenamedFrom() != null) {
        tables.put(model.table(), hint.tableRenamedFrom());
      }
      if (!hint.columnsRenamedFrom().isEmpty()) {
        columns.put(model.table(), new TreeMap<>(hint.columnsRenamedFrom()));
      }
      if (!hint.droppedColumns().isEmpty()) {
        dropped.put(model.table(), new TreeSet<>(hint.droppedColumns()));
      }
    }
    return new Declarations(tables, columns, dropped, new TreeSet<>(droppedTables));
  }

  Map<String, String> columnsRenamedFrom(String table) {
    return columnsRenamedFrom.getOrDefault(table, Map.of());
  }

  Set<String> droppedColumns(String table) {
    return droppedColumns.getOrDefault(table, Set.of());
  }
}
