package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Decides which column type a field's Java type maps to, or why it cannot be stored and what to write instead. */
final class FieldTypeMapper {

  /** A field type the processor can store. */
  record Mapping(ColumnType type, String sqlType, List<String> enumConstants, String enumTypeName) {}

  /** Either a mapping or an error message saying what to write instead. */
  record Result(Mapping mapping, String error) {
    static Result ok(ColumnType type, String sqlType) {
      return new Result(new Mapping(type, sqlType, List.of(), null), null);
    }

    static Result error(String message) {
      return new Result(null, message);
    }
  }

  private static final Map<String, Mapping> DECLARED =
      Map.ofEntries(
          entry("java.lang.String", ColumnType.STRING, "TEXT"),
          entry("java.lang.Short", ColumnType.SHORT, "SMALLINT"),
          entry("java.lang.Integer", ColumnType.INT, "INTEGER"),
          entry("java.lang.Long", ColumnType.LONG, "BIGINT"),
          entry("java.lang.Float", ColumnType.FLOAT, "REAL"),
          entry("java.lang.Double", ColumnType.DOUBLE, "DOUBLE PRECISION"),
          entry("java.lang.Boolean", ColumnType.BOOLEAN, "BOOLEAN"),
          entry("java.math.BigDecimal", ColumnType.BIG_DECIMAL, "NUMERIC"),
          entry("java.util.UUID", ColumnType.UUID, "UUID"),
          entry("java.time.Instant", ColumnType.INSTANT, "TIMESTAMPTZ"),
          entry("java.time.OffsetDateTime", ColumnType.OFFSET_DATE_TIME, "TIMESTAMPTZ"),
          entry("java.time.LocalDateTime", ColumnType.LOCAL_DATE_TIME, "TIMESTAMP"),
          entry("java.time.LocalDate", ColumnType.LOCAL_DATE, "DATE"));

  /** Common types people reach for, with the supported type to use instead. */
  private static final Map<String, String> INSTEAD =
      Map.ofEntries(
          Map.entry("java.util.Date", "use java.time.Instant"),
          Map.entry("java.util.Calendar", "use java.time.Instant"),
          Map.entry("java.sql.Timestamp", "use java.time.Instant"),
          Map.entry("java.sql.Date", "use java.time.LocalDate"),
          Map.entry("java.sql.Time", "use String"),
          Map.entry("java.time.ZonedDateTime", "use java.time.OffsetDateTime or java.time.Instant"),
          Map.entry("java.time.LocalTime", "use String"),
          Map.entry("java.lang.Character", "use String"),
          Map.entry("java.lang.Byte", "use Short"),
          Map.entry("java.math.BigInteger", "use java.math.BigDecimal or Long"),
          Map.entry("java.lang.Object", "use a concrete type, or a Map/List/record with @Json"));

  private final Elements elements;
  private final Types types;

  FieldTypeMapper(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  private static Map.Entry<String, Mapping> entry(String name, ColumnType type, String sql) {
    return Map.entry(name, new Mapping(type, sql, List.of(), null));
  }

  /** Maps {@code type}; {@code json} says whether the field has {@code @Json}. */
  Result map(TypeMirror type, boolean json) {
    Result plain = mapPlain(type);
    boolean jsonCandidate = isJsonCandidate(type);
    if (json) {
      if (jsonCandidate) {
        return Result.ok(ColumnType.JSON, "JSONB");
      }
      if (plain.mapping() != null) {
        return Result.error(
            "@Json is for Map, List or record types; remove @Json to store "
                + type
                + " as "
                + plain.mapping().sqlType());
      }
      return Result.error(
          "@Json cannot store " + type + "; declare the field as a Map<String, Object>, a List or a record");
    }
    if (plain.mapping() == null && jsonCandidate) {
      return Result.error("unsupported field type " + type + "; add @Json to store it as JSONB");
    }
    return plain;
  }

  private Result mapPlain(TypeMirror type) {
    switch (type.getKind()) {
      case SHORT:
        return Result.ok(ColumnType.SHORT, "SMALLINT");
      case INT:
        return Result.ok(ColumnType.INT, "INTEGER");
      case LONG:
        return Result.ok(ColumnType.LONG, "BIGINT");
      case FLOAT:
        return Result.ok(ColumnType.FLOAT, "REAL");
      case DOUBLE:
        return Result.ok(ColumnType.DOUBLE, "DOUBLE PRECISION");
      case BOOLEAN:
        return Result.ok(ColumnType.BOOLEAN, "BOOLEAN");
      case CHAR:
        return Result.error("unsupported field type char; use String");
      case BYTE:
        return Result.error("unsupported field type byte; use short");
      case ARRAY:
        if (((ArrayType) type).getComponentType().getKind() == TypeKind.BYTE) {
          return Result.ok(ColumnType.BYTES, "BYTEA");
        }
        return Result.error(
            "unsupported field type " + type + "; only byte[] is stored as an array (BYTEA), use @Json List<...>");
      case DECLARED:
        return mapDeclared((DeclaredType) type);
      default:
        return Result.error("unsupported field type " + type + "; use one of the types listed in @Model's docs");
    }
  }

  private Result mapDeclared(DeclaredType type) {
    TypeElement element = (TypeElement) type.asElement();
    String name = element.getQualifiedName().toString();
    Mapping known = DECLARED.get(name);
    if (known != null) {
      return new Result(known, null);
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = new ArrayList<>();
      for (Element enclosed : element.getEnclosedElements()) {
        if (enclosed.getKind() == ElementKind.ENUM_CONSTANT) {
          constants.add(enclosed.getSimpleName().toString());
        }
      }
      if (constants.isEmpty()) {
        return Result.error("enum " + name + " has no constants; give it at least one constant");
      }
      return new Result(new Mapping(ColumnType.ENUM, "TEXT", constants, name), null);
    }
    String instead = INSTEAD.get(name);
    if (instead != null) {
      return Result.error("unsupported field type " + type + "; " + instead);
    }
    if (isSubtypeOf(type, "java.util.Collection")) {
      return Result.error("unsupported field type " + type + "; use a List with @Json to store it as JSONB");
    }
    return Result.error(
        "unsupported field type "
            + type
            + "; use String, a number, Boolean, BigDecimal, UUID, a java.time type, byte[], an enum,"
            + " or a Map/List/record with @Json");
  }

  private boolean isJsonCandidate(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    Element element = ((DeclaredType) type).asElement();
    return element.getKind() == ElementKind.RECORD
        || isSubtypeOf(type, "java.util.Map")
        || isSubtypeOf(type, "java.util.List");
  }

  private boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null && types.isAssignable(types.erasure(type), types.erasure(target.asType()));
  }
}
