/**
 * Writes the generated sources (schema class, nine node classes, service entry) and renders each model's fixed SQL,
 * from a {@code ModelSchema} alone. Imports {@code schema} and {@code ddl}; an {@code Element} comes in only as the
 * originating element handed to the {@code Filer}, never to be read.
 */
package dev.dataflow.processor.write;
