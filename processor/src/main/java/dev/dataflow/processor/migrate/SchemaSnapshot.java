package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ModelSchema;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The database schema of all models of a compilation, in the form that is committed next to the migrations
 * ({@code dataflow-schema.json}) and compared on every build. Tables are sorted by name.
 */
public record SchemaSnapshot(List<TableSnapshot> tables) {
  /** The {@code formatVersion} this processor reads and writes. */
  public static final int FORMAT_VERSION = 1;

  public SchemaSnapshot {
    tables = tables.stream().sorted(Comparator.comparing(TableSnapshot::name)).toList();
  }

  /** The schema before the first migration. */
  public static SchemaSnapshot empty() {
    return new SchemaSnapshot(List.of());
  }

  /** The snapshot of these models. */
  public static SchemaSnapshot of(Collection<ModelSchema> models) {
    List<TableSnapshot> tables = new ArrayList<>();
    for (ModelSchema model : models) {
      List<ColumnSnapshot> columns = new ArrayList<>();
      for (ColumnSchema column : model.columns()) {
        columns.add(
            new ColumnSnapshot(
                column.name(),
                column.sqlType(),
                column.nullable(),
                column.primaryKey() && column.generated(),
                column.defaultValue()));
      }
      tables.add(
          new TableSnapshot(
              model.table(),
              columns,
              new PrimaryKeySnapshot(model.primaryKeyConstraint(), model.primaryKeyColumns()),
              model.uniqueConstraints(),
              model.checkConstraints(),
              model.indexes(),
              model.foreignKeys(),
              model.partitioning()));
    }
    return new SchemaSnapshot(tables);
  }

  public Optional<TableSnapshot> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  public boolean hasTable(String name) {
    return table(name).isPresent();
  }
}
