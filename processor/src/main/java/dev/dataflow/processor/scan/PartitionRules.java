package dev.dataflow.processor.scan;

import dev.dataflow.processor.ddl.PartitionDdl;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A model's {@code @Partitioned}: the partition column is one of its NOT NULL date/time columns, named by column or
 * field name, and every unique constraint or unique index includes it (PostgreSQL enforces uniqueness per partition
 * only). The key gets the column added ({@code primary key (id, "timestamp")}) by the schema itself. References
 * <em>to</em> a partitioned model are refused by {@link ForeignKeyRules}.
 */
final class PartitionRules {
  private final ErrorReporter errors;
  private final Annotations annotations;

  PartitionRules(ErrorReporter errors, Annotations annotations) {
    this.errors = errors;
    this.annotations = annotations;
  }

  /** Whether {@code model} carries {@code @Partitioned}. */
  static boolean isPartitioned(TypeElement model) {
    return Annotations.find(model.getAnnotationMirrors(), Annotations.PARTITIONED) != null;
  }

  /**
   * The partitioning {@code model} declares, or null when it declares none or it is wrong (reported).
   *
   * @param columnsComplete whether every field got its column; when one did not (an error already reported), an
   *     unknown {@code by} may be that field, so it is not reported again
   */
  PartitionSchema partitioning(
      TypeElement model,
      String table,
      List<ColumnSchema> columns,
      boolean columnsComplete,
      List<UniqueConstraintSchema> uniques,
      List<IndexSchema> indexes) {
    AnnotationMirror partitioned = Annotations.find(model.getAnnotationMirrors(), Annotations.PARTITIONED);
    if (partitioned == null) {
      return null;
    }
    String by = annotations.string(partitioned, "by");
    AnnotationValue byValue = Annotations.explicitValue(partitioned, "by");
    String interval =
        ((VariableElement) annotations.value(partitioned, "interval").getValue()).getSimpleName().toString();
    String name = model.getSimpleName().toString();
    List<ColumnSchema> temporal = columns.stream().filter(c -> c.javaType().isTemporal()).toList();
    String temporalNames = String.join(", ", temporal.stream().map(ColumnSchema::name).toList());
    ColumnSchema column = null;
    for (ColumnSchema candidate : columns) {
      if (candidate.name().equals(by) || candidate.fieldName().equals(by)) {
        column = candidate;
        break;
      }
    }
    if (column == null) {
      if (columnsComplete) {
        errors.error(
            model,
            partitioned,
            byValue,
            "@Partitioned(by = \""
                + by
                + "\") names no column or field of "
                + name
                + "; name one of its NOT NULL date/time columns: "
                + temporalNames);
      }
      return null;
    }
    if (!column.javaType().isTemporal()) {
      errors.error(
          model,
          partitioned,
          byValue,
          "@Partitioned(by = \""
              + by
              + "\") names column "
              + column.name()
              + " ("
              + column.sqlType()
              + "), which holds no date or time; partition by one of "
              + name
              + "'s date/time columns (Instant, OffsetDateTime, LocalDateTime, LocalDate): "
              + temporalNames);
      return null;
    }
    String partitionColumn = column.name();
    boolean valid = true;
    int tableBytes = table.getBytes(StandardCharsets.UTF_8).length;
    if (tableBytes + PartitionDdl.LONGEST_SUFFIX > Naming.MAX_IDENTIFIER_BYTES) {
      errors.error(
          model,
          partitioned,
          "table "
              + table
              + " is too long a name for a partitioned table: its partitions are named "
              + table
              + "_p2026_11_30 and the like, longer than PostgreSQL's "
              + Naming.MAX_IDENTIFIER_BYTES
              + " bytes; choose a table name of at most "
              + (Naming.MAX_IDENTIFIER_BYTES - PartitionDdl.LONGEST_SUFFIX)
              + " bytes with @Model(table = \"...\")");
      valid = false;
    }
    if (column.nullable()) {
      errors.error(
          model,
          partitioned,
          byValue,
          "@Partitioned(by = \""
              + by
              + "\"): the partition column "
              + column.name()
              + " is nullable, but it becomes part of the key of a partitioned table; declare field "
              + column.fieldName()
              + " @Column(nullable = false"
              + (column.hasDefault() ? "" : ", defaultValue = \"now()\"")
              + ")");
      valid = false;
    }
    for (UniqueConstraintSchema unique : uniques) {
      if (!unique.columns().contains(column.name())) {
        errors.error(
            model,
            partitioned,
            "@Unique on "
                + String.join(", ", unique.columns())
                + " of "
                + name
                + ": a unique constraint of a partitioned table must include the partition column "
                + column.name()
                + ", which PostgreSQL cannot enforce otherwise; make "
                + String.join(", ", unique.columns())
                + " @Indexed instead of @Unique, or remove @Partitioned");
        valid = false;
      }
    }
    for (IndexSchema index : indexes) {
      if (index.unique() && index.columns().stream().noneMatch(c -> c.name().equals(partitionColumn))) {
        errors.error(
            model,
            partitioned,
            "unique @Index "
                + index.name()
                + " of "
                + name
                + ": a unique index of a partitioned table must include the partition column "
                + column.name()
                + "; add \""
                + column.name()
                + "\" to its columns, make it unique = false, or remove @Partitioned");
        valid = false;
      }
    }
    return valid ? new PartitionSchema(column.name(), interval) : null;
  }
}
