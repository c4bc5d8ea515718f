package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stores a model's table as a PostgreSQL table partitioned by range of one date/time column, one partition per
 * {@link #interval}, plus a default partition for rows outside every partition.
 *
 * <pre>{@code
 * @Model
 * @Retain(days = 90, after = "timestamp")
 * @Partitioned(by = "timestamp", interval = Partitioned.Interval.MONTH)
 * public record ConversationMessage(Long id, String content, @Column(nullable = false) Instant timestamp) {}
 * }</pre>
 *
 * <p>What it changes:
 *
 * <ul>
 *   <li>The table is {@code CREATE TABLE ... PARTITION BY RANGE ("timestamp")}; its DDL and the generated migration
 *       create the partitions of the current and the next interval ({@code conversation_messages_p2026_11}) and the
 *       default partition ({@code conversation_messages_default}). Indexes declared on the model are created on the
 *       table and PostgreSQL creates them on every partition.
 *   <li>PostgreSQL requires the partition column in every key and unique constraint of a partitioned table, so the
 *       key is {@code primary key (id, "timestamp")}. {@code id} stays a generated identity, unique in practice, and
 *       Read, Update, Delete and Exists by id work as before (they look in every partition).
 *   <li>The retention sweep ({@code DataFlow.sweepExpired} and its schedule) first creates the partitions of the
 *       next intervals ahead of time, then, for a model whose {@link Retain @Retain} counts from the partition
 *       column, detaches and drops whole partitions whose end is at or before the cutoff instead of deleting their
 *       rows one batch at a time; the rows of partly expired partitions and of the default partition are deleted in
 *       batches as before.
 * </ul>
 *
 * <p>What it requires, each checked at compile time with the fix in the error:
 *
 * <ul>
 *   <li>{@link #by} names a NOT NULL ({@code @Column(nullable = false)}) date/time column: {@code Instant} or {@code OffsetDateTime} (TIMESTAMPTZ, bounds in UTC), {@code LocalDateTime}
 *       (TIMESTAMP, bounds as UTC wall time) or {@code LocalDate} (DATE).
 *   <li>No {@link Unique @Unique} column (a unique constraint on it alone cannot be enforced across partitions):
 *       make it {@link Indexed @Indexed}, or do not partition the model.
 *   <li>No other model has {@link References @References} to this one (a foreign key needs a unique key on the
 *       referenced columns, and this model's only one is {@code (id, by)}): drop the reference (keep the plain
 *       column, {@code @Indexed}) or do not partition this model. References from this model to others are fine.
 *   <li>The partitioning, once migrated, does not change: turning an existing table into a partitioned one is a
 *       generated migration that moves its rows; changing {@code by} or {@code interval}, or removing
 *       {@code @Partitioned}, is refused with the recipe for a hand-written migration (see
 *       {@code docs/migrations.md}).
 * </ul>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Partitioned {
  /** The date/time column the table is partitioned by, by column or field name ({@code "timestamp"}). */
  String by();

  /** How much time one partition holds; {@link Interval#MONTH} unless set. */
  Interval interval() default Interval.MONTH;

  /** The span of one partition, always aligned in UTC. */
  enum Interval {
    /** One partition per UTC day: {@code <table>_p2026_11_30}. */
    DAY,
    /** One partition per ISO week (Monday to Monday, UTC): {@code <table>_p2026w48}. */
    WEEK,
    /** One partition per UTC calendar month: {@code <table>_p2026_11}. */
    MONTH,
    /** One partition per UTC calendar year: {@code <table>_p2026}. */
    YEAR
  }
}
