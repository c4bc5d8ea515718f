/**
 * Reads {@code @Model} types, their fields and the migration declarations from {@code javax.lang.model} into the
 * {@code schema} records, reporting every problem at its element ({@code ErrorReporter}). The only package that reads
 * elements; it imports {@code schema} and nothing else of the processor.
 */
package dev.dataflow.processor.scan;
