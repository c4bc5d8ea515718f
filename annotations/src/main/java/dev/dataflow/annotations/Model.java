package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record or a class with fields as a persistent model. At compile time the DataFlow processor writes nine
 * workflow nodes for it ({@code <Model>CreateNode}, {@code ReadNode}, {@code UpdateNode}, {@code DeleteNode},
 * {@code ListNode}, {@code CountNode}, {@code ExistsNode}, {@code BulkCreateNode}, {@code BulkUpdateNode}), a
 * {@code <Model>Schema} class holding its columns and PostgreSQL DDL, and a service entry so the runtime finds it.
 *
 * <pre>{@code
 * @Model
 * public record ConversationSession(Long id, @Unique UUID sessionId, @Indexed String userId) {}
 * }</pre>
 *
 * <p>Every model gets a {@code created_at} and an {@code updated_at} column (TIMESTAMPTZ, NOT NULL), maintained by
 * the generated nodes. A {@code Long id} field is the default key (BIGINT identity); {@link Id} picks another field.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
  /**
   * The table name. Default: the snake_case plural of the simple class name
   * ({@code ConversationSession} → {@code conversation_sessions}).
   */
  String table() default "";
}
