/**
 * The runtime's SQL layer: converting node inputs to column types ({@link dev.dataflow.runtime.sql.ValueConverter}),
 * compiling MongoDB-style filters ({@link dev.dataflow.runtime.sql.FilterCompiler}), rendering the dynamic-shape
 * statements with jOOQ ({@link dev.dataflow.runtime.sql.SqlRenderer}; grouped counts in
 * {@link dev.dataflow.runtime.sql.GroupCountSql}, keyset pages in {@link dev.dataflow.runtime.sql.KeysetSql}) and
 * reading rows back by position
 * ({@link dev.dataflow.runtime.sql.RowReader}).
 *
 * <p>jOOQ is used to render only; statements run through plain JDBC on the caller's connection. Values are always
 * bind values, and every one is bound by {@link dev.dataflow.runtime.sql.JdbcValues#bind}, keyed by its column;
 * identifiers only ever come from the model's {@link dev.dataflow.runtime.model.ColumnDescriptor}s.
 *
 * <p>A value reaches the database as given or not at all: {@link dev.dataflow.runtime.sql.PostgresLimits} holds what
 * PostgreSQL (through pgjdbc) stores unchanged and how deep filters and JSON may nest, and the converter, the filter
 * compiler and {@link dev.dataflow.runtime.sql.Json} refuse the rest with an
 * {@link dev.dataflow.runtime.sql.InvalidValueException}.
 *
 * <p>It renders what it is given: input is checked by the node layer. Its own problems are its own types
 * ({@link dev.dataflow.runtime.sql.InvalidValueException} for a value or filter it cannot use,
 * {@link dev.dataflow.runtime.sql.DatabaseException} for a statement PostgreSQL refused). It may import {@code model}
 * and {@link dev.dataflow.runtime.DataFlowException}, nothing else of the runtime.
 *
 * <pre>{@code
 * Condition where = FilterCompiler.compile(model, Map.of("status", "ACTIVE", "age", Map.of("$gte", 18)));
 * RenderedSql sql = SqlRenderer.select(model, where, List.of("-created_at"), 20, 0);
 * try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
 *   while (rs.next()) {
 *     rows.add(RowReader.read(rs, model));
 *   }
 * }
 * }</pre>
 */
package dev.dataflow.runtime.sql;
