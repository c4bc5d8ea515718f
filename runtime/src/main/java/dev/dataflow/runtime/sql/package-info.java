/**
 * The runtime's SQL layer: converting node inputs to column types ({@link dev.dataflow.runtime.sql.ValueConverter}),
 * compiling MongoDB-style filters ({@link dev.dataflow.runtime.sql.FilterCompiler}), rendering the dynamic-shape
 * statements with jOOQ ({@link dev.dataflow.runtime.sql.SqlRenderer}) and reading rows back by position
 * ({@link dev.dataflow.runtime.sql.RowReader}).
 *
 * <p>jOOQ is used to render only; statements run through plain JDBC on the caller's connection. Values are always
 * bind values; identifiers only ever come from the model's {@link dev.dataflow.runtime.model.ColumnDescriptor}s.
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
