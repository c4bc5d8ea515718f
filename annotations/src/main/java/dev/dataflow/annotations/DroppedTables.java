package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that tables whose model was deleted may be dropped, with their data, by the next generated migration.
 * Since the model class is gone, this goes on any other type of the same compilation, or on a
 * {@code package-info.java}. Without it, a table that disappears is a build error (was the model renamed? see
 * {@link RenamedFrom}).
 *
 * <pre>{@code
 * @DroppedTables({"legacy_orders"})
 * package com.example.models;
 * }</pre>
 *
 * <p>A name applies only while the committed snapshot still has that table; once the migration with the
 * {@code DROP TABLE} is generated it is ignored, and you may remove it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface DroppedTables {
  /** The names of the tables to drop. */
  String[] value();
}
