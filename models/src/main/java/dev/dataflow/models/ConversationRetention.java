package dev.dataflow.models;

import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.util.Map;

/**
 * Hand-written lifecycle workflows of the conversation-memory models.
 *
 * <p>Retention is no longer one of them: the models declare it ({@code @Retain} on {@link ConversationMessage},
 * 90 days after {@code timestamp}, and on {@link UserInteractionSummary}, 730 days after {@code last_interaction})
 * and {@code DataFlow} acts on it, for every such model, in batches:
 *
 * <pre>{@code
 * RetentionReport report = db.sweepExpired(Instant.now());     // or DataFlow.builder().retentionSchedule(...)
 * long messagesDeleted = report.deleted("conversation_messages");
 * }</pre>
 */
public final class ConversationRetention {
  private ConversationRetention() {}

  /**
   * A workflow replacing the content of every message of one session with a placeholder and marking it
   * {@code pii_scrubbed}, in one transaction: node {@code scrub}, output {@code {updated: n}}.
   */
  public static Workflow scrubSession(java.util.UUID sessionId) {
    return new WorkflowBuilder()
        .addNode("scrub", ConversationMessageBulkUpdateNode.params()
            .filters(Map.of("session_id", sessionId, "pii_scrubbed", false))
            .fields(Map.of("content", "[scrubbed]", "pii_scrubbed", true)))
        .build();
  }
}
