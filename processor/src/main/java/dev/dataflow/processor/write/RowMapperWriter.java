package dev.dataflow.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import dev.dataflow.processor.schema.ModelAccess;
import dev.dataflow.processor.schema.ModelAccess.FieldAccess;
import dev.dataflow.processor.schema.ModelSchema;
import dev.dataflow.processor.schema.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Model>RowMapper}: a node's output row into the model and back, by the canonical constructor and
 * accessors of a record, or the no-argument constructor and fields (or getters and setters) of a class. Each column is
 * cast to its field's type, which the row already holds; a JSON field whose type is not the plain tree of maps and
 * lists (a record, {@code List<Point>}) is converted with the runtime's Jackson mapper through a {@code JsonType}
 * constant.
 */
public final class RowMapperWriter {

  static ClassName mapperClass(ModelSchema model) {
    return ClassName.get(model.packageName(), model.modelName() + "RowMapper");
  }

  /** Whether generated code can build and read the model, so that {@code params(model)} can be offered. */
  static boolean canMap(ModelSchema model) {
    return model.access().kind() != ModelAccess.Kind.UNSUPPORTED;
  }

  /** {@code model.name()}, {@code model.getName()} or {@code model.name}: the value of one field of {@code variable}. */
  static CodeBlock read(FieldAccess field, String variable) {
    return field.getter() != null
        ? CodeBlock.of("$N.$N()", variable, field.getter())
        : CodeBlock.of("$N.$N", variable, field.fieldName());
  }

  public JavaFile write(ModelSchema model, Element originatingElement) {
    ClassName self = mapperClass(model);
    ClassName modelClass = ClassName.get(model.packageName(), model.modelName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Turns rows of table {@code $L} into {@link $T} and back, without reflection.\n\n<p>Used by {@code"
                    + " WorkflowResult.get(nodeId, $T.class)} and {@code $LCreateNode.params(model)}.\n",
                model.table(),
                modelClass,
                modelClass,
                model.modelName())
            .addAnnotation(RuntimeTypes.GENERATED)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(ParameterizedTypeName.get(RuntimeTypes.ROW_MAPPER, modelClass))
            .addOriginatingElement(originatingElement)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("For the model's descriptor.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("type")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(ParameterizedTypeName.get(ClassName.get(Class.class), modelClass))
                    .addStatement("return $T.class", modelClass)
                    .build());
    MethodSpec.Builder fromRow =
        MethodSpec.methodBuilder("fromRow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(modelClass)
            .addParameter(RuntimeTypes.OBJECT_MAP, "row");
    MethodSpec.Builder toRow =
        MethodSpec.methodBuilder("toRow")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(RuntimeTypes.OBJECT_MAP)
            .addParameter(modelClass, "model");
    ModelAccess access = model.access();
    if (access.kind() == ModelAccess.Kind.UNSUPPORTED) {
      fromRow.addStatement("throw new $T($S)", UnsupportedOperationException.class, access.unsupportedReason());
      toRow.addStatement("throw new $T($S)", UnsupportedOperationException.class, access.unsupportedReason());
    } else {
      boolean unchecked = false;
      List<CodeBlock> values = new ArrayList<>();
      for (FieldAccess field : access.fields()) {
        ColumnSchema column = model.column(field.column()).orElseThrow();
        if (needsJsonType(column)) {
          type.addField(jsonType(column));
        } else if (column.fieldType().kind() == TypeRef.Kind.DECLARED && !column.fieldType().arguments().isEmpty()) {
          unchecked = true;
        }
        values.add(value(model, column));
      }
      if (unchecked) {
        fromRow.addAnnotation(
            AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build());
      }
      if (access.kind() == ModelAccess.Kind.RECORD) {
        fromRow.addCode("return new $T(\n", modelClass)
            .addCode(CodeBlock.builder().indent().indent().add(CodeBlock.join(values, ",\n")).unindent().unindent()
                .build())
            .addCode(");\n");
      } else {
        fromRow.addStatement("$T model = new $T()", modelClass, modelClass);
        for (int i = 0; i < access.fields().size(); i++) {
          FieldAccess field = access.fields().get(i);
          if (field.setter() != null) {
            fromRow.addStatement("model.$N($L)", field.setter(), values.get(i));
          } else {
            fromRow.addStatement("model.$N = $L", field.fieldName(), values.get(i));
          }
        }
        fromRow.addStatement("return model");
      }
      toRow.addStatement("$T row = new $T<>()", RuntimeTypes.OBJECT_MAP, RuntimeTypes.LINKED_HASH_MAP);
      for (ColumnSchema column : model.columns()) {
        for (FieldAccess field : access.fields()) {
          if (field.column().equals(column.name())) {
            toRow.addStatement("row.put($S, $L)", column.name(), read(field, "model"));
          }
        }
      }
      toRow.addStatement("return row");
    }
    type.addMethod(fromRow.build()).addMethod(toRow.build());
    return JavaFile.builder(model.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  /** The column's value in {@code row}, cast to the field's type. */
  private static CodeBlock value(ModelSchema model, ColumnSchema column) {
    TypeRef fieldType = column.fieldType();
    if (fieldType.kind() == TypeRef.Kind.PRIMITIVE) {
      return CodeBlock.of(
          "($T) $T.notNull(row, $S, $S, $S)",
          TypeNames.boxed(fieldType),
          RuntimeTypes.ROW_MAPPERS,
          column.name(),
          model.modelName(),
          column.fieldName());
    }
    if (needsJsonType(column)) {
      return CodeBlock.of("$T.convert(row.get($S), $N)", RuntimeTypes.JSON, column.name(), jsonTypeName(column));
    }
    return CodeBlock.of("($T) row.get($S)", TypeNames.of(fieldType), column.name());
  }

  /**
   * Whether a JSON field needs converting: its type is not the tree a JSONB column reads as ({@code Map<String,
   * Object>}, {@code List<Object>}, their wildcard and raw forms), whose elements a cast would not check.
   */
  private static boolean needsJsonType(ColumnSchema column) {
    if (column.javaType() != ColumnType.JSON) {
      return false;
    }
    TypeRef type = column.fieldType();
    String raw = type.rawName();
    List<TypeRef> arguments = type.arguments();
    if (raw.equals("java.util.Map")) {
      return !(arguments.isEmpty() || (isNamed(arguments.get(0), "java.lang.String") && isAnything(arguments.get(1))));
    }
    if (raw.equals("java.util.List")) {
      return !(arguments.isEmpty() || isAnything(arguments.get(0)));
    }
    return true;
  }

  private static boolean isAnything(TypeRef type) {
    return type.kind() == TypeRef.Kind.WILDCARD || isNamed(type, "java.lang.Object");
  }

  private static boolean isNamed(TypeRef type, String name) {
    return type.kind() == TypeRef.Kind.DECLARED && type.rawName().equals(name) && type.arguments().isEmpty();
  }

  private static String jsonTypeName(ColumnSchema column) {
    return column.name().toUpperCase(Locale.ROOT) + "_TYPE";
  }

  private static FieldSpec jsonType(ColumnSchema column) {
    TypeName fieldType = TypeNames.of(column.fieldType());
    return FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.JSON_TYPE, fieldType),
            jsonTypeName(column),
            Modifier.PRIVATE,
            Modifier.STATIC,
            Modifier.FINAL)
        .addJavadoc("The declared type of JSON column {@code $L}.\n", column.name())
        .initializer("new $T<$T>() {}", RuntimeTypes.JSON_TYPE, fieldType)
        .build();
  }
}
