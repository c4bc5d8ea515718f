package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A composite (or unique composite) index, declared on the model class. Columns are named by their column names or
 * by their Java field names; a leading {@code -} makes that column descending.
 *
 * <pre>{@code
 * @Model
 * @Index(columns = {"session_id", "timestamp"})
 * @Index(columns = {"user_id", "outlet_id"}, unique = true)
 * public record ConversationMessage(...) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Indexes.class)
public @interface Index {
  /** The indexed columns, in order. */
  String[] columns();

  /** Whether the combination of values must be unique. */
  boolean unique() default false;

  /** The index name. Default: {@code idx_<table>_<col1>_<col2>} (or {@code uq_...} when unique). */
  String name() default "";
}
