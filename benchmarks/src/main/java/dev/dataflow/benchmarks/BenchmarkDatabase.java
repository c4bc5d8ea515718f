package dev.dataflow.benchmarks;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database of one benchmark trial: {@code DATABASE_URL} when set, else an embedded PostgreSQL started for the
 * trial; the schema from the models' committed migrations. DataFlow and the JDBC baselines share its HikariCP pool.
 *
 * <p>The benchmarks TRUNCATE the conversation-memory tables: point {@code DATABASE_URL} at a scratch database only.
 */
final class BenchmarkDatabase implements AutoCloseable {
  final DataFlow dataFlow;
  final DataSource dataSource;
  final LocalRuntime runtime;

  BenchmarkDatabase() {
    this.dataFlow = DataFlow.builder().build();
    this.dataSource = dataFlow.dataSource();
    this.runtime = new LocalRuntime(dataFlow);
  }

  /**
   * Empties every table the benchmarks write, and, through {@code cascade}, the tables that reference them
   * ({@code orders} references {@code conversation_sessions} since V3; without {@code cascade} PostgreSQL refuses).
   */
  void truncateAll() {
    execute("truncate table conversation_messages, conversation_sessions, user_interaction_summaries"
        + " restart identity cascade");
  }

  /** Empties the messages table only (sessions stay, so messages may still reference them). */
  void truncateMessages() {
    execute("truncate table conversation_messages");
  }

  /** Inserts a session (messages reference sessions by {@code session_id}) and returns its session id. */
  UUID insertSession(String userId) {
    UUID sessionId = UUID.randomUUID();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(
            "insert into conversation_sessions (session_id, user_id) values (?, ?)")) {
      ps.setObject(1, sessionId);
      ps.setString(2, userId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return sessionId;
  }

  /**
   * Inserts {@code count} messages into the session, alternating roles, with timestamps one second apart, and
   * returns the id of the first one.
   */
  long insertMessages(UUID sessionId, int count) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement("insert into conversation_messages"
            + " (session_id, role, content, timestamp, intent, confidence)"
            + " select ?, case when g % 2 = 0 then 'user' else 'assistant' end, 'message ' || g,"
            + " now() - make_interval(secs => g), 'order_placement', 0.5"
            + " from generate_series(1, ?) g returning id")) {
      ps.setObject(1, sessionId);
      ps.setInt(2, count);
      try (var rs = ps.executeQuery()) {
        long first = Long.MAX_VALUE;
        while (rs.next()) {
          first = Math.min(first, rs.getLong(1));
        }
        return first;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A plain pgjdbc data source (no pool) on the same database and user, for the sides that hold their own connection;
   * the password, if the server wants one, from {@code PGPASSWORD}.
   */
  PGSimpleDataSource direct(boolean reWriteBatchedInserts) {
    PGSimpleDataSource direct = new PGSimpleDataSource();
    try (Connection c = dataSource.getConnection()) {
      direct.setUrl(c.getMetaData().getURL());
      direct.setUser(c.getMetaData().getUserName());
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    String password = System.getenv("PGPASSWORD");
    if (password != null) {
      direct.setPassword(password);
    }
    direct.setReWriteBatchedInserts(reWriteBatchedInserts);
    return direct;
  }

  /** Updates the planner's statistics after seeding, so both sides run with the same, settled plans. */
  void analyze() {
    execute("analyze conversation_messages, conversation_sessions, user_interaction_summaries");
  }

  private void execute(String sql) {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    dataFlow.close();
  }
}
