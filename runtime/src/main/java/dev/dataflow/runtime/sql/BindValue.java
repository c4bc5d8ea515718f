package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;

/**
 * The value of one placeholder of a rendered statement, with the column whose type it has. Every value reaches JDBC
 * through {@link JdbcValues#bind}, keyed by that column, whether the statement was rendered at build time or by
 * jOOQ.
 *
 * @param column the column the value is for (its Java type decides how it is sent)
 * @param value the value as {@link ValueConverter#toJava} gives it for the column; may be null
 */
public record BindValue(ColumnDescriptor column, Object value) {}
