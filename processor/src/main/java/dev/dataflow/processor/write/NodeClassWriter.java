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

  /**
   * The nested {@code Params}: it extends the kind's runtime base ({@code dev.dataflow.runtime.node.params}), which
   * holds the setters every model shares, and declares only what depends on the model: the key's type and the
   * column setters.
   */
  private TypeSpec paramsClass(ModelSchema model, NodeKindSpec kind, ClassName params) {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(params)
            .addJavadoc(
                "The parameters of {@code $L}; {@link #toMap()} gives the map a workflow takes.\n",
                model.modelName() + kind.suffix())
            .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .superclass(ParameterizedTypeName.get(RuntimeTypes.paramsBase(kind.suffix()), params))
            .addMethod(PRIVATE_CONSTRUCTOR);
    ColumnSchema key = model.keyColumn();
    switch (kind) {
      case CREATE:
        for (ColumnSchema column : model.insertColumns()) {
          // The @PiiScrubbed flag is set by the runtime on every write that scrubs; a caller may not give it.
          if (!UPSERT_METHODS.contains(column.fieldName()) && !column.piiScrubbedFlag()) {
            type.addMethod(columnSetter(params, column, false));
          }
        }
        if (RowMapperWriter.canMap(model)) {
          type.addMethod(fill(model, params));
        }
        break;
      case READ:
        type.addMethod(keySetter(params, key, "read"));
        break;
      case UPDATE:
        type.addMethod(keySetter(params, key, "update"));
        model.versionColumn().ifPresent(version -> type.addMethod(versionSetter(params, version)));
        addFieldSetters(type, params, model, Set.of("id", "version", "filters", "fields", "confirmAll"));
        break;
      case DELETE:
        type.addMethod(keySetter(params, key, "delete"));
        break;
      case LIST:
      case COUNT:
        break;
      case EXISTS:
        type.addMethod(keySetter(params, key, "look for"));
        break;
      case BULK_CREATE:
        type.addMethod(
            MethodSpec.methodBuilder("record")
                .addJavadoc("Adds one row, built with the create node's typed parameters.\n")
                .addModifiers(Modifier.PUBLIC)
                .returns(params)
                .addParameter(nodeClass(model, NodeKindSpec.CREATE).nestedClass("Params"), "record")
                .addStatement("return addRecord(record)")
                .build());
        break;
      case BULK_UPDATE:
        addFieldSetters(type, params, model, Set.of("filters", "fields", "records", "confirmAll"));
        break;
      default:
        throw new IllegalStateException("unknown node kind " + kind);
    }
    return type.build();
  }

  private static final MethodSpec PRIVATE_CONSTRUCTOR =
      MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addStatement("super(TYPE)").build();

  /** The names of the upsert setters (in the runtime base); a column setter of the same name is left to the map. */
  private static final Set<String> UPSERT_METHODS = Set.of("onConflict", "conflictColumns");

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
