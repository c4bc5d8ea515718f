package dev.dataflow.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;

/**
 * The runtime types generated code refers to, by name: the processor must not need the runtime jar to run, only the
 * compilation that uses the generated code does.
 */
final class RuntimeTypes {
  private static final String MODEL = "dev.dataflow.runtime.model";
  private static final String NODE = "dev.dataflow.runtime.node";
  private static final String CRUD = "dev.dataflow.runtime.node.crud";

  static final ClassName MODEL_PROVIDER = ClassName.get(MODEL, "ModelProvider");
  static final ClassName MODEL_DESCRIPTOR = ClassName.get(MODEL, "ModelDescriptor");
  static final ClassName COLUMN_DESCRIPTOR = ClassName.get(MODEL, "ColumnDescriptor");
  static final ClassName JAVA_TYPE = ClassName.get(MODEL, "JavaType");
  static final ClassName ENUM_VALUES = ClassName.get(MODEL, "EnumValues");
  static final ClassName STATEMENTS = ClassName.get(MODEL, "Statements");
  static final ClassName NODE_TYPE = ClassName.get(NODE, "Node");
  static final ClassName NODE_PARAMS = ClassName.get(NODE, "NodeParams");

  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName STRING = ClassName.get("java.lang", "String");

  /** {@code Map<String, ?>}: filters and fields maps. */
  static final TypeName STRING_MAP =
      ParameterizedTypeName.get(MAP, STRING, WildcardTypeName.subtypeOf(ClassName.OBJECT));

  /** {@code List<? extends Map<String, ?>>}: bulk records. */
  static final TypeName RECORD_LIST =
      ParameterizedTypeName.get(LIST, WildcardTypeName.subtypeOf(STRING_MAP));

  static final AnnotationSpec GENERATED =
      AnnotationSpec.builder(ClassName.get("javax.annotation.processing", "Generated"))
          .addMember("value", "$S", "dev.dataflow.processor.DataFlowProcessor")
          .build();

  private RuntimeTypes() {}

  /** The runtime base class of one node kind, for example {@code dev.dataflow.runtime.node.crud.CreateNode}. */
  static ClassName crudBase(String suffix) {
    return ClassName.get(CRUD, suffix);
  }
}
