package dev.dataflow.processor.schema;

/**
 * A model's {@code @Retain}: its rows are past retention {@code days} days after the time in {@code column}.
 *
 * @param days at least 1
 * @param column the column name (never the field name) of one of the model's date/time columns
 */
public record RetentionSchema(int days, String column) {}
