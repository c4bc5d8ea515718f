package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field holds personal data. DataFlow never writes its value to a message or a log line: even when parameter
 * values are logged ({@code ExecutionOptions.Builder.logParameterValues(true)}), this column's value appears as
 * {@code <pii>}. It does not change the schema.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Pii {}
