package dev.dataflow.processor.write;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.dataflow.processor.schema.TypeRef;
import java.util.List;

/** Turns the schema's {@link TypeRef}s back into JavaPoet types for generated signatures. */
final class TypeNames {
  private TypeNames() {}

  static TypeName of(TypeRef type) {
    switch (type.kind()) {
      case PRIMITIVE:
        return primitive(type.simpleNames().get(0));
      case ARRAY:
        return ArrayTypeName.of(of(type.bound()));
      case WILDCARD:
        return WildcardTypeName.subtypeOf(ClassName.OBJECT);
      case WILDCARD_EXTENDS:
        return WildcardTypeName.subtypeOf(of(type.bound()));
      case WILDCARD_SUPER:
        return WildcardTypeName.supertypeOf(of(type.bound()));
      case DECLARED:
        ClassName raw = className(type);
        if (type.arguments().isEmpty()) {
          return raw;
        }
        return ParameterizedTypeName.get(raw, type.arguments().stream().map(TypeNames::of).toArray(TypeName[]::new));
      default:
        throw new IllegalArgumentException("unknown type kind " + type.kind());
    }
  }

  /** The type a generated setter takes: the declared type, boxed when primitive. */
  static TypeName boxed(TypeRef type) {
    return of(type).box();
  }

  /** The class of a declared type without its type arguments. */
  static ClassName className(TypeRef type) {
    List<String> names = type.simpleNames();
    return ClassName.get(
        type.packageName(), names.get(0), names.subList(1, names.size()).toArray(String[]::new));
  }

  private static TypeName primitive(String keyword) {
    switch (keyword) {
      case "boolean":
        return TypeName.BOOLEAN;
      case "byte":
        return TypeName.BYTE;
      case "short":
        return TypeName.SHORT;
      case "int":
        return TypeName.INT;
      case "long":
        return TypeName.LONG;
      case "char":
        return TypeName.CHAR;
      case "float":
        return TypeName.FLOAT;
      case "double":
        return TypeName.DOUBLE;
      default:
        throw new IllegalArgumentException("not a primitive: " + keyword);
    }
  }
}
