package dev.dataflow.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ModelAccess;
import dev.dataflow.processor.schema.ModelSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Writes the nine {@code <Model><Kind>Node} classes. Each one only binds the runtime's node base class to the model's
 * descriptor and offers typed {@code Params}; all behaviour lives in the runtime.
 */
public final class NodeClassWriter {

  /** The files of all nine nodes of {@code model}, in {@link NodeKindSpec} order. */
  public List<JavaFile> write(ModelSchema model, Element originatingElement) {
    List<JavaFile> files = new ArrayList<>();
    for (NodeKindSpec kind : NodeKindSpec.values()) {
      files.add(
          JavaFile.builder(model.packageName(), node(model, kind, originatingElement))
              .skipJavaLangImports(true)
              .build());
    }
    return files;
  }

  /** The simple class names of the nine nodes, for the schema class's {@code nodes()}. */
  static List<ClassName> nodeClasses(ModelSchema model) {
    List<ClassName> names = new ArrayList<>();
    for (NodeKindSpec kind : NodeKindSpec.values()) {
      names.add(nodeClass(model, kind));
    }
    return names;
  }

  static ClassName nodeClass(ModelSchema model, NodeKindSpec kind) {
    return ClassName.get(model.packageName(), model.modelName() + kind.suffix());
  }

  private TypeSpec node(ModelSchema model, NodeKindSpec kind, Element originatingElement) {
    ClassName self = nodeClass(model, kind);
    ClassName params = self.nestedClass("Params");
    ClassName schemaClass = SchemaClassWriter.schemaClass(model);
    ClassName modelClass = ClassName.get(model.packageName(), model.modelName());
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            .addJavadoc(
                "$L in table {@code $L} ({@link $T}).\n\n<p>Node type {@code $L}. Build its parameters with {@link"
                    + " #params()}.\n",
                kind.summary(),
                model.table(),
                modelClass,
                self.simpleName())
            .addAnnotation(RuntimeTypes.GENERATED)
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .superclass(RuntimeTypes.crudBase(kind.suffix()))
            .addOriginatingElement(originatingElement)
            .addField(
                FieldSpec.builder(String.class, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                    .addJavadoc("The node type workflows refer to.\n")
                    .initializer("$S", self.simpleName())
                    .build())
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addJavadoc("Creates the node; the runtime finds it through {@link $T#nodes()}.\n", schemaClass)
                    .addModifiers(Modifier.PUBLIC)
                    .addStatement("super($T.DESCRIPTOR)", schemaClass)
                    .build())
            .addMethod(
                // The name is the contract; Node.parameters() is the instance method declaring ParamSpecs.
                MethodSpec.methodBuilder("params")
                    .addJavadoc("Typed parameters for this node.\n")
                    .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                    .returns(params)
                    .addStatement("return new $T()", params)
                    .build());
    if (RowMapperWriter.canMap(model) && kind == NodeKindSpec.CREATE) {
      type.addMethod(createParamsFromModel(params, modelClass));
    }
    if (RowMapperWriter.canMap(model) && kind == NodeKindSpec.BULK_CREATE) {
      type.addMethod(bulkCreateParamsFromModels(model, params, modelClass));
    }
    type.addType(paramsClass(model, kind, params));
    return type.build();
  }

