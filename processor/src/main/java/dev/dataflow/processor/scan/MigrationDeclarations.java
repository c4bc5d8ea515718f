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
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads the migration declarations ({@code @RenamedFrom}, {@code @DroppedColumns}, {@code @DroppedTables}) and tells
 * the processor which element declares each column, so migration errors point at the field to change.
 */
public final class MigrationDeclarations {
  /** The annotation that may sit on any type or package, collected by the processor in every round. */
  public static final String DROPPED_TABLES = Annotations.DROPPED_TABLES;

  private final Annotations annotations;
  private final ModelKeys keys;

  public MigrationDeclarations(Elements elements, Types types) {
    this.annotations = new Annotations(elements);
    this.keys = new ModelKeys(annotations, new FieldTypeMapper(elements, types));
  }

  /** The renames and drops {@code model} declares; call only for a model that scanned cleanly. */
  public MigrationHints hints(TypeElement model) {
    String table = keys.tableOf(model);
    AnnotationMirror tableRename = Annotations.find(model.getAnnotationMirrors(), Annotations.RENAMED_FROM);
    Map<String, String> renamedColumns = new LinkedHashMap<>();
    for (ModelField field : ModelField.of(model)) {
      AnnotationMirror rename = field.annotation(Annotations.RENAMED_FROM);
      if (rename != null) {
        renamedColumns.put(keys.columnOf(field), annotations.string(rename, "value"));
      }
    }
    List<String> dropped = strings(Annotations.find(model.getAnnotationMirrors(), Annotations.DROPPED_COLUMNS));
    return new MigrationHints(
        table,
        tableRename == null ? null : annotations.string(tableRename, "value"),
        renamedColumns,
        dropped);
  }

  /** The element declaring each column of {@code model}, by column name (the implicit key has none). */
  public Map<String, Element> columnElements(TypeElement model) {
    Map<String, Element> elements = new LinkedHashMap<>();
    for (ModelField field : ModelField.of(model)) {
      elements.putIfAbsent(keys.columnOf(field), field.element());
    }
    return elements;
  }

  /** The tables {@code element}'s {@code @DroppedTables} names; empty without one. */
  public List<String> droppedTables(Element element) {
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
