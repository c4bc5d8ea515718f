package dev.dataflow.runtime.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.JSONB;

/**
 * A statement rendered by {@link SqlRenderer}: SQL with JDBC {@code ?} placeholders and the values for the first
 * {@code bindValues().size()} of them, in order.
 *
 * <p>Bind values are in jOOQ's form: the value {@link ValueConverter#toJava} produced, except enum constants, which
 * are their names, and JSON values, which are {@link JSONB}; they may contain null. Statements whose values the
 * caller binds itself ({@link SqlRenderer#insert}) have no bind values.
 *
 * <pre>{@code
 * RenderedSql sql = SqlRenderer.select(model, FilterCompiler.compile(model, filters), List.of("-created_at"), 20, 0);
 * try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
 *   while (rs.next()) rows.add(RowReader.read(rs, model));
 * }
 * }</pre>
 *
 * @param sql the statement
 * @param bindValues the values of the placeholders, first to last (unmodifiable; may contain null)
 */
public record RenderedSql(String sql, List<Object> bindValues) {

  public RenderedSql {
    // Not List.copyOf: a bind value may be null (update … set "x" = null).
    bindValues = Collections.unmodifiableList(new ArrayList<>(bindValues));
  }

  /**
   * Prepares the statement on {@code connection} and binds every value of {@link #bindValues()}. The caller owns
   * the returned statement (close it, typically with try-with-resources) and the connection and its transaction;
   * for {@link SqlRenderer#insert} the caller binds the remaining placeholders with {@link JdbcValues#bind},
   * starting at {@code bindValues().size() + 1}. On failure the statement is closed before the exception leaves.
   */
  public PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < bindValues.size(); i++) {
        bind(ps, i + 1, bindValues.get(i));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
    if (value == null) {
      // Untyped: PostgreSQL takes the type from the column or the cast jOOQ rendered around the placeholder.
      ps.setNull(index, Types.OTHER);
    } else if (value instanceof JSONB json) {
      ps.setObject(index, JdbcValues.jsonb(json.data()));
    } else if (value instanceof Instant instant) {
      ps.setObject(index, instant.atOffset(ZoneOffset.UTC));
    } else if (value instanceof String s) {
      ps.setString(index, s);
    } else if (value instanceof byte[] bytes) {
      ps.setBytes(index, bytes);
    } else if (value instanceof Enum<?> e) {
      ps.setString(index, e.name());
    } else {
      // UUID, OffsetDateTime, LocalDateTime, LocalDate, BigDecimal, Boolean and the boxed numbers: pgjdbc sends
      // each with its own PostgreSQL type.
      ps.setObject(index, value);
    }
  }
}
