package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.TypeRef;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Turns a field's {@link TypeMirror} into a {@link TypeRef} the writers can use without the model elements. */
final class TypeRefs {
  private TypeRefs() {}

  static TypeRef of(TypeMirror type) {
    switch (type.getKind()) {
      case BOOLEAN:
      case BYTE:
      case SHORT:
      case INT:
      case LONG:
      case CHAR:
      case FLOAT:
      case DOUBLE:
        return TypeRef.primitive(type.getKind().name().toLowerCase(java.util.Locale.ROOT));
      case ARRAY:
        return TypeRef.array(of(((ArrayType) type).getComponentType()));
      case WILDCARD:
        WildcardType wildcard = (WildcardType) type;
        if (wildcard.getExtendsBound() != null) {
          return TypeRef.wildcard(TypeRef.Kind.WILDCARD_EXTENDS, of(wildcard.getExtendsBound()));
        }
        if (wildcard.getSuperBound() != null) {
          return TypeRef.wildcard(TypeRef.Kind.WILDCARD_SUPER, of(wildcard.getSuperBound()));
        }
        return TypeRef.wildcard(TypeRef.Kind.WILDCARD, null);
      case DECLARED:
        DeclaredType declared = (DeclaredType) type;
        List<String> simpleNames = new ArrayList<>();
        Element element = declared.asElement();
        while (element.getKind() != ElementKind.PACKAGE) {
          simpleNames.add(0, element.getSimpleName().toString());
          element = element.getEnclosingElement();
        }
        List<TypeRef> arguments = new ArrayList<>();
        for (TypeMirror argument : declared.getTypeArguments()) {
          arguments.add(of(argument));
        }
        return TypeRef.declared(((PackageElement) element).getQualifiedName().toString(), simpleNames, arguments);
      default:
        // Type variables of a generic model: the writers fall back to an unbounded wildcard.
        return TypeRef.wildcard(TypeRef.Kind.WILDCARD, null);
    }
  }
}
