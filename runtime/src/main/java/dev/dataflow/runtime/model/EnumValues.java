package dev.dataflow.runtime.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The constants of an enum column, handed over by generated code ({@code EnumValues.of(Role.values())}) so the
 * runtime maps names to constants without reflection.
 */
public final class EnumValues {
  private final String enumClassName;
  private final Map<String, Enum<?>> byName;

  private EnumValues(String enumClassName, Map<String, Enum<?>> byName) {
    this.enumClassName = enumClassName;
    this.byName = byName;
  }

  /** The constants of one enum type, in declaration order. */
  public static EnumValues of(Enum<?>[] constants) {
    if (constants.length == 0) {
      throw new IllegalArgumentException("an enum column needs an enum with at least one constant");
    }
    Map<String, Enum<?>> byName = new LinkedHashMap<>();
    for (Enum<?> constant : constants) {
      byName.put(constant.name(), constant);
    }
    return new EnumValues(constants[0].getDeclaringClass().getName(), Collections.unmodifiableMap(byName));
  }

  /** The enum's binary class name, for messages. */
  public String enumClassName() {
    return enumClassName;
  }

  /** The constant names, in declaration order. */
  public List<String> names() {
    return new ArrayList<>(byName.keySet());
  }

  /** The constant with this name, or null when there is none. */
  public Enum<?> constant(String name) {
    return byName.get(name);
  }

  /** Whether {@code value} is one of this enum's constants. */
  public boolean isConstant(Object value) {
    return value instanceof Enum<?> e && byName.get(e.name()) == e;
  }
}
