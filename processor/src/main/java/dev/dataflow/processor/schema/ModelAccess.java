package dev.dataflow.processor.schema;

import java.util.List;

/**
 * How generated code builds an instance of a model and reads its fields, for the model's {@code RowMapper} and
 * {@code <Model>CreateNode.params(model)}: a record through its canonical constructor and accessors; a class through
 * its no-argument constructor and, per field, the field itself when it is not private, else its getter and setter.
 *
 * @param kind record, class, or a class generated code cannot build
 * @param fields the persistent fields in declaration order (a record's canonical constructor order)
 * @param unsupportedReason for {@link Kind#UNSUPPORTED}, what generated code cannot do and what to write instead;
 *     else null
 */
public record ModelAccess(Kind kind, List<FieldAccess> fields, String unsupportedReason) {

  /** The ways to build a model. */
  public enum Kind {
    RECORD,
    CLASS,
    /** A class without an accessible no-argument constructor, or with a field neither reachable nor accessorised. */
    UNSUPPORTED
  }

  /**
   * One persistent field.
   *
   * @param column its column's name
   * @param fieldName the field's name
   * @param getter the method that reads it (a record's accessor, a class's getter), or null to read the field
   * @param setter a class's setter, or null to assign the field (or, for a record, pass it to the constructor)
   */
  public record FieldAccess(String column, String fieldName, String getter, String setter) {}

  public ModelAccess {
    fields = List.copyOf(fields);
  }
}
