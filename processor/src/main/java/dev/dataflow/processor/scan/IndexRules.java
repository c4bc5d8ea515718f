package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.IndexSchema;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/** The composite indexes a model declares with class-level {@code @Index}, checked against its columns. */
final class IndexRules {
  private final ErrorReporter errors;
  private final Annotations annotations;

  IndexRules(ErrorReporter errors, Annotations annotations) {
    this.errors = errors;
    this.annotations = annotations;
  }

  /** Class-level {@code @Index}es, written once or several times (then javac wraps them in {@code @Indexes}). */
  List<IndexSchema> classIndexes(TypeElement model, String table, List<ColumnSchema> columns) {
    List<IndexSchema> indexes = new ArrayList<>();
    AnnotationMirror single = Annotations.find(model.getAnnotationMirrors(), Annotations.INDEX);
    if (single != null) {
      IndexSchema index = classIndex(model, single, table, columns);
      if (index != null) {
        indexes.add(index);
      }
    }
    AnnotationMirror container = Annotations.find(model.getAnnotationMirrors(), Annotations.INDEXES);
    if (container != null) {
      for (AnnotationValue value : annotations.list(container, "value")) {
        AnnotationMirror index = (AnnotationMirror) value.getValue();
        // Report at the single @Index: javac locates it in the source, but not the implicit @Indexes container.
        IndexSchema schema = classIndex(model, index, table, columns);
        if (schema != null) {
          indexes.add(schema);
        }
      }
    }
    return indexes;
  }

  private IndexSchema classIndex(TypeElement model, AnnotationMirror index, String table, List<ColumnSchema> columns) {
    AnnotationValue columnsValue = Annotations.explicitValue(index, "columns");
    List<IndexSchema.IndexColumn> indexColumns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AnnotationValue value : annotations.list(index, "columns")) {
      String written = (String) value.getValue();
      boolean descending = written.startsWith("-");
      String wanted = descending ? written.substring(1) : written;
      ColumnSchema column = null;
      for (ColumnSchema candidate : columns) {
        if (candidate.name().equals(wanted) || candidate.fieldName().equals(wanted)) {
          column = candidate;
          break;
        }
      }
      if (column == null) {
        List<String> known = columns.stream().map(ColumnSchema::name).toList();
        errors.error(
            model,
            index,
            columnsValue,
            "unknown column \""
                + wanted
                + "\" in @Index; name a column or field of "
                + model.getSimpleName()
                + ": "
                + String.join(", ", known));
        return null;
      }
      indexColumns.add(new IndexSchema.IndexColumn(column.name(), descending));
      names.add(column.name());
    }
    if (indexColumns.isEmpty()) {
      errors.error(model, index, columnsValue, "@Index needs at least one column: @Index(columns = {\"a\", \"b\"})");
      return null;
    }
    boolean unique = annotations.bool(index, "unique");
    String explicitName = annotations.string(index, "name");
    String name;
    if (explicitName.isEmpty()) {
      name = Naming.constraintName(unique ? "uq" : "idx", table, names);
    } else {
      if (!Naming.checkName(errors, model, index, Annotations.explicitValue(index, "name"), "index", explicitName,
          "choose a shorter @Index(name = \"...\")")) {
        return null;
      }
      name = explicitName;
    }
    return new IndexSchema(name, indexColumns, unique, false);
  }
}
