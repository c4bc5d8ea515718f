package dev.dataflow.models;

import dev.dataflow.runtime.model.RowMapper;
import dev.dataflow.runtime.model.RowMappers;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Turns rows of table {@code conversation_sessions} into {@link ConversationSession} and back, without reflection.
 *
 * <p>Used by {@code WorkflowResult.get(nodeId, ConversationSession.class)} and {@code ConversationSessionCreateNode.params(model)}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionRowMapper implements RowMapper<ConversationSession> {
  /**
   * For the model's descriptor.
   */
  public ConversationSessionRowMapper() {
  }

  @Override
  public Class<ConversationSession> type() {
    return ConversationSession.class;
  }

  @Override
  @SuppressWarnings("unchecked")
  public ConversationSession fromRow(Map<String, Object> row) {
    return new ConversationSession(
        (Long) row.get("id"),
        (UUID) row.get("session_id"),
        (String) row.get("user_id"),
        (Long) row.get("outlet_id"),
        (ConversationSession.Role) row.get("role"),
        (Map<String, Object>) row.get("metadata"),
        (Boolean) RowMappers.notNull(row, "pii_scrubbed", "ConversationSession", "piiScrubbed"),
        (String) row.get("language"),
        (Instant) row.get("started_at"),
        (Long) RowMappers.notNull(row, "version", "ConversationSession", "version"));
  }

  @Override
  public Map<String, Object> toRow(ConversationSession model) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", model.id());
    row.put("session_id", model.sessionId());
    row.put("user_id", model.userId());
    row.put("outlet_id", model.outletId());
    row.put("role", model.role());
    row.put("metadata", model.metadata());
    row.put("pii_scrubbed", model.piiScrubbed());
    row.put("language", model.language());
    row.put("started_at", model.startedAt());
    row.put("version", model.version());
    return row;
  }
}
