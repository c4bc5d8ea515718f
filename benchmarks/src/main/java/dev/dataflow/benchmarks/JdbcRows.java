package dev.dataflow.benchmarks;

import dev.dataflow.models.MessageRole;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The JDBC baselines' row mapping, written as a developer would by hand: every column read by position into a map
 * keyed by column name, with the same Java types DataFlow returns (UUID, enum, Instant, boxed numbers).
 */
final class JdbcRows {
  private JdbcRows() {}

  /** The columns of {@code conversation_messages}, in the order the baselines select them. */
  static final String MESSAGE_COLUMNS = "id, session_id, role, content, timestamp, intent, confidence, pii_scrubbed,"
      + " created_at, updated_at";

  /** The columns of {@code user_interaction_summaries}, in the order the baselines select them. */
  static final String SUMMARY_COLUMNS = "id, user_id, outlet_id, total_conversations, total_messages,"
      + " intent_frequencies, last_interaction, created_at, updated_at";

  static Map<String, Object> message(ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>(20);
    row.put("id", rs.getLong(1));
    row.put("session_id", rs.getObject(2, UUID.class));
    row.put("role", MessageRole.valueOf(rs.getString(3)));
    row.put("content", rs.getString(4));
    row.put("timestamp", rs.getObject(5, OffsetDateTime.class).toInstant());
    row.put("intent", rs.getString(6));
    double confidence = rs.getDouble(7);
    row.put("confidence", rs.wasNull() ? null : confidence);
    row.put("pii_scrubbed", rs.getBoolean(8));
    row.put("created_at", rs.getObject(9, OffsetDateTime.class).toInstant());
    row.put("updated_at", rs.getObject(10, OffsetDateTime.class).toInstant());
    return row;
  }

  static Map<String, Object> summary(ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>(18);
    row.put("id", rs.getLong(1));
    row.put("user_id", rs.getString(2));
    long outletId = rs.getLong(3);
    row.put("outlet_id", rs.wasNull() ? null : outletId);
    row.put("total_conversations", rs.getInt(4));
    row.put("total_messages", rs.getInt(5));
    row.put("intent_frequencies", rs.getString(6)); // NULL in the benchmark; a real mapper would parse the JSON
    OffsetDateTime last = rs.getObject(7, OffsetDateTime.class);
    row.put("last_interaction", last == null ? null : last.toInstant());
    row.put("created_at", rs.getObject(8, OffsetDateTime.class).toInstant());
    row.put("updated_at", rs.getObject(9, OffsetDateTime.class).toInstant());
    return row;
  }
}
