package dev.dataflow.processor.schema;

import java.util.List;

/**
 * A Java type as declared on a model field, in a form that needs no {@code javax.lang.model} and can be written to a
 * JSON snapshot. Writers turn it back into source ({@code Map<String, Object>}, {@code byte[]}, {@code Outer.Role}).
 *
 * @param kind what sort of type this is
 * @param packageName for {@link Kind#DECLARED}, the package ({@code ""} for the unnamed package); else {@code ""}
 * @param simpleNames for {@link Kind#DECLARED}, the enclosing-to-nested simple names ({@code [Outer, Role]}); for
 *     {@link Kind#PRIMITIVE}, the keyword ({@code [int]}); else empty
 * @param arguments for {@link Kind#DECLARED}, the type arguments; else empty
 * @param bound for {@link Kind#ARRAY}, the component type; for the wildcards, the bound; else null
 */
public record TypeRef(Kind kind, String packageName, List<String> simpleNames, List<TypeRef> arguments, TypeRef bound) {

  /** The sorts of type a field may declare. */
  public enum Kind {
    PRIMITIVE,
    DECLARED,
    ARRAY,
    /** {@code ?} */
    WILDCARD,
    /** {@code ? extends bound} */
    WILDCARD_EXTENDS,
    /** {@code ? super bound} */
    WILDCARD_SUPER
  }

  public TypeRef {
    simpleNames = List.copyOf(simpleNames);
    arguments = List.copyOf(arguments);
  }

  public static TypeRef primitive(String keyword) {
    return new TypeRef(Kind.PRIMITIVE, "", List.of(keyword), List.of(), null);
  }

  public static TypeRef declared(String packageName, List<String> simpleNames, List<TypeRef> arguments) {
    return new TypeRef(Kind.DECLARED, packageName, simpleNames, arguments, null);
  }

  public static TypeRef array(TypeRef component) {
    return new TypeRef(Kind.ARRAY, "", List.of(), List.of(), component);
  }

  public static TypeRef wildcard(Kind kind, TypeRef bound) {
    return new TypeRef(kind, "", List.of(), List.of(), bound);
  }

  /** The canonical name of a declared type without its arguments ({@code java.util.Map}). */
  public String rawName() {
    String nested = String.join(".", simpleNames);
    return packageName.isEmpty() ? nested : packageName + "." + nested;
  }
}
