package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.ModelSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.RetentionSchema;
import dev.dataflow.processor.schema.TypeRef;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one {@code @Model} type into a {@link ModelSchema}, reporting every problem it finds at the element that
 * causes it; the schema includes what the model declares for migrations, so no one reads the model again. Also reads
 * the compilation's {@code @DroppedTables}, which belongs to no model. The scan package is the only one that reads
 * {@code javax.lang.model} elements; writers and migrations see the schema alone.
 */
public final class ModelScanner {
  /** The annotation that may sit on any type or package; the processor claims it and collects it every round. */
  public static final String DROPPED_TABLES = Annotations.DROPPED_TABLES;
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";
  /**
   * The Create node's parameters that are not columns (the runtime's {@code CrudNode.ON_CONFLICT} and
   * {@code CONFLICT_COLUMNS}): a column of the same name would be one parameter name for two things.
   */
  static final Set<String> CREATE_PARAMETERS = Set.of("on_conflict", "conflict_columns");
  private static final Set<ColumnType> KEY_TYPES =
      EnumSet.of(ColumnType.SHORT, ColumnType.INT, ColumnType.LONG, ColumnType.UUID, ColumnType.STRING);

  private final ErrorReporter errors;
  private final Annotations annotations;
  private final FieldTypeMapper mapper;
  private final ModelKeys keys;
  private final VersionRules versions;
  private final PiiRules piiRules;
  private final RetentionRules retentionRules;
  private final PartitionRules partitionRules;
  private final ForeignKeyRules foreignKeyRules;
  private final IndexRules indexRules;
  private final MigrationAnnotations migrationAnnotations;
  private final Elements elements;

  public ModelScanner(Elements elements, Types types, ErrorReporter errors) {
    this.elements = elements;
    this.errors = errors;
    this.annotations = new Annotations(elements);
    this.mapper = new FieldTypeMapper(elements, types);
    this.keys = new ModelKeys(annotations, mapper);
    this.versions = new VersionRules(errors);
    this.piiRules = new PiiRules(errors, annotations);
    this.retentionRules = new RetentionRules(errors, annotations);
    this.partitionRules = new PartitionRules(errors, annotations);
    this.foreignKeyRules = new ForeignKeyRules(errors, annotations, keys);
    this.indexRules = new IndexRules(errors, annotations);
    this.migrationAnnotations = new MigrationAnnotations(annotations);
  }

