package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.MigrationHints;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Reads the migration declarations: {@code @RenamedFrom} and {@code @DroppedColumns} of a model while it is scanned,
 * and {@code @DroppedTables} wherever it sits. Nothing is checked here: the planner applies a declaration only while
 * the committed snapshot still has the old name, and reports the contradictory ones.
 */
final class MigrationAnnotations {
  private final Annotations annotations;

  MigrationAnnotations(Annotations annotations) {
    this.annotations = annotations;
  }

  /**
   * The renames and drops {@code model} declares.
   *
   * @param fieldByColumn the field each column of the model comes from, by column name
   */
  MigrationHints hints(TypeElement model, Map<String, ModelField> fieldByColumn) {
    AnnotationMirror tableRename = Annotations.find(model.getAnnotationMirrors(), Annotations.RENAMED_FROM);
    Map<String, String> renamedColumns = new LinkedHashMap<>();
    fieldByColumn.forEach(
        (column, field) -> {
          AnnotationMirror rename = field.annotation(Annotations.RENAMED_FROM);
          if (rename != null) {
            renamedColumns.put(column, annotations.string(rename, "value"));
          }
        });
    return new MigrationHints(
        tableRename == null ? null : annotations.string(tableRename, "value"),
        renamedColumns,
        strings(Annotations.find(model.getAnnotationMirrors(), Annotations.DROPPED_COLUMNS)));
  }

  /** The tables {@code element}'s {@code @DroppedTables} names; empty without one. */
  List<String> droppedTables(Element element) {
    return strings(Annotations.find(element.getAnnotationMirrors(), Annotations.DROPPED_TABLES));
  }

  private List<String> strings(AnnotationMirror mirror) {
    List<String> values = new ArrayList<>();
    if (mirror != null) {
      for (AnnotationValue value : annotations.list(mirror, "value")) {
        values.add((String) value.getValue());
      }
    }
    return values;
  }
}
