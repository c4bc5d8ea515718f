package dev.dataflow.models;

import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The retention policy of the conversation-memory models, as a workflow to run on a schedule: messages are kept
 * 90 days (by their {@code timestamp}), user summaries 2 years after their {@code last_interaction}.
 *
 * <pre>{@code
 * WorkflowResult r = runtime.execute(ConversationRetention.purge(Instant.now()));
 * long messagesDeleted = ((Number) r.get("expired_messages").get("deleted")).longValue();
 * }</pre>
 */
public final class ConversationRetention {
  /** How long messages are kept. */
  public static final Duration MESSAGE_RETENTION = Duration.ofDays(90);
  /** How long a user summary is kept after the user's last interaction. */
  public static final Duration SUMMARY_RETENTION = Duration.ofDays(730);

  private ConversationRetention() {}

  /** A workflow deleting what is past retention as of {@code now}: nodes {@code expired_messages}, {@code expired_summaries}. */
  public static Workflow purge(Instant now) {
    return new WorkflowBuilder()
        .addNode("expired_messages", ConversationMessageDeleteNode.params()
            .filters(Map.of("timestamp", Map.of("$lt", now.minus(MESSAGE_RETENTION)))))
        .addNode("expired_summaries", UserInteractionSummaryDeleteNode.params()
            .filters(Map.of("last_interaction", Map.of("$lt", now.minus(SUMMARY_RETENTION)))))
        .build();
  }

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
