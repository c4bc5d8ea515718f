package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.ColumnDescriptor;

/**
 * A parameter a node declares.
 *
 * @param name the key in the node's parameter map
 * @param type what kind of value it takes
 * @param column for {@link ParamType#COLUMN} and {@link ParamType#KEY}, the column whose type the value takes; else null
 * @param required whether a workflow must give it (as a value or through a connection)
 * @param description one line for error messages and docs
 */
public record ParamSpec(String name, ParamType type, ColumnDescriptor column, boolean required, String description) {

  /** A parameter that takes one column's value. */
  public static ParamSpec column(ColumnDescriptor column, boolean required) {
    return new ParamSpec(column.name(), ParamType.COLUMN, column, required, "value of column " + column.name());
  }

  /** A parameter that is not a column value. */
  public static ParamSpec of(String name, ParamType type, boolean required, String description) {
    return new ParamSpec(name, type, null, required, description);
  }
}
