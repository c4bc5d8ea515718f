package dev.dataflow.processor.schema;

/**
 * A model's {@code @Partitioned}: its table is partitioned by range of {@code column}, one partition per
 * {@code interval}.
 *
 * @param column the column name (never the field name) of a NOT NULL date/time column, part of the key
 * @param interval {@code DAY}, {@code WEEK}, {@code MONTH} or {@code YEAR}
 */
public record PartitionSchema(String column, String interval) {}
