package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that columns removed from this model may be dropped, with their data, by the next generated migration.
 * Without it, a column that disappears from a model is a build error (was it renamed? see {@link RenamedFrom}).
 *
 * <pre>{@code
 * @Model
 * @DroppedColumns({"fax_number", "legacy_code"})
 * public record Customer(Long id, String email) {}
 * }</pre>
 *
 * <p>A name applies only while the committed snapshot still has that column; once the migration with the
 * {@code DROP COLUMN} is generated it is ignored, and you may remove it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface DroppedColumns {
  /** The names of the columns to drop. */
  String[] value();
}