  /** The schema of {@code model}, or empty when it has errors (already reported). */
  public Optional<ModelSchema> scan(TypeElement model) {
    int errorsBefore = errors.errorCount();
    if (!checkShape(model)) {
      return Optional.empty();
    }
    AnnotationMirror modelAnnotation = Annotations.find(model.getAnnotationMirrors(), Annotations.MODEL);
    String table = keys.tableOf(model);
    boolean explicitTable = !annotations.string(modelAnnotation, "table").isEmpty();
    Naming.checkName(
        errors,
        model,
        modelAnnotation,
        explicitTable ? Annotations.explicitValue(modelAnnotation, "table") : null,
        "table",
        table,
        explicitTable ? "choose a shorter @Model(table = \"...\")" : "set a shorter name with @Model(table = \"...\")");

    List<ModelField> fields = ModelField.of(model);
    ModelField keyField = ModelKeys.keyField(fields);
    checkSingleId(fields);
    versions.checkSingle(fields);
    piiRules.checkModel(model.getSimpleName().toString(), fields);

    List<ColumnSchema> columns = new ArrayList<>();
    Map<String, String> fieldByColumn = new LinkedHashMap<>();
    Map<String, ModelField> declaringFields = new LinkedHashMap<>();
    List<UniqueConstraintSchema> uniques = new ArrayList<>();
    List<CheckConstraintSchema> checks = new ArrayList<>();
    List<IndexSchema> indexes = new ArrayList<>();
    List<ForeignKeySchema> foreignKeys = new ArrayList<>();
    if (keyField == null) {
      columns.add(implicitKey());
      fieldByColumn.put(ModelKeys.IMPLICIT_KEY, "the implicit key");
    }
    boolean everyFieldHasAColumn = true;
    for (ModelField field : fields) {
      ColumnSchema column = column(field, field == keyField);
      if (column == null) {
        everyFieldHasAColumn = false;
        continue;
      }
      String previous = fieldByColumn.putIfAbsent(column.name(), field.name());
      if (previous != null) {
        errors.error(
            field.element(),
            "field "
                + field.name()
                + " maps to column "
                + column.name()
                + ", which "
                + (previous.startsWith("the ") ? previous : "field " + previous)
                + " already uses; give one of them another name with @Column(name = \"...\")"
                + (previous.equals("the implicit key") ? " or mark this field @Id" : ""));
        continue;
      }
      declaringFields.put(column.name(), field);
      if (column.primaryKey()) {
        columns.add(0, column);
      } else {
        columns.add(column);
      }
      if (column.unique()) {
        uniques.add(
            new UniqueConstraintSchema(
                Naming.constraintName("uq", table, List.of(column.name())), List.of(column.name())));
      }
      if (column.javaType() == ColumnType.ENUM) {
        checks.add(
            new CheckConstraintSchema(
                Naming.constraintName("ck", table, List.of(column.name())), column.name(), column.enumConstants()));
      }
      if (field.annotation(Annotations.INDEXED) != null) {
        indexes.add(
            new IndexSchema(
                Naming.constraintName("idx", table, List.of(column.name())),
                List.of(new IndexSchema.IndexColumn(column.name(), false)),
                false,
                column.javaType() == ColumnType.JSON));
      }
      ForeignKeySchema foreignKey = foreignKeyRules.foreignKey(field, column, table);
      if (foreignKey != null) {
        foreignKeys.add(foreignKey);
      }
    }
    versions.checkParameterName(fields, columns);
    columns.add(timestamp(CREATED_AT, "createdAt"));
    columns.add(timestamp(UPDATED_AT, "updatedAt"));
    indexes.addAll(indexRules.classIndexes(model, table, columns));
    RetentionSchema retention = retentionRules.retention(model, columns, everyFieldHasAColumn);
    PartitionSchema partitioning =
        partitionRules.partitioning(model, table, columns, everyFieldHasAColumn, uniques, indexes);

    if (errors.errorCount() > errorsBefore) {
      return Optional.empty();
    }
    String packageName = packageOf(model).getQualifiedName().toString();
    return Optional.of(
        new ModelSchema(
            model.getSimpleName().toString(),
            packageName,
            model.getQualifiedName().toString(),
            table,
            columns,
            columns.get(0).name(),
            uniques,
            checks,
            indexes,
            foreignKeys,
            migrationAnnotations.hints(model, declaringFields),
            retention,
            partitioning,
            ModelAccessRules.access(model, fields, columnsByField(declaringFields))));
  }

  private static Map<ModelField, String> columnsByField(Map<String, ModelField> declaringFields) {
    Map<ModelField, String> columns = new LinkedHashMap<>();
    declaringFields.forEach((column, field) -> columns.put(field, column));
    return columns;
  }

