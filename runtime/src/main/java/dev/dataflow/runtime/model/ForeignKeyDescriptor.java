package dev.dataflow.runtime.model;

/**
 * A foreign key of a model's table ({@code @References}), as the processor computed it at build time.
 *
 * <pre>{@code
 * new ForeignKeyDescriptor("outlet_id", "outlets", "id", ForeignKeyDescriptor.OnDelete.SET_NULL)
 * }</pre>
 *
 * @param column the referencing column of this model's table
 * @param referencedTable the referenced table
 * @param referencedColumn the referenced column (the referenced model's key, or the unique column named by
 *     {@code @References(column = ...)})
 * @param onDelete what deleting the referenced row does to this one
 */
public record ForeignKeyDescriptor(String column, String referencedTable, String referencedColumn, OnDelete onDelete) {

  /** PostgreSQL's {@code ON DELETE} actions. */
  public enum OnDelete {
    RESTRICT,
    NO_ACTION,
    CASCADE,
    SET_NULL,
    SET_DEFAULT;

    /** The action as written in SQL: {@code SET NULL}, {@code NO ACTION}. */
    public String sql() {
      return name().replace('_', ' ');
    }
  }
}
