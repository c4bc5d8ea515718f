package dev.dataflow.processor.schema;

import java.util.List;
import java.util.Map;

/**
 * What a model declares for migrations: renames ({@code @RenamedFrom}) and drops ({@code @DroppedColumns}). The
 * planner applies a declaration only while the snapshot still has the old name, so stale ones are harmless.
 * ({@code @DroppedTables} is not here: it names tables whose model is gone, so it belongs to no model.)
 *
 * @param tableRenamedFrom the table's previous name, or null
 * @param columnsRenamedFrom previous column name by current column name
 * @param droppedColumns columns of this table that may be dropped
 */
public record MigrationHints(
    String tableRenamedFrom, Map<String, String> columnsRenamedFrom, List<String> droppedColumns) {

  public MigrationHints {
    columnsRenamedFrom = Map.copyOf(columnsRenamedFrom);
    droppedColumns = List.copyOf(droppedColumns);
  }

  /** A model that declares no rename and no drop. */
  public static MigrationHints none() {
    return new MigrationHints(null, Map.of(), List.of());
  }
}
