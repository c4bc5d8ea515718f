package dev.dataflow.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.ModelSchema;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Model>Schema}: the model's {@code ModelDescriptor} as a constant built from literals (the runtime
 * computes nothing from the model class), its SQL as named constants, and the {@code ModelProvider} the runtime loads.
 */
public final class SchemaClassWriter {

  /** The canonical name of the schema class of {@code model}, for the service entry. */
  public static String schemaClassName(ModelSchema model) {
    return schemaClass(model).canonicalName();
  }

  static ClassName schemaClass(ModelSchema model) {
    return ClassName.get(model.packageName(), model.modelName() + "Schema");
  }

  public JavaFile write(ModelSchema model, RenderedSql sql, Element originatingElement) {
    ClassName self = schemaClass(model);
    ClassName modelClass = ClassName.get(model.packageName(), model.modelName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "Table, columns, DDL and SQL of {@link $T}, computed at build time.\n\n"
                    + "<p>The runtime finds this class through {@code META-INF/services}; nothing here needs to be"
                    + " called by hand.\n",
                modelClass)
            .addAnnotation(RuntimeTypes.GENERATED)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(RuntimeTypes.MODEL_PROVIDER)
            .addOriginatingElement(originatingElement)
            .addField(constant("TABLE", CodeBlock.of("$S", model.table()), "The table name."))
            .addField(
                sqlConstant("INSERT", sql.insert(), "Inserts one row, binding {@code insertColumns}; returns the row."))
            .addField(sqlConstant("SELECT_BY_ID", sql.selectById(), "Selects one row by key."))
            .addField(
                sqlConstant(
                    "UPDATE_BY_ID",
                    sql.updateById(),
                    model.versionColumn().isPresent()
                        ? "Updates one row, binding {@code updateColumns}, the key, then the version read; bumps the"
                            + " version and returns the row, or no row when the key or the version does not match."
                        : "Updates one row, binding {@code updateColumns} then the key; returns the row."))
            .addField(sqlConstant("DELETE_BY_ID", sql.deleteById(), "Deletes one row by key."))
            .addField(sqlConstant("EXISTS_BY_ID", sql.existsById(), "Tells whether a row with the key exists."));
    if (sql.insertOmittingDefaults() != null) {
      type.addField(
          sqlConstant(
              "INSERT_OMITTING_DEFAULTS",
              sql.insertOmittingDefaults(),
              "Inserts one row of a create that gives no column with a default, binding the columns listed with it;"
                  + " the database fills the others. Returns the row."));
    }
    type.addField(
                FieldSpec.builder(
                        RuntimeTypes.MODEL_DESCRIPTOR, "DESCRIPTOR", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("Everything the runtime knows about {@code $L}.\n", model.modelName())
                    .initializer(descriptor(model, sql))
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("For {@link java.util.ServiceLoader}.\n")
                    .addModifiers(Modifier.PUBLIC)
                    .build())
            .addMethod(
                MethodSpec.methodBuilder("descriptor")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(RuntimeTypes.MODEL_DESCRIPTOR)
                    .addStatement("return DESCRIPTOR")
                    .build())
            .addMethod(nodes(model));
    return JavaFile.builder(model.packageName(), type.build()).skipJavaLangImports(true).build();
  }

  private static FieldSpec constant(String name, CodeBlock value, String doc) {
    return FieldSpec.builder(String.class, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(doc + "\n")
        .initializer(value)
        .build();
  }

  /** A statement, laid out one clause per source line; its value is the rendered text unchanged. */
  private static FieldSpec sqlConstant(String name, String sql, String doc) {
    return constant(name, SqlLayout.literal(sql), doc);
  }

  private static CodeBlock descriptor(ModelSchema model, RenderedSql sql) {
    CodeBlock.Builder code = CodeBlock.builder().add("new $T(\n", RuntimeTypes.MODEL_DESCRIPTOR).indent().indent();
    code.add("$S,\n$S,\nTABLE,\n", model.modelName(), model.qualifiedName());
    code.add("$T.of(\n", RuntimeTypes.LIST).indent().indent();
    List<ColumnSchema> columns = model.columns();
    for (int i = 0; i < columns.size(); i++) {
      code.add(column(columns.get(i)));
      code.add(i < columns.size() - 1 ? ",\n" : "),\n");
    }
    code.unindent().unindent();
    code.add("$S,\n", model.primaryKey());
    code.add(stringList(model.referencedTables())).add(",\n");
    code.add("$T.of(\n", RuntimeTypes.LIST).indent().indent();
    for (int i = 0; i < sql.ddl().size(); i++) {
      code.add(SqlLayout.literal(sql.ddl().get(i))).add(i < sql.ddl().size() - 1 ? ",\n" : "),\n");
    }
    code.unindent().unindent();
    code.add("new $T(\n", RuntimeTypes.STATEMENTS).indent().indent();
    code.add("INSERT,\n")
        .add(stringList(sql.insertColumns()))
        .add(",\nSELECT_BY_ID,\nUPDATE_BY_ID,\n")
        .add(stringList(sql.updateColumns()))
        .add(",\nDELETE_BY_ID,\nEXISTS_BY_ID");
    if (sql.insertOmittingDefaults() != null) {
      code.add(",\nINSERT_OMITTING_DEFAULTS,\n").add(stringList(sql.insertOmittingDefaultsColumns()));
    }
    code.add("))");
    code.unindent().unindent();
    if (model.retention() != null) {
      code.add(
          "\n.withRetention(new $T($L, $S))",
          RuntimeTypes.RETENTION,
          model.retention().days(),
          model.retention().column());
    }
    if (model.partitioning() != null) {
      code.add(
          "\n.withPartitioning(new $T($S, $T.Interval.$L))",
          RuntimeTypes.PARTITIONING,
          model.partitioning().column(),
          RuntimeTypes.PARTITIONING,
          model.partitioning().interval());
    }
    if (!model.foreignKeys().isEmpty()) {
      List<CodeBlock> keys = new ArrayList<>();
      for (ForeignKeySchema fk : model.foreignKeys()) {
        keys.add(CodeBlock.of(
            "new $T($S, $S, $S, $T.OnDelete.$L)",
            RuntimeTypes.FOREIGN_KEY_DESCRIPTOR,
            fk.column(),
            fk.referencedTable(),
            fk.referencedColumn(),
            RuntimeTypes.FOREIGN_KEY_DESCRIPTOR,
            fk.onDelete().name()));
      }
      code.add("\n.withForeignKeys(\n").indent().indent().add(CodeBlock.join(keys, ",\n")).add(")");
      code.unindent().unindent();
    }
    code.add("\n.withRowMapper(new $T())", RowMapperWriter.mapperClass(model));
    code.unindent().unindent();
    return code.build();
  }

  /**
   * {@code ColumnDescriptor.column("user_id", "userId", JavaType.STRING, "VARCHAR(64)").notNull().asPii()}: the flags
   * that are set, by name ({@code .asScrubbed()}, {@code .asPiiScrubbedFlag()} for the lifecycle ones).
   */
  private static CodeBlock column(ColumnSchema column) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add(
                "$T.column($S, $S, $T.$L, $S)",
                RuntimeTypes.COLUMN_DESCRIPTOR,
                column.name(),
                column.fieldName(),
                RuntimeTypes.JAVA_TYPE,
                column.javaType().name(),
                column.sqlType());
    if (!column.nullable()) {
      code.add(".notNull()");
    }
    if (column.primaryKey()) {
      code.add(".asPrimaryKey()");
    }
    if (column.generated()) {
      code.add(".asGenerated()");
    }
    if (column.hasDefault()) {
      code.add(".withDefault()");
    }
    if (column.javaType() == ColumnType.ENUM) {
      code.add(
          ".withEnumValues($T.of($T.values()))",
          RuntimeTypes.ENUM_VALUES,
          TypeNames.className(column.fieldType()));
    }
    if (column.unique()) {
      code.add(".asUnique()");
    }
    if (column.version()) {
      code.add(".asVersion()");
    }
    if (column.pii()) {
      code.add(".asPii()");
    }
    if (column.scrub()) {
      code.add(".asScrubbed()");
    }
    if (column.piiScrubbedFlag()) {
      code.add(".asPiiScrubbedFlag()");
    }
    return code.build();
  }

  private static CodeBlock stringList(List<String> values) {
    List<CodeBlock> items = new ArrayList<>();
    for (String value : values) {
      items.add(CodeBlock.of("$S", value));
    }
    return CodeBlock.of("$T.of($L)", RuntimeTypes.LIST, CodeBlock.join(items, ", "));
  }

  private static MethodSpec nodes(ModelSchema model) {
    List<CodeBlock> nodes = new ArrayList<>();
    for (ClassName node : NodeClassWriter.nodeClasses(model)) {
      nodes.add(CodeBlock.of("new $T()", node));
    }
    return MethodSpec.methodBuilder("nodes")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.LIST, RuntimeTypes.NODE_TYPE))
        .addCode("return $T.of(\n", RuntimeTypes.LIST)
        .addCode(CodeBlock.builder().indent().indent().add(CodeBlock.join(nodes, ",\n")).unindent().unindent().build())
        .addCode(");\n")
        .build();
  }
}
