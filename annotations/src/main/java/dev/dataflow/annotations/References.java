package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A foreign key from this field's column to the key of another {@link Model} (or to one of its unique columns,
 * with {@link #column()}). The field's type must be the referenced column's type (a {@code Long} for a default key).
 * The constraint is named {@code fk_<table>_<column>}.
 *
 * <pre>{@code
 * @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId
 * @References(value = ConversationSession.class, column = "session_id", onDelete = OnDelete.CASCADE) UUID sessionId
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface References {
  /** The referenced model class; it must be annotated with {@link Model}. */
  Class<?> value();

  /**
   * The referenced column, by column or field name. Default: the referenced model's key. Any other column must be
   * {@link Unique} in the referenced model, so that it identifies one row.
   */
  String column() default "";

  /**
   * What PostgreSQL does to this row when the referenced row is deleted. Default {@link OnDelete#RESTRICT}: the
   * delete of a referenced row fails, so no row is orphaned or removed without the user asking for it.
   */
  OnDelete onDelete() default OnDelete.RESTRICT;

  /** The referential actions PostgreSQL offers for {@code ON DELETE}. */
  enum OnDelete {
    /** Refuse to delete a referenced row (checked immediately). */
    RESTRICT,
    /** Refuse to delete a referenced row (checked at the end of the statement). */
    NO_ACTION,
    /** Delete this row too. */
    CASCADE,
    /** Set this column to NULL; the column must be nullable. */
    SET_NULL,
    /** Set this column to its default value. */
    SET_DEFAULT
  }
}
