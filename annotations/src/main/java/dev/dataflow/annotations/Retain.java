package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How long a model's rows are kept: a row is past retention {@link #days} days after the time in its {@link #after}
 * column. The policy goes into the model's generated descriptor ({@code ModelDescriptor.retention()}); it changes
 * neither the schema nor any write. The retention sweep ({@code DataFlow.sweepExpired} and the
 * {@code retentionSchedule}) deletes the rows past it in batches; on a {@link Partitioned @Partitioned} model it
 * drops whole expired partitions instead and deletes the rest in batches.
 *
 * <pre>{@code
 * @Model
 * @Retain(days = 90, after = "timestamp")
 * public record ConversationMessage(Long id, String content, Instant timestamp) {}
 * }</pre>
 *
 * <p>{@code after} names a column by its column or field name, and the column must hold a date or time
 * ({@code Instant}, {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate}); {@code created_at} and
 * {@code updated_at}, which every model has, qualify. Anything else is a compile error that lists the model's
 * date/time columns.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Retain {
  /** How many days a row is kept after its {@link #after} time; at least 1. */
  int days();

  /** The date/time column the days count from, by column or field name ({@code "last_interaction"}). */
  String after();
}
