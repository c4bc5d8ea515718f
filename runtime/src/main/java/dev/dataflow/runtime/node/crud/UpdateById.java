package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.ConflictException;
import dev.dataflow.runtime.sql.DatabaseErrors;
import dev.dataflow.runtime.sql.Increment;
import dev.dataflow.runtime.sql.JdbcValues;
import dev.dataflow.runtime.sql.RenderedSql;
import dev.dataflow.runtime.sql.RowReader;
import dev.dataflow.runtime.sql.SqlRenderer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The update of one row by key, shared by Update and BulkUpdate: the build-time statement when every writable column
 * is set to a value, else (some columns, or any {@code $inc}) a statement rendered by jOOQ for the columns given.
 *
 * <p>On a model with a {@code @Version} column the statement also matches the version the caller read and bumps it
 * ({@code where "id" = ? and "version" = ?}). When that matches no row, one more query tells a missing row (null)
 * from a row that has moved on ({@link ConflictException}); either way nothing was written.
 */
final class UpdateById {
  private UpdateById() {}

  /**
   * The updated row, or null when no row has that key.
   *
   * @param autoCommit whether the update commits on its own (then a connection lost while it runs leaves its outcome
   *     unknown), read before it is sent
   * @param expectedVersion the version the caller read, converted; required on a versioned model, else ignored
   * @param versionParameter where {@code expectedVersion} came from ({@code version}, {@code records.3.version}), for
   *     the conflict's message
   * @throws ConflictException when the row exists at another version
   */
  static Map<String, Object> run(Connection connection, boolean autoCommit, ModelDescriptor model,
      StatementCache<List<Object>> shapes, Map<String, Object> fields, Object key, Object expectedVersion,
      String versionParameter) {
    ColumnDescriptor version = model.versionColumn();
    List<String> fixed = model.statements().updateColumns();
    boolean fullRow = fields.size() == fixed.size() && fields.keySet().containsAll(fixed) && !anyIncrement(fields);
    Map<String, Object> row;
    try (PreparedStatement ps = fullRow
        ? connection.prepareStatement(model.statements().updateById())
        : partialUpdate(model, shapes, fields, key, expectedVersion).prepare(connection)) {
      if (fullRow) {
        int i = JdbcValues.bindAll(ps, 1, model, fixed, fields);
        JdbcValues.bind(ps, i++, model.keyColumn(), key);
        if (version != null) {
          JdbcValues.bind(ps, i, version, expectedVersion);
        }
      }
      try (ResultSet rs = ps.executeQuery()) {
        row = rs.next() ? RowReader.read(rs, model) : null;
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translateWrite(e, "update " + model.table(), autoCommit);
    }
    if (row == null && version != null) {
      Object current = currentVersion(connection, model, key);
      if (current != null) {
        throw new ConflictException(model.table(), versionParameter, versionParameter + ": the " + model.modelName()
            + " changed since it was read: version " + expectedVersion + " was given, the row is now at version "
            + current + ". Nothing was written; read the row again and retry with its current version");
      }
    }
    return row;
  }

  /**
   * The update of some columns (or with {@code $inc}): rendered by jOOQ the first time a shape (the columns, and
   * whether each is set or incremented) is seen, then reused with {@link SqlRenderer#updateByIdBinds}, which are the
   * binds of the rendered statement in their order.
   */
  private static RenderedSql partialUpdate(ModelDescriptor model, StatementCache<List<Object>> shapes,
      Map<String, Object> fields, Object key, Object expectedVersion) {
    List<Object> shape = new ArrayList<>(fields.size() * 2);
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      shape.add(e.getKey());
      shape.add(e.getValue() instanceof Increment);
    }
    String sql = shapes.find(shape);
    if (sql != null) {
      return new RenderedSql(sql, SqlRenderer.updateByIdBinds(model, fields, key, expectedVersion));
    }
    RenderedSql rendered = SqlRenderer.updateByIdReturning(model, fields, key, expectedVersion);
    shapes.put(shape, rendered.sql());
    return rendered;
  }

  /** The row's version now, or null when no row has the key. */
  static Object currentVersion(Connection connection, ModelDescriptor model, Object key) {
    try (PreparedStatement ps = SqlRenderer.selectVersion(model, key).prepare(connection);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? JdbcValues.read(rs, 1, model.versionColumn()) : null;
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "read the version of " + model.table());
    }
  }

  /** Whether any value is an operator that the build-time statement, which only sets values, cannot express. */
  private static boolean anyIncrement(Map<String, Object> fields) {
    for (Object value : fields.values()) {
      if (value instanceof Increment) {
        return true;
      }
    }
    return false;
  }
}
