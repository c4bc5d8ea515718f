package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import dev.dataflow.processor.schema.ForeignKeySchema;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;

/** The foreign key a field's {@code @References} declares, checked against the referenced model. */
final class ForeignKeyRules {
  private final ErrorReporter errors;
  private final Annotations annotations;
  private final ModelKeys keys;

  ForeignKeyRules(ErrorReporter errors, Annotations annotations, ModelKeys keys) {
    this.errors = errors;
    this.annotations = annotations;
    this.keys = keys;
  }

  ForeignKeySchema foreignKey(ModelField field, ColumnSchema column, String table) {
    AnnotationMirror references = field.annotation(Annotations.REFERENCES);
    if (references == null) {
      return null;
    }
    AnnotationValue targetValue = annotations.value(references, "value");
    if (!(targetValue.getValue() instanceof DeclaredType targetType)) {
      errors.error(field.element(), references, "@References needs a model class, for example @References(Outlet.class)");
      return null;
    }
    TypeElement target = (TypeElement) targetType.asElement();
    if (Annotations.find(target.getAnnotationMirrors(), Annotations.MODEL) == null) {
      errors.error(
          field.element(),
          references,
          targetValue,
          "@References("
              + target.getSimpleName()
              + ".class) points to a class that is not a @Model; annotate "
              + target.getQualifiedName()
              + " with @Model or remove @References");
      return null;
    }
    if (PartitionRules.isPartitioned(target)) {
      errors.error(
          field.element(),
          references,
          targetValue,
          "@References("
              + target.getSimpleName()
              + ".class) on field "
              + field.name()
              + " of "
              + field.element().getEnclosingElement().getSimpleName()
              + ": "
              + target.getSimpleName()
              + " is @Partitioned, and a foreign key needs a unique key on the referenced column alone, which a"
              + " partitioned table cannot have (its keys include the partition column); remove @References and"
              + " keep the plain column (@Indexed), or remove @Partitioned from "
              + target.getSimpleName());
      return null;
    }
    String referencedName = annotations.string(references, "column");
    ModelKeys.ReferencedKey key;
    if (!referencedName.isEmpty()) {
      String[] problem = new String[1];
      key = keys.referencedColumn(target, referencedName, problem);
      if (key == null) {
        errors.error(field.element(), references, Annotations.explicitValue(references, "column"),
            "@References(" + target.getSimpleName() + ".class, column = \"" + referencedName + "\"): " + problem[0]);
        return null;
      }
    } else {
      key = keys.referencedKey(target);
    }
    if (key == null) {
      errors.error(
          field.element(),
          references,
          "@References(" + target.getSimpleName() + ".class): the key of " + target.getSimpleName()
              + " has an unsupported type; fix that model's key first");
      return null;
    }
    if (key.type() != column.javaType()) {
      errors.error(
          field.element(),
          references,
          "field "
              + field.name()
              + " is "
              + field.type()
              + " but "
              + (referencedName.isEmpty() ? "the key " : "column ")
              + key.column()
              + " of "
              + target.getSimpleName()
              + " is "
              + javaSpelling(key.type())
              + "; declare "
              + field.name()
              + " as "
              + javaSpelling(key.type()));
      return null;
    }
    String onDelete = ((VariableElement) annotations.value(references, "onDelete").getValue()).getSimpleName().toString();
    ForeignKeySchema.OnDeleteAction action = ForeignKeySchema.OnDeleteAction.valueOf(onDelete);
    if (action == ForeignKeySchema.OnDeleteAction.SET_NULL && !column.nullable()) {
      errors.error(
          field.element(),
          references,
          Annotations.explicitValue(references, "onDelete"),
          "onDelete = SET_NULL needs a nullable column, but "
              + column.name()
              + " is NOT NULL; use a boxed type without @Column(nullable = false), or choose CASCADE or RESTRICT");
      return null;
    }
    return new ForeignKeySchema(
        Naming.constraintName("fk", table, List.of(column.name())), column.name(), key.table(), key.column(), action);
  }

  private static String javaSpelling(ColumnType type) {
    switch (type) {
      case LONG:
        return "Long";
      case INT:
        return "Integer";
      case SHORT:
        return "Short";
      case UUID:
        return "java.util.UUID";
      case STRING:
        return "String";
      default:
        return type.name();
    }
  }
}