  /** {@code params(model)}: the create's parameters, filled by {@code Params.fill}. */
  private static MethodSpec createParamsFromModel(ClassName params, ClassName modelClass) {
    return MethodSpec.methodBuilder("params")
        .addJavadoc(
            "Parameters filled from {@code model}: each field the create may set. A null field (such as the key of a"
                + "\nmodel not stored yet) is left out, so the column gets its default or NULL.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(params)
        .addParameter(modelClass, "model")
        .addStatement("return new $T().fill(model)", params)
        .build();
  }

  /**
   * {@code Params.fill(model)}: every column a create may set, from the model's field; a null field is left out, so a
   * null key is generated and a defaulted column gets its default. The {@code @PiiScrubbed} flag is the runtime's.
   */
  private static MethodSpec fill(ModelSchema model, ClassName params) {
    ClassName modelClass = ClassName.get(model.packageName(), model.modelName());
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("fill")
            .addModifiers(Modifier.PRIVATE)
            .returns(params)
            .addParameter(modelClass, "model");
    for (ColumnSchema column : model.insertColumns()) {
      if (column.piiScrubbedFlag()) {
        continue;
      }
      for (ModelAccess.FieldAccess field : model.access().fields()) {
        if (field.column().equals(column.name())) {
          method.addStatement("setUnlessNull($S, $L)", column.name(), RowMapperWriter.read(field, "model"));
        }
      }
    }
    return method.addStatement("return this").build();
  }

  /** {@code params(models)}: one record per model, each as {@code <Model>CreateNode.params(model)} fills it. */
  private static MethodSpec bulkCreateParamsFromModels(ModelSchema model, ClassName params, ClassName modelClass) {
    ClassName create = nodeClass(model, NodeKindSpec.CREATE);
    TypeName recordList = ParameterizedTypeName.get(RuntimeTypes.LIST, RuntimeTypes.OBJECT_MAP);
    return MethodSpec.methodBuilder("params")
        .addJavadoc(
            "Parameters whose records are {@code models}, each filled as {@link $T#params($T)} fills one.\n",
            create,
            modelClass)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(params)
        .addParameter(ParameterizedTypeName.get(RuntimeTypes.LIST, modelClass), "models")
        .addStatement("$T records = new $T<>()", recordList, RuntimeTypes.ARRAY_LIST)
        .beginControlFlow("for ($T model : models)", modelClass)
        .addStatement("records.add($T.params(model).toMap())", create)
        .endControlFlow()
        .addStatement("return new $T().records(records)", params)
        .build();
  }

  private TypeSpec paramsClass(ModelSchema model, NodeKindSpec kind, ClassName params) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(params)
            .addJavadoc(
                "The parameters of {@code $L}; {@link #toMap()} gives the map a workflow takes.\n",
                model.modelName() + kind.suffix())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(RuntimeTypes.NODE_PARAMS)
            .addMethod(
                MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addStatement("super(TYPE)").build());
    ColumnSchema key = model.keyColumn();
    switch (kind) {
      case CREATE:
        for (ColumnSchema column : model.insertColumns()) {
          // The @PiiScrubbed flag is set by the runtime on every write that scrubs; a caller may not give it.
          if (!UPSERT_METHODS.contains(column.fieldName()) && !column.piiScrubbedFlag()) {
            type.addMethod(columnSetter(params, column, false));
          }
        }
        addUpsertSetters(type, params);
        if (RowMapperWriter.canMap(model)) {
          type.addMethod(fill(model, params));
        }
        break;
      case READ:
        type.addMethod(keySetter(params, key, "read"));
        type.addMethod(filters(params, "Selects the row by filters instead of by key"));
        type.addMethod(
            simpleSetter(
                params,
                "raiseOnNotFound",
                TypeName.BOOLEAN,
                RuntimeTypes.RAISE_ON_NOT_FOUND,
                "Whether a missing row fails the node (true) or yields an empty result (false)"));
        break;
      case UPDATE:
        type.addMethod(keySetter(params, key, "update"));
        model.versionColumn().ifPresent(version -> type.addMethod(versionSetter(params, version)));
        type.addMethod(filters(params, "Selects the row to update by filters instead of by key"));
        type.addMethod(fields(params));
        type.addMethod(confirmAll(params, "update"));
        addFieldSetters(type, params, model, Set.of("id", "version", "filters", "fields", "confirmAll"));
        break;
      case DELETE:
        type.addMethod(keySetter(params, key, "delete"));
        type.addMethod(filters(params, "Selects the rows to delete by filters instead of by key"));
        type.addMethod(confirmAll(params, "delete"));
        break;
      case LIST:
        type.addMethod(filters(params, "Selects the rows to list"));
        type.addMethod(
            MethodSpec.methodBuilder("orderBy")
                .addJavadoc(
                    "Orders by these columns; a leading {@code -} sorts descending, for example {@code"
                        + " orderBy(\"-created_at\")}.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(params)
                .addParameter(String[].class, "columns")
                .varargs()
                .addStatement("set($L, $T.of(columns))", RuntimeTypes.ORDER_BY.reference(), RuntimeTypes.LIST)
                .addStatement("return this")
                .build());
        type.addMethod(simpleSetter(params, "limit", TypeName.INT, RuntimeTypes.LIMIT, "At most this many rows"));
        type.addMethod(simpleSetter(params, "offset", TypeName.INT, RuntimeTypes.OFFSET, "Skips this many rows first"));
        type.addMethod(
            simpleSetter(
                params,
                "total",
                TypeName.BOOLEAN,
                RuntimeTypes.TOTAL,
                "Whether the output also gives {@code total}, the count of all matching rows"));
        type.addMethod(
            simpleSetter(
                params,
                "cursor",
                ClassName.get(String.class),
                RuntimeTypes.CURSOR,
                "Continues after the page whose output gave this {@code next_cursor}"));
        break;
      case COUNT:
        type.addMethod(filters(params, "Selects the rows to count"));
        type.addMethod(
            MethodSpec.methodBuilder("groupBy")
                .addJavadoc(
                    "Also counts per group of these keys: a column, a date/time column truncated in UTC ({@code"
                        + " \"created_at:day\"}; hour, day, week, month, year) or a key of a JSON column ({@code"
                        + " \"intents.primary\"}).\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(params)
                .addParameter(String[].class, "keys")
                .varargs()
                .addStatement("set($L, $T.of(keys))", RuntimeTypes.GROUP_BY.reference(), RuntimeTypes.LIST)
                .addStatement("return this")
                .build());
        type.addMethod(
            MethodSpec.methodBuilder("aggregate")
                .addJavadoc(
                    "Adds a named aggregate to each group, for example {@code aggregate(\"avg_confidence\","
                        + " \"$$avg\", \"confidence\")}; operators $$sum, $$avg, $$min, $$max, $$count_distinct.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(params)
                .addParameter(String.class, "name")
                .addParameter(String.class, "operator")
                .addParameter(String.class, "column")
                .addStatement(
                    "setIn($L, name, $T.of(operator, column))", RuntimeTypes.AGGREGATES.reference(), RuntimeTypes.MAP)
                .addStatement("return this")
                .build());
        type.addMethod(
            simpleSetter(params, "limit", TypeName.INT, RuntimeTypes.GROUP_LIMIT, "At most this many groups"));
        break;
      case EXISTS:
        type.addMethod(keySetter(params, key, "look for"));
        type.addMethod(filters(params, "Looks for a row matching filters instead of by key"));
        break;
      case BULK_CREATE:
        addBulkCreate(type, params, model);
        break;
      case BULK_UPDATE:
        type.addMethod(filters(params, "Selects the rows to update, all set to the same {@code fields}"));
        type.addMethod(fields(params));
        type.addMethod(
            MethodSpec.methodBuilder("records")
                .addJavadoc(
                    model.versionColumn().isPresent()
                        ? "One map per row to update, each holding the key ({@code id}), the version read ({@code"
                            + " version}) and the columns to set; a stale version fails the whole call.\n"
                        : "One map per row to update, each holding the key ({@code id}) and the columns to set.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(params)
                .addParameter(RuntimeTypes.RECORD_LIST, "records")
                .addStatement("set($L, records)", RuntimeTypes.RECORDS.reference())
                .addStatement("return this")
                .build());
        type.addMethod(confirmAll(params, "update"));
        addFieldSetters(type, params, model, Set.of("filters", "fields", "records", "confirmAll"));
        break;
      default:
        throw new IllegalStateException("unknown node kind " + kind);
    }
    return type.build();
  }

  private void addBulkCreate(TypeSpec.Builder type, ClassName params, ModelSchema model) {
    ClassName createParams = nodeClass(model, NodeKindSpec.CREATE).nestedClass("Params");
    TypeName recordType = RuntimeTypes.STRING_MAP;
    type.addField(
        FieldSpec.builder(
                ParameterizedTypeName.get(RuntimeTypes.LIST, recordType), "records", Modifier.PRIVATE, Modifier.FINAL)
            .initializer("new $T<>()", RuntimeTypes.ARRAY_LIST)
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("records")
            .addJavadoc("The rows to insert, one map of column names to values per row; replaces earlier records.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(params)
            .addParameter(RuntimeTypes.RECORD_LIST, "records")
            .addStatement("this.records.clear()")
            .addStatement("this.records.addAll(records)")
            .addStatement("set($L, $T.copyOf(this.records))", RuntimeTypes.RECORDS.reference(), RuntimeTypes.LIST)
            .addStatement("return this")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("record")
            .addJavadoc("Adds one row, built with the create node's typed parameters.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(params)
            .addParameter(createParams, "record")
            .addStatement("records.add(record.toMap())")
            .addStatement("set($L, $T.copyOf(records))", RuntimeTypes.RECORDS.reference(), RuntimeTypes.LIST)
            .addStatement("return this")
            .build());
    type.addMethod(
        simpleSetter(
            params, "batchSize", TypeName.INT, RuntimeTypes.BATCH_SIZE,
            "How many records go into one batch (one COPY, or one round of upserts)"));
    type.addMethod(
        simpleSetter(
            params, "returnIds", TypeName.BOOLEAN, RuntimeTypes.RETURN_IDS,
            "Whether the output lists the new rows' ids (default true)"));
    addUpsertSetters(type, params);
  }

  /** The names of the upsert setters; a column setter of the same name is left to the parameter map. */
  private static final Set<String> UPSERT_METHODS = Set.of("onConflict", "conflictColumns");

  /** {@code on_conflict} and {@code conflict_columns}, checked by the runtime when the workflow is built. */
  private static void addUpsertSetters(TypeSpec.Builder type, ClassName params) {
    type.addMethod(
        MethodSpec.methodBuilder("onConflict")
            .addJavadoc(
                "What a row that duplicates a unique value does: {@code \"error\"} (the default: the insert fails),"
                    + " {@code \"ignore\"} (it is skipped) or {@code \"update\"} (the existing row is updated;"
                    + " needs {@link #conflictColumns}).\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(params)
            .addParameter(String.class, "mode")
            .addStatement("set($L, mode)", RuntimeTypes.ON_CONFLICT.reference())
            .addStatement("return this")
            .build());
    type.addMethod(
        MethodSpec.methodBuilder("conflictColumns")
            .addJavadoc(
                "The columns of the unique constraint, unique index or key that decide a conflict, for example"
                    + " {@code conflictColumns(\"code\")}.\n")
            .addModifiers(Modifier.PUBLIC)
            .returns(params)
            .addParameter(String[].class, "columns")
            .varargs()
            .addStatement("set($L, $T.of(columns))", RuntimeTypes.CONFLICT_COLUMNS.reference(), RuntimeTypes.LIST)
            .addStatement("return this")
            .build());
  }

  /**
   * One {@code fields} setter per updatable column but the {@code @PiiScrubbed} flag, which only the runtime sets. A
   * column whose setter name would clash with the kind's own parameter methods is left to {@code fields(Map)}.
   */
  private void addFieldSetters(TypeSpec.Builder type, ClassName params, ModelSchema model, Set<String> taken) {
    for (ColumnSchema column : model.updateColumns()) {
      if (!taken.contains(column.fieldName()) && !column.piiScrubbedFlag()) {
        type.addMethod(columnSetter(params, column, true));
      }
    }
  }

  private static MethodSpec columnSetter(ClassName params, ColumnSchema column, boolean intoFields) {
    MethodSpec.Builder method =
        MethodSpec.methodBuilder(column.fieldName())
            .addJavadoc("Column {@code $L} ($L).\n", column.name(), describe(column))
            .addModifiers(Modifier.PUBLIC)
            .returns(params)
            .addParameter(TypeNames.boxed(column.fieldType()), column.fieldName());
    if (intoFields) {
      method.addStatement("setIn($L, $S, $L)", RuntimeTypes.FIELDS.reference(), column.name(), column.fieldName());
    } else {
      method.addStatement("set($S, $L)", column.name(), column.fieldName());
    }
    return method.addStatement("return this").build();
  }

  private static MethodSpec keySetter(ClassName params, ColumnSchema key, String verb) {
    return MethodSpec.methodBuilder("id")
        .addJavadoc("The key (column {@code $L}) of the row to $L.\n", key.name(), verb)
        .addModifiers(Modifier.PUBLIC)
        .returns(params)
        .addParameter(TypeNames.boxed(key.fieldType()), "id")
        .addStatement("set($L, id)", RuntimeTypes.ID.reference())
        .addStatement("return this")
        .build();
  }

  private static MethodSpec versionSetter(ClassName params, ColumnSchema version) {
    return MethodSpec.methodBuilder("version")
        .addJavadoc(
            "The version (column {@code $L}) of the row as it was read; required with {@link #id}. The update"
                + " fails with {@code RecordConflictException} when the row has changed since.\n",
            version.name())
        .addModifiers(Modifier.PUBLIC)
        .returns(params)
        .addParameter(TypeNames.boxed(version.fieldType()), "version")
        .addStatement("set($L, version)", RuntimeTypes.VERSION.reference())
        .addStatement("return this")
        .build();
  }

  private static MethodSpec filters(ClassName params, String doc) {
    return MethodSpec.methodBuilder("filters")
        .addJavadoc(doc + ": a MongoDB-style filter map of column names to values or operators.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(params)
        .addParameter(RuntimeTypes.STRING_MAP, "filters")
        .addStatement("set($L, filters)", RuntimeTypes.FILTERS.reference())
        .addStatement("return this")
        .build();
  }

  private static MethodSpec fields(ClassName params) {
    return MethodSpec.methodBuilder("fields")
        .addJavadoc("The columns to set, by column name; the typed setters add to the same map.\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(params)
        .addParameter(RuntimeTypes.STRING_MAP, "fields")
        .addStatement("set($L, fields)", RuntimeTypes.FIELDS.reference())
        .addStatement("return this")
        .build();
  }

  private static MethodSpec confirmAll(ClassName params, String operation) {
    return simpleSetter(
        params,
        "confirmAll",
        TypeName.BOOLEAN,
        RuntimeTypes.CONFIRM_ALL,
        "Must be true to " + operation + " with empty filters, that is, every row");
  }

  private static MethodSpec simpleSetter(
      ClassName params, String method, TypeName type, RuntimeTypes.Constant key, String doc) {
    return MethodSpec.methodBuilder(method)
        .addJavadoc(doc + ".\n")
        .addModifiers(Modifier.PUBLIC)
        .returns(params)
        .addParameter(type, method)
        .addStatement("set($L, $L)", key.reference(), method)
        .addStatement("return this")
        .build();
  }

  private static String describe(ColumnSchema column) {
    StringBuilder text = new StringBuilder(column.sqlType());
    if (column.primaryKey()) {
      text.append(", primary key");
    } else if (!column.nullable()) {
      text.append(", NOT NULL");
    }
    if (column.unique()) {
      text.append(", unique");
    }
    if (column.hasDefault()) {
      text.append(", has a default");
    }
    if (column.pii()) {
      text.append(", personal data: DataFlow never logs its value");
    }
    return text.toString();
  }
}
