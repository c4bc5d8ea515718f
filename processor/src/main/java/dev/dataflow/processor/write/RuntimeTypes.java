package dev.dataflow.processor.write;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import java.util.List;

/**
 * The runtime types and constants generated code refers to, by name: the processor must not need the runtime jar to
 * run, only the compilation that uses the generated code does. Generated code names every parameter by the runtime's
 * own constant ({@code ListNode.LIMIT}), so renaming one in the runtime is a compile error of generated code, not a
 * parameter silently ignored; {@code RuntimeTypesTest} checks each constant here against the runtime.
 */
final class RuntimeTypes {
  private static final String MODEL = "dev.dataflow.runtime.model";
  private static final String NODE = "dev.dataflow.runtime.node";
  private static final String CRUD = "dev.dataflow.runtime.node.crud";
  private static final String PARAMS = "dev.dataflow.runtime.node.params";

  static final ClassName MODEL_PROVIDER = ClassName.get(NODE, "ModelProvider");
  static final ClassName MODEL_DESCRIPTOR = ClassName.get(MODEL, "ModelDescriptor");
  static final ClassName COLUMN_DESCRIPTOR = ClassName.get(MODEL, "ColumnDescriptor");
  static final ClassName JAVA_TYPE = ClassName.get(MODEL, "JavaType");
  static final ClassName ENUM_VALUES = ClassName.get(MODEL, "EnumValues");
  static final ClassName STATEMENTS = ClassName.get(MODEL, "Statements");
  static final ClassName RETENTION = ClassName.get(MODEL, "Retention");
  static final ClassName PARTITIONING = ClassName.get(MODEL, "Partitioning");
  static final ClassName FOREIGN_KEY_DESCRIPTOR = ClassName.get(MODEL, "ForeignKeyDescriptor");
  static final ClassName ROW_MAPPER = ClassName.get(MODEL, "RowMapper");
  static final ClassName ROW_MAPPERS = ClassName.get(MODEL, "RowMappers");
  static final ClassName JSON = ClassName.get("dev.dataflow.runtime.sql", "Json");
  static final ClassName JSON_TYPE = ClassName.get("dev.dataflow.runtime.sql", "JsonType");
  static final ClassName NODE_TYPE = ClassName.get(NODE, "Node");
  static final ClassName NODE_PARAMS = ClassName.get(NODE, "NodeParams");
  static final ClassName CRUD_NODE = ClassName.get(CRUD, "CrudNode");
  static final ClassName READ_NODE = ClassName.get(CRUD, "ReadNode");
  static final ClassName LIST_NODE = ClassName.get(CRUD, "ListNode");
  static final ClassName COUNT_NODE = ClassName.get(CRUD, "CountNode");
  static final ClassName BULK_CREATE_NODE = ClassName.get(CRUD, "BulkCreateNode");

  // Parameter names, each the public String constant of the runtime class that reads the parameter.
  static final Constant ID = new Constant(CRUD_NODE, "ID");
  static final Constant VERSION = new Constant(CRUD_NODE, "VERSION");
  static final Constant FILTERS = new Constant(CRUD_NODE, "FILTERS");
  static final Constant FIELDS = new Constant(CRUD_NODE, "FIELDS");
  static final Constant RECORDS = new Constant(CRUD_NODE, "RECORDS");
  static final Constant CONFIRM_ALL = new Constant(CRUD_NODE, "CONFIRM_ALL");
  static final Constant ON_CONFLICT = new Constant(CRUD_NODE, "ON_CONFLICT");
  static final Constant CONFLICT_COLUMNS = new Constant(CRUD_NODE, "CONFLICT_COLUMNS");
  static final Constant RAISE_ON_NOT_FOUND = new Constant(READ_NODE, "RAISE_ON_NOT_FOUND");
  static final Constant ORDER_BY = new Constant(LIST_NODE, "ORDER_BY");
  static final Constant LIMIT = new Constant(LIST_NODE, "LIMIT");
  static final Constant OFFSET = new Constant(LIST_NODE, "OFFSET");
  static final Constant TOTAL = new Constant(LIST_NODE, "TOTAL");
  static final Constant CURSOR = new Constant(LIST_NODE, "CURSOR");
  static final Constant GROUP_BY = new Constant(COUNT_NODE, "GROUP_BY");
  static final Constant AGGREGATES = new Constant(COUNT_NODE, "AGGREGATES");
  static final Constant GROUP_LIMIT = new Constant(COUNT_NODE, "LIMIT");
  static final Constant BATCH_SIZE = new Constant(BULK_CREATE_NODE, "BATCH_SIZE");
  static final Constant RETURN_IDS = new Constant(BULK_CREATE_NODE, "RETURN_IDS");

  /** Every parameter-name constant above. */
  static final List<Constant> PARAMETER_NAMES =
      List.of(
          ID,
          VERSION,
          FILTERS,
          FIELDS,
          RECORDS,
          CONFIRM_ALL,
          ON_CONFLICT,
          CONFLICT_COLUMNS,
          RAISE_ON_NOT_FOUND,
          ORDER_BY,
          LIMIT,
          OFFSET,
          TOTAL,
          CURSOR,
          GROUP_BY,
          AGGREGATES,
          GROUP_LIMIT,
          BATCH_SIZE,
          RETURN_IDS);

  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAY_LIST = ClassName.get("java.util", "ArrayList");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName STRING = ClassName.get("java.lang", "String");
  static final ClassName LINKED_HASH_MAP = ClassName.get("java.util", "LinkedHashMap");

  /** {@code Map<String, Object>}: an output row. */
  static final TypeName OBJECT_MAP = ParameterizedTypeName.get(MAP, STRING, ClassName.OBJECT);

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

  /**
   * A public static constant of a runtime class, written into generated code as {@code Owner.NAME}.
   *
   * @param owner the runtime class declaring it
   * @param name the constant's name
   */
  record Constant(ClassName owner, String name) {
    /** {@code Owner.NAME}, with {@code Owner} imported. */
    CodeBlock reference() {
      return CodeBlock.of("$T.$N", owner, name);
    }
  }

  /**
   * The runtime base of one node kind's generated {@code Params}, for example {@code
   * dev.dataflow.runtime.node.params.CreateParams}.
   */
  static ClassName paramsBase(String suffix) {
    return ClassName.get(PARAMS, suffix.substring(0, suffix.length() - "Node".length()) + "Params");
  }

  /** The runtime base class of one node kind, for example {@code dev.dataflow.runtime.node.crud.CreateNode}. */
  static ClassName crudBase(String suffix) {
    return ClassName.get(CRUD, suffix);
  }
}
