/**
 * How the processor spells PostgreSQL DDL with jOOQ: column types, constraints and indexes shared by the model's own
 * {@code CREATE TABLE} ({@code write}) and the generated migrations ({@code migrate}), and the jOOQ contexts both
 * render with. Imports {@code schema} and jOOQ only.
 */
package dev.dataflow.processor.ddl;
