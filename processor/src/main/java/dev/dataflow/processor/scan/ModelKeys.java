package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnType;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * The naming and key rules every model follows, shared by the scan of a model and the resolution of a model that a
 * {@code @References} points to (which may come from an earlier compilation and is never generated again).
 */
final class ModelKeys {
  static final String IMPLICIT_KEY = "id";

  /** The table and key of a referenced model. */
  record ReferencedKey(String table, String column, ColumnType type) {}

  private final Annotations annotations;
  private final FieldTypeMapper mapper;

  ModelKeys(Annotations annotations, FieldTypeMapper mapper) {
    this.annotations = annotations;
    this.mapper = mapper;
  }

  /** {@code @Model(table)}, or the snake_case plural of the simple class name. */
  String tableOf(TypeElement model) {
    AnnotationMirror mirror = Annotations.find(model.getAnnotationMirrors(), Annotations.MODEL);
    String explicit = mirror == null ? "" : annotations.string(mirror, "table");
    return explicit.isEmpty() ? Naming.tableName(model.getSimpleName().toString()) : explicit;
  }

  /** {@code @Column(name)}, or the snake_case field name. */
  String columnOf(ModelField field) {
    AnnotationMirror column = field.annotation(Annotations.COLUMN);
    String explicit = column == null ? "" : annotations.string(column, "name");
    return explicit.isEmpty() ? Naming.snakeCase(field.name()) : explicit;
  }

  /** The first field with {@code @Id}, else the field named {@code id}, else null (an implicit key is added). */
  static ModelField keyField(List<ModelField> fields) {
    for (ModelField field : fields) {
      if (field.annotation(Annotations.ID) != null) {
        return field;
      }
    }
    for (ModelField field : fields) {
      if (field.name().equals(IMPLICIT_KEY)) {
        return field;
      }
    }
    return null;
  }

  /** The key of another model, or null when its key type cannot be stored (its own scan reports why). */
  /**
   * The column {@code name} (a column or field name) of {@code model}, when it is the key or {@code @Unique}.
   *
   * @return the column, or null with {@code problem[0]} saying why
   */
  ReferencedKey referencedColumn(TypeElement model, String name, String[] problem) {
    ModelField key = keyField(ModelField.of(model));
    for (ModelField field : ModelField.of(model)) {
      String column = columnOf(field);
      if (!column.equals(name) && !field.name().equals(name)) {
        continue;
      }
      if (field != key && field.annotation(Annotations.UNIQUE) == null) {
        problem[0] = "column " + column + " of " + model.getSimpleName() + " is not unique, so it cannot be referenced;"
            + " mark it @Unique, or reference the key (leave out column)";
        return null;
      }
      FieldTypeMapper.Result result = mapper.map(field.type(), false);
      if (result.mapping() == null) {
        problem[0] = "column " + column + " of " + model.getSimpleName() + " has an unsupported type";
        return null;
      }
      return new ReferencedKey(tableOf(model), column, result.mapping().type());
    }
    problem[0] = model.getSimpleName() + " has no column or field named '" + name + "'";
    return null;
  }

  ReferencedKey referencedKey(TypeElement model) {
    ModelField key = keyField(ModelField.of(model));
    if (key == null) {
      return new ReferencedKey(tableOf(model), IMPLICIT_KEY, ColumnType.LONG);
    }
    FieldTypeMapper.Result result = mapper.map(key.type(), false);
    if (result.mapping() == null) {
      return null;
    }
    return new ReferencedKey(tableOf(model), columnOf(key), result.mapping().type());
  }
}