  /** The tables that {@code @DroppedTables} on this round's types and packages names. */
  public List<String> droppedTables(RoundEnvironment round) {
    List<String> tables = new ArrayList<>();
    TypeElement annotation = elements.getTypeElement(DROPPED_TABLES);
    if (annotation != null) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        tables.addAll(migrationAnnotations.droppedTables(element));
      }
    }
    return tables;
  }

  /** {@code @Model} goes on a concrete record or class that generated code can name. */
  private boolean checkShape(TypeElement model) {
    ElementKind kind = model.getKind();
    if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
      String what = kind == ElementKind.ENUM ? "an enum" : kind == ElementKind.INTERFACE ? "an interface" : "a " + kind;
      errors.error(
          model,
          Annotations.find(model.getAnnotationMirrors(), Annotations.MODEL),
          "@Model cannot go on "
              + what
              + "; put it on a record (record "
              + model.getSimpleName()
              + "(Long id, ...)) or a concrete class with fields");
      return false;
    }
    if (model.getModifiers().contains(Modifier.ABSTRACT)) {
      errors.error(
          model,
          "@Model cannot go on an abstract class; put it on a concrete subclass or make "
              + model.getSimpleName()
              + " concrete");
      return false;
    }
    if (model.getNestingKind() == NestingKind.MEMBER && !model.getModifiers().contains(Modifier.STATIC)) {
      errors.error(
          model,
          "@Model cannot go on a non-static inner class; declare it static class "
              + model.getSimpleName()
              + " or move it to its own file");
      return false;
    }
    if (model.getNestingKind() == NestingKind.LOCAL || model.getNestingKind() == NestingKind.ANONYMOUS) {
      errors.error(model, "@Model cannot go on a local class; move " + model.getSimpleName() + " to its own file");
      return false;
    }
    return true;
  }

  private void checkSingleId(List<ModelField> fields) {
    ModelField.reportAllButFirst(fields, Annotations.ID, errors, (first, field) -> "more than one @Id: "
        + first.name() + " is already the key; remove @Id from " + field.name()
        + " (use @Unique for a second unique column)");
  }

  /** The column of one field, or null after reporting why it has none. */
  private ColumnSchema column(ModelField field, boolean isKey) {
    AnnotationMirror columnAnnotation = field.annotation(Annotations.COLUMN);
    String name = keys.columnOf(field);
    boolean explicitName = columnAnnotation != null && !annotations.string(columnAnnotation, "name").isEmpty();
    if (name.equals(CREATED_AT) || name.equals(UPDATED_AT)) {
      errors.error(
          field.element(),
          "column "
              + name
              + " is reserved: DataFlow adds and maintains created_at and updated_at on every model;"
              + " remove field "
              + field.name()
              + " (read "
              + name
              + " from node outputs) or map it to another column with @Column(name = \"...\")");
      return null;
    }
    if (CREATE_PARAMETERS.contains(name)) {
      errors.error(
          field.element(),
          "column "
              + name
              + " has the name of a parameter of the model's Create and BulkCreate nodes (upserts), so a create could"
              + " not tell the two apart; map field "
              + field.name()
              + " to another column with @Column(name = \"...\")");
      return null;
    }
    if (!Naming.checkName(
        errors,
        field.element(),
        columnAnnotation,
        explicitName ? Annotations.explicitValue(columnAnnotation, "name") : null,
        "column",
        name,
        "set a shorter, plain name with @Column(name = \"...\")")) {
      return null;
    }
    AnnotationMirror jsonAnnotation = field.annotation(Annotations.JSON);
    FieldTypeMapper.Result result = mapper.map(field.type(), jsonAnnotation != null);
    if (result.mapping() == null) {
      errors.error(field.element(), jsonAnnotation, result.error());
      return null;
    }
    FieldTypeMapper.Mapping mapping = result.mapping();
    AnnotationMirror versionAnnotation = field.annotation(Annotations.VERSION);
    if (versionAnnotation != null && !versions.check(field, versionAnnotation, columnAnnotation, mapping, isKey)) {
      return null;
    }
    if (!piiRules.check(field, mapping, isKey)) {
      return null;
    }
    if (isKey && !KEY_TYPES.contains(mapping.type())) {
      errors.error(
          field.element(),
          "the key "
              + field.name()
              + " cannot be of type "
              + field.type()
              + "; use Long (generated identity), Integer, UUID or String");
      return null;
    }

    int length = 0;
    int precision = 0;
    int scale = 0;
    String defaultValue = null;
    boolean nullable = !isKey && !field.type().getKind().isPrimitive();
    String sqlType = mapping.sqlType();
    if (columnAnnotation != null) {
      length = annotations.integer(columnAnnotation, "length");
      precision = annotations.integer(columnAnnotation, "precision");
      scale = annotations.integer(columnAnnotation, "scale");
      String rawDefault = annotations.string(columnAnnotation, "defaultValue");
      defaultValue = rawDefault.isEmpty() ? null : rawDefault;
      nullable = nullable && annotations.bool(columnAnnotation, "nullable");
      if (length != 0 && mapping.type() != ColumnType.STRING) {
        errors.error(
            field.element(),
            columnAnnotation,
            Annotations.explicitValue(columnAnnotation, "length"),
            "@Column(length) is only for String fields; remove it from " + field.name() + " (" + field.type() + ")");
        return null;
      }
      if ((precision != 0 || scale != 0) && mapping.type() != ColumnType.BIG_DECIMAL) {
        AnnotationValue value = Annotations.explicitValue(columnAnnotation, precision != 0 ? "precision" : "scale");
        errors.error(
            field.element(),
            columnAnnotation,
            value,
            "@Column(precision, scale) is only for BigDecimal fields; remove it from "
                + field.name()
                + " ("
                + field.type()
                + ")");
        return null;
      }
      if (length < 0 || precision < 0 || scale < 0 || (scale > precision)) {
        errors.error(
            field.element(),
            columnAnnotation,
            "@Column length, precision and scale must be positive, and scale at most precision;"
                + " for example @Column(precision = 10, scale = 2)");
        return null;
      }
      if (length > 0) {
        sqlType = "VARCHAR(" + length + ")";
      }
      if (precision > 0) {
        sqlType = "NUMERIC(" + precision + "," + scale + ")";
      }
    }
    boolean version = versionAnnotation != null;
    boolean generated = (isKey && mapping.type().isIdentityCandidate()) || version;
    if (version) {
      nullable = false;
      defaultValue = "1";
    }
    TypeRef fieldType = TypeRefs.of(field.type());
    return new ColumnSchema(
        name,
        field.name(),
        mapping.type(),
        sqlType,
        nullable,
        isKey,
        generated,
        defaultValue,
        field.annotation(Annotations.UNIQUE) != null,
        mapping.enumConstants(),
        mapping.enumTypeName(),
        fieldType,
        length,
        precision,
        scale,
        version,
        field.annotation(Annotations.PII) != null,
        piiRules.scrubs(field),
        PiiRules.isScrubbedFlag(field));
  }

  private static ColumnSchema implicitKey() {
    return new ColumnSchema(
        ModelKeys.IMPLICIT_KEY,
        ModelKeys.IMPLICIT_KEY,
        ColumnType.LONG,
        "BIGINT",
        false,
        true,
        true,
        null,
        false,
        List.of(),
        null,
        TypeRef.declared("java.lang", List.of("Long"), List.of()),
        0,
        0,
        0,
        false,
        false,
        false,
        false);
  }

  private static ColumnSchema timestamp(String name, String fieldName) {
    return new ColumnSchema(
        name,
        fieldName,
        ColumnType.INSTANT,
        "TIMESTAMPTZ",
        false,
        false,
        true,
        "now()",
        false,
        List.of(),
        null,
        TypeRef.declared("java.time", List.of("Instant"), List.of()),
        0,
        0,
        0,
        false,
        false,
        false,
        false);
  }

  /** The first unresolved type among the model's field types and references, or null when all resolved. */
  public String unresolvedType(TypeElement model) {
    for (ModelField field : ModelField.of(model)) {
      String unresolved = unresolved(field.type());
      if (unresolved != null) {
        return unresolved;
      }
      AnnotationMirror references = field.annotation(Annotations.REFERENCES);
      if (references != null) {
        Object target = annotations.value(references, "value").getValue();
        if (!(target instanceof TypeMirror targetType)) {
          return String.valueOf(target);
        }
        String unresolvedTarget = unresolved(targetType);
        if (unresolvedTarget != null) {
          return unresolvedTarget;
        }
      }
    }
    return null;
  }

  private static String unresolved(TypeMirror type) {
    if (type.getKind() == TypeKind.ERROR) {
      return type.toString();
    }
    if (type instanceof javax.lang.model.type.ArrayType array) {
      return unresolved(array.getComponentType());
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        String inner = unresolved(argument);
        if (inner != null) {
          return inner;
        }
      }
    }
    if (type instanceof javax.lang.model.type.WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        return unresolved(wildcard.getExtendsBound());
      }
      if (wildcard.getSuperBound() != null) {
        return unresolved(wildcard.getSuperBound());
      }
    }
    return null;
  }

  private PackageElement packageOf(TypeElement model) {
    return elements.getPackageOf(model);
  }
}
