package dev.dataflow.processor.migrate;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * One table of a {@link SchemaSnapshot}. Columns keep table order (the order {@code CREATE TABLE} writes them);
 * constraints and indexes are sorted by name, so two snapshots of the same models are equal and their files
 * byte-identical. {@code partitioning} is null for a plain table.
 */
public record TableSnapshot(
    String name,
    List<ColumnSnapshot> columns,
    PrimaryKeySnapshot primaryKey,
    List<UniqueConstraintSchema> uniqueConstraints,
    List<CheckConstraintSchema> checkConstraints,
    List<IndexSchema> indexes,
    List<ForeignKeySchema> foreignKeys,
    PartitionSchema partitioning) {

  /** A table that is not partitioned. */
  public TableSnapshot(
      String name,
      List<ColumnSnapshot> columns,
      PrimaryKeySnapshot primaryKey,
      List<UniqueConstraintSchema> uniqueConstraints,
      List<CheckConstraintSchema> checkConstraints,
      List<IndexSchema> indexes,
      List<ForeignKeySchema> foreignKeys) {
    this(name, columns, primaryKey, uniqueConstraints, checkConstraints, indexes, foreignKeys, null);
  }

  public TableSnapshot {
    columns = List.copyOf(columns);
    uniqueConstraints = uniqueConstraints.stream().sorted(Comparator.comparing(UniqueConstraintSchema::name)).toList();
    checkConstraints = checkConstraints.stream().sorted(Comparator.comparing(CheckConstraintSchema::name)).toList();
    indexes = indexes.stream().sorted(Comparator.comparing(IndexSchema::name)).toList();
    foreignKeys = foreignKeys.stream().sorted(Comparator.comparing(ForeignKeySchema::name)).toList();
  }

  public Optional<ColumnSnapshot> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  public boolean hasColumn(String columnName) {
    return column(columnName).isPresent();
  }
}
