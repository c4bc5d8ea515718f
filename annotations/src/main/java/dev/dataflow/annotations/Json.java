package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores the field as JSONB. Allowed on {@code Map<String, ?>}, {@code List<?>} and record types. Node outputs
 * carry JSONB values as {@code Map}/{@code List} trees; the {@code $contains} filter tests containment ({@code @>}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Json {}
