package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Column settings for a field. Everything is optional.
 *
 * <p><b>Nullability rule.</b> A primitive field ({@code int}, {@code boolean}, ...) and the key are NOT NULL. Any
 * other field is nullable unless it says {@code @Column(nullable = false)}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Column {
  /** The column name. Default: the field name in snake_case ({@code sessionId} → {@code session_id}). */
  String name() default "";

  /** For a {@code String}: the maximum length, making the column VARCHAR(length). 0 means TEXT. */
  int length() default 0;

  /** Whether the column accepts NULL. Ignored (always false) for primitives and the key. */
  boolean nullable() default true;

  /**
   * A PostgreSQL default expression, copied into the DDL as written, for example {@code "'en'"}, {@code "0"} or
   * {@code "now()"}. When a create omits the column, the database fills it with this default.
   */
  String defaultValue() default "";

  /** For a {@code BigDecimal}: the precision (total digits) of NUMERIC(precision, scale). 0 means unconstrained. */
  int precision() default 0;

  /** For a {@code BigDecimal}: the scale (digits after the point). Used only with a precision. */
  int scale() default 0;
}
