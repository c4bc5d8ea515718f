/**
 * Schema snapshots, the migration planner, migration SQL and the migration folder: compares the current
 * {@code ModelSchema}s (with their declarations) with the committed snapshot. Imports {@code schema} and {@code ddl}
 * only; never {@code scan}, {@code write} or {@code javax.lang.model}.
 */
package dev.dataflow.processor.migrate;
