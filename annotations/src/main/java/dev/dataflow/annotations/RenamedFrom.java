package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a rename for the next generated migration: on a field, the column's previous name; on a {@link Model}
 * type, the table's previous name. Without it, a column or table that disappears from the models is a build error,
 * because the build cannot tell a rename from a drop and guessing wrong loses data.
 *
 * <pre>{@code
 * @Model
 * public record Customer(Long id, @RenamedFrom("mail") String email) {}
 * }</pre>
 *
 * <p>The migration then says {@code ALTER TABLE "customers" RENAME COLUMN "mail" TO "email"} (and renames the
 * constraints and indexes whose generated names contain the old name). The declaration only applies while the
 * committed snapshot still has the old name and not the new one; once the migration is generated it is ignored, and
 * you may remove it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.TYPE})
public @interface RenamedFrom {
  /** The previous column name (on a field) or table name (on a model type). */
  String value();
}
