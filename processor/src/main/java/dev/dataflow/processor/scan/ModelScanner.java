package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ColumnType;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.ModelSchema;
import dev.dataflow.processor.schema.TypeRef;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one {@code @Model} type into a {@link ModelSchema}, reporting every problem it finds at the element that
 * causes it. The only place that reads {@code javax.lang.model} elements; writers see the schema alone.
 */
public final class ModelScanner {
  static final String CREATED_AT = "created_at";
  static final String UPDATED_AT = "updated_at";
  private static final Set<ColumnType> KEY_TYPES =
      EnumSet.of(ColumnType.SHORT, ColumnType.INT, ColumnType.LONG, ColumnType.UUID, ColumnType.STRING);

  private final ErrorReporter errors;
  private final Annotations annotations;
  private final FieldTypeMapper mapper;
  private final ModelKeys keys;
  private final VersionRules versions;
  private final Elements elements;

  public ModelScanner(Elements elements, Types types, ErrorReporter errors) {
    this.elements = elements;
    this.errors = errors;
    this.annotations = new Annotations(elements);
    this.mapper = new FieldTypeMapper(elements, types);
    this.keys = new ModelKeys(annotations, mapper);
    this.versions = new VersionRules(errors);
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
    checkName(
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

    List<ColumnSchema> columns = new ArrayList<>();
    Map<String, String> fieldByColumn = new LinkedHashMap<>();
    List<UniqueConstraintSchema> uniques = new ArrayList<>();
    List<CheckConstraintSchema> checks = new ArrayList<>();
    List<IndexSchema> indexes = new ArrayList<>();
    List<ForeignKeySchema> foreignKeys = new ArrayList<>();
    if (keyField == null) {
      columns.add(implicitKey());
      fieldByColumn.put(ModelKeys.IMPLICIT_KEY, "the implicit key");
    }
    for (ModelField field : fields) {
      ColumnSchema column = column(field, field == keyField);
      if (column == null) {
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
      ForeignKeySchema foreignKey = foreignKey(field, column, table);
      if (foreignKey != null) {
        foreignKeys.add(foreignKey);
      }
    }
    versions.checkParameterName(fields, columns);
    columns.add(timestamp(CREATED_AT, "createdAt"));
    columns.add(timestamp(UPDATED_AT, "updatedAt"));
    indexes.addAll(classIndexes(model, table, columns));

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
            foreignKeys));
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
    if (!checkName(
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
        field.annotation(Annotations.PII) != null);
  }

  /** A name is at most 63 bytes and a plain identifier; {@code hint} says how to change it. */
  private boolean checkName(
      Element element, AnnotationMirror annotation, AnnotationValue value, String what, String name, String hint) {
    if (!Naming.fitsLength(name)) {
      errors.error(
          element,
          annotation,
          value,
          what + " name " + name + " is longer than PostgreSQL's 63-byte limit; " + hint);
      return false;
    }
    if (!Naming.isPlainIdentifier(name)) {
      errors.error(
          element,
          annotation,
          value,
          what
              + " name \""
              + name
              + "\" is not a valid identifier (letters, digits, _ and $, not starting with a digit); "
              + hint);
      return false;
    }
    return true;
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
        0);
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
        0);
  }

  private ForeignKeySchema foreignKey(ModelField field, ColumnSchema column, String table) {
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

  /** Class-level {@code @Index}es, written once or several times (then javac wraps them in {@code @Indexes}). */
  private List<IndexSchema> classIndexes(TypeElement model, String table, List<ColumnSchema> columns) {
    List<IndexSchema> indexes = new ArrayList<>();
    AnnotationMirror single = Annotations.find(model.getAnnotationMirrors(), Annotations.INDEX);
    if (single != null) {
      IndexSchema index = classIndex(model, single, table, columns);
      if (index != null) {
        indexes.add(index);
      }
    }
    AnnotationMirror container = Annotations.find(model.getAnnotationMirrors(), Annotations.INDEXES);
    if (container != null) {
      for (AnnotationValue value : annotations.list(container, "value")) {
        AnnotationMirror index = (AnnotationMirror) value.getValue();
        // Report at the single @Index: javac locates it in the source, but not the implicit @Indexes container.
        IndexSchema schema = classIndex(model, index, table, columns);
        if (schema != null) {
          indexes.add(schema);
        }
      }
    }
    return indexes;
  }

  private IndexSchema classIndex(TypeElement model, AnnotationMirror index, String table, List<ColumnSchema> columns) {
    AnnotationValue columnsValue = Annotations.explicitValue(index, "columns");
    List<IndexSchema.IndexColumn> indexColumns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (AnnotationValue value : annotations.list(index, "columns")) {
      String written = (String) value.getValue();
      boolean descending = written.startsWith("-");
      String wanted = descending ? written.substring(1) : written;
      ColumnSchema column = null;
      for (ColumnSchema candidate : columns) {
        if (candidate.name().equals(wanted) || candidate.fieldName().equals(wanted)) {
          column = candidate;
          break;
        }
      }
      if (column == null) {
        List<String> known = columns.stream().map(ColumnSchema::name).toList();
        errors.error(
            model,
            index,
            columnsValue,
            "unknown column \""
                + wanted
                + "\" in @Index; name a column or field of "
                + model.getSimpleName()
                + ": "
                + String.join(", ", known));
        return null;
      }
      indexColumns.add(new IndexSchema.IndexColumn(column.name(), descending));
      names.add(column.name());
    }
    if (indexColumns.isEmpty()) {
      errors.error(model, index, columnsValue, "@Index needs at least one column: @Index(columns = {\"a\", \"b\"})");
      return null;
    }
    boolean unique = annotations.bool(index, "unique");
    String explicitName = annotations.string(index, "name");
    String name;
    if (explicitName.isEmpty()) {
      name = Naming.constraintName(unique ? "uq" : "idx", table, names);
    } else {
      if (!checkName(model, index, Annotations.explicitValue(index, "name"), "index", explicitName, "choose a shorter @Index(name = \"...\")")) {
        return null;
      }
      name = explicitName;
    }
    return new IndexSchema(name, indexColumns, unique, false);
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
