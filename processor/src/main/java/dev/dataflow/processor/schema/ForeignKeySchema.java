package dev.dataflow.processor.schema;

/**
 * A foreign key from one column to another model's key ({@code @References}).
 *
 * @param name the constraint name ({@code fk_<table>_<column>})
 * @param column the referencing column of this model
 * @param referencedTable the referenced model's table
 * @param referencedColumn the referenced model's key column
 * @param onDelete the referential action, one of {@code RESTRICT}, {@code NO_ACTION}, {@code CASCADE},
 *     {@code SET_NULL}, {@code SET_DEFAULT}
 */
public record ForeignKeySchema(
    String name, String column, String referencedTable, String referencedColumn, OnDeleteAction onDelete) {

  /** PostgreSQL's {@code ON DELETE} actions, mirroring {@code References.OnDelete}. */
  public enum OnDeleteAction {
    RESTRICT,
    NO_ACTION,
    CASCADE,
    SET_NULL,
    SET_DEFAULT
  }
}
