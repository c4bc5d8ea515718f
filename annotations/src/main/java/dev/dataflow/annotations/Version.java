package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optimistic locking: the row's version, an {@code int}/{@code Integer} ({@code INTEGER}) or {@code long}/{@code Long}
 * ({@code BIGINT}) column, {@code NOT NULL DEFAULT 1}, that DataFlow maintains. It is 1 after a create and goes up by
 * one with every update; it is never a create parameter nor settable in {@code fields}.
 *
 * <p>An update by id must give {@code version}, the version the caller read, and changes the row only while it still
 * has that version; otherwise the node fails with {@code RecordConflictException} and writes nothing. At most one per
 * model, never on the key.
 *
 * <pre>{@code
 * @Model
 * public record Account(Long id, String name, @Version long version) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Version {}
