package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * Where {@code @Version} may go: once per model, on a non-key int or long field, in a model with no other column named
 * like the version parameter of its updates.
 */
final class VersionRules {
  static final String VERSION_PARAMETER = "version";

  private final ErrorReporter errors;

  VersionRules(ErrorReporter errors) {
    this.errors = errors;
  }

  void checkSingle(List<ModelField> fields) {
    ModelField.reportAllButFirst(fields, Annotations.VERSION, errors, (first, field) -> "more than one @Version: "
        + first.name() + " is already the row version; remove @Version from " + field.name());
  }

  /**
   * Updates of a versioned model take the version the caller read as parameter {@code version} (in BulkUpdate
   * records too), so no other column of that model may be called {@code version}.
   */
  void checkParameterName(List<ModelField> fields, List<ColumnSchema> columns) {
    boolean versioned = columns.stream().anyMatch(ColumnSchema::version);
    if (!versioned) {
      return;
    }
    for (ColumnSchema column : columns) {
      if (column.name().equals(VERSION_PARAMETER) && !column.version()) {
        for (ModelField field : fields) {
          if (field.name().equals(column.fieldName())) {
            errors.error(
                field.element(),
                "column version of field "
                    + field.name()
                    + " clashes with the version parameter of this versioned model's updates; map it to another"
                    + " column with @Column(name = \"...\") or name the @Version field version");
          }
        }
      }
    }
  }

  /** {@code @Version} goes on one non-key int or long field, whose NOT NULL DEFAULT 1 DataFlow decides. */
  boolean check(
      ModelField field,
      AnnotationMirror version,
      AnnotationMirror columnAnnotation,
      FieldTypeMapper.Mapping mapping,
      boolean isKey) {
    if (isKey) {
      errors.error(
          field.element(),
          version,
          "@Version cannot go on the key "
              + field.name()
              + "; add a separate field for the row version, for example @Version long version");
      return false;
    }
    if (mapping.type() != ColumnType.INT && mapping.type() != ColumnType.LONG) {
      errors.error(
          field.element(),
          version,
          "@Version needs an int, Integer, long or Long field, but "
              + field.name()
              + " is "
              + field.type()
              + "; declare it as long "
              + field.name()
              + " or remove @Version");
      return false;
    }
    if (columnAnnotation != null) {
      for (String attribute : List.of("defaultValue", "nullable")) {
        AnnotationValue value = Annotations.explicitValue(columnAnnotation, attribute);
        if (value != null) {
          errors.error(
              field.element(),
              columnAnnotation,
              value,
              "@Column("
                  + attribute
                  + ") does not apply to the @Version field "
                  + field.name()
                  + ": its column is always NOT NULL DEFAULT 1; remove "
                  + attribute);
          return false;
        }
      }
    }
    return true;
  }
}
