package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.ColumnDescriptor;

/**
 * A parameter a node declares, with the check its values must pass. A workflow is checked against every node's
 * specs when it is built (and again when it is run with overrides); the node runs the same checks on the final
 * values.
 *
 * <pre>{@code
 * ParamSpec.of("threshold", ParamType.INTEGER, true, "minimum score")                // a non-negative integer
 * ParamSpec.of("lang", ParamType.ANY, false, "ISO 639-1 code").withCheck((value, parameter) -> {
 *   if (!(value instanceof String s) || s.length() != 2) {
 *     throw new InvalidParameterException(parameter, "expected a two-letter language code such as \"en\"");
 *   }
 * })
 * }</pre>
 *
 * @param name the key in the node's parameter map
 * @param type what kind of value it takes
 * @param column for {@link ParamType#COLUMN} and {@link ParamType#KEY}, the column whose type the value takes; else null
 * @param required whether a workflow must give it (as a value or through a connection)
 * @param description one line for error messages and docs
 * @param check the check of a given value (null is a value too); {@link #defaultCheck} unless the node says otherwise
 */
public record ParamSpec(
    String name, ParamType type, ColumnDescriptor column, boolean required, String description, ValueCheck check) {

  /** A spec whose values pass {@link #defaultCheck} of its type. */
  public ParamSpec(String name, ParamType type, ColumnDescriptor column, boolean required, String description) {
    this(name, type, column, required, description, defaultCheck(type, column));
  }

  /** A parameter that takes one column's value. */
  public static ParamSpec column(ColumnDescriptor column, boolean required) {
    return new ParamSpec(column.name(), ParamType.COLUMN, column, required, "value of column " + column.name());
  }

  /** A parameter that is not a column value. */
  public static ParamSpec of(String name, ParamType type, boolean required, String description) {
    return new ParamSpec(name, type, null, required, description);
  }

  /** This spec with another check of its values, for rules its type alone cannot state. */
  public ParamSpec withCheck(ValueCheck check) {
    return new ParamSpec(name, type, column, required, description, check);
  }

  /** Checks one given value of a parameter. */
  @FunctionalInterface
  public interface ValueCheck {
    /**
     * @param value the value given (literal at build time, final at run time); may be null
     * @param parameter the parameter's name, for the exception
     * @throws InvalidParameterException naming {@code parameter} (or a path below it) and the fix, never the value
     */
    void check(Object value, String parameter);
  }

  /**
   * What every value of a type must be, without knowing a model: a column's type for {@link ParamType#COLUMN} and
   * {@link ParamType#KEY} (null only for a nullable column), a non-negative integer, a boolean, a map for
   * {@link ParamType#FILTERS} and {@link ParamType#FIELDS}, a list for {@link ParamType#RECORDS} and
   * {@link ParamType#COLUMN_NAMES}, text or a list of text for {@link ParamType#ORDER_BY} and
   * {@link ParamType#ON_CONFLICT}; anything for {@link ParamType#ANY}. Model nodes add their model's rules with
   * {@link #withCheck}.
   */
  public static ValueCheck defaultCheck(ParamType type, ColumnDescriptor column) {
    if ((type == ParamType.COLUMN || type == ParamType.KEY) && column == null) {
      throw new IllegalArgumentException(type + " parameters need the column whose values they take");
    }
    return switch (type) {
      case COLUMN, KEY -> (value, parameter) -> {
        if (value == null && !column.nullable()) {
          throw new InvalidParameterException(parameter, "column " + column.name()
              + " is NOT NULL; give a value or leave the parameter out");
        }
        ParamValues.toColumn(column, value, parameter);
      };
      case FILTERS, FIELDS -> ParamValues::asMap;
      case RECORDS, COLUMN_NAMES -> ParamValues::asList;
      case ORDER_BY -> (value, parameter) -> {
        if (!(value instanceof String)) {
          ParamValues.asList(value, parameter);
        }
      };
      case ON_CONFLICT -> (value, parameter) -> {
        if (value != null && !(value instanceof String)) {
          throw new InvalidParameterException(parameter, "expected a string, got " + ParamValues.typeOf(value));
        }
      };
      case INTEGER -> ParamValues::nonNegativeInt;
      case BOOLEAN -> ParamValues::bool;
      case ANY -> (value, parameter) -> { };
    };
  }
}
