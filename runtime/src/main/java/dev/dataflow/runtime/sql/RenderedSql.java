package dev.dataflow.runtime.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jooq.Param;
import org.jooq.Query;

/**
 * A statement rendered by {@link SqlRenderer}: SQL with JDBC {@code ?} placeholders and the values for the first
 * {@code binds().size()} of them, in order. Each value carries its column and is bound by {@link JdbcValues#bind}.
 * Statements whose values the caller binds itself ({@link SqlRenderer#insert}) have no binds.
 *
 * <pre>{@code
 * RenderedSql sql = SqlRenderer.select(model, FilterCompiler.compile(model, filters), List.of("-created_at"), 20, 0);
 * try (PreparedStatement ps = sql.prepare(connection); ResultSet rs = ps.executeQuery()) {
 *   while (rs.next()) rows.add(RowReader.read(rs, model));
 * }
 * }</pre>
 *
 * @param sql the statement
 * @param binds the values of the placeholders, first to last (unmodifiable)
 */
public record RenderedSql(String sql, List<BindValue> binds) {

  public RenderedSql {
    binds = List.copyOf(binds);
  }

  /**
   * Renders {@code query} with the shared jOOQ context and reads its placeholders back in the order jOOQ rendered
   * them. Every value in the query must be a {@link SqlTypes#placeholder}: one jOOQ made up itself would have no
   * column to bind it by, and is a bug of the renderer.
   */
  static RenderedSql render(Query query) {
    String sql = Jooq.RENDER.render(query);
    List<BindValue> binds = new ArrayList<>();
    for (Param<?> param : query.getParams().values()) {
      if (param.isInline()) {
        continue; // rendered as a literal, such as the 1 of "select 1" or the 0 of coalesce(x, 0)
      }
      if (!(param.getValue() instanceof BindValue bind)) {
        throw new IllegalStateException("a bind value without a column in " + sql + "; every value must be a"
            + " SqlTypes.placeholder");
      }
      binds.add(bind);
    }
    return new RenderedSql(sql, binds);
  }

  /** The plain values of {@link #binds()}, in order (may contain null). */
  public List<Object> bindValues() {
    List<Object> values = new ArrayList<>(binds.size());
    for (BindValue bind : binds) {
      values.add(bind.value());
    }
    return Collections.unmodifiableList(values);
  }

  /**
   * Prepares the statement on {@code connection} and binds every value of {@link #binds()}. The caller owns the
   * returned statement (close it, typically with try-with-resources) and the connection and its transaction; for
   * {@link SqlRenderer#insert} the caller binds the remaining placeholders with {@link JdbcValues#bind}, starting at
   * {@code binds().size() + 1}. On failure the statement is closed before the exception leaves.
   */
  public PreparedStatement prepare(Connection connection) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      for (int i = 0; i < binds.size(); i++) {
        JdbcValues.bind(ps, i + 1, binds.get(i));
      }
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }
}
