/**
 * The plain records every later stage reads: a model's table, columns, constraints, indexes and migration
 * declarations, computed once by {@code scan}. Imports nothing of the processor and no {@code javax.lang.model}, so
 * it can be compared and serialised.
 */
package dev.dataflow.processor.schema;
