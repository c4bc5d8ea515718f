package dev.dataflow.models;

import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.model.Retention;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The retention policy of the conversation-memory models, as a workflow to run on a schedule: messages are kept
 * 90 days (by their {@code timestamp}), user summaries 2 years after their {@code last_interaction}. The days and
 * columns are the models' own {@code @Retain}, read from their generated descriptors.
 *
 * <pre>{@code
 * WorkflowResult r = runtime.execute(ConversationRetention.purge(Instant.now()));
 * long messagesDeleted = ((Number) r.get("expired_messages").get("deleted")).longValue();
 * }</pre>
 */
public final class ConversationRetention {
  private static final Retention MESSAGES = ConversationMessageSchema.DESCRIPTOR.retention();
  private static final Retention SUMMARIES = UserInteractionSummarySchema.DESCRIPTOR.retention();

  /** How long messages are kept: {@code ConversationMessage}'s {@code @Retain}. */
  public static final Duration MESSAGE_RETENTION = Duration.ofDays(MESSAGES.days());
  /** How long a user summary is kept after its last interaction: {@code UserInteractionSummary}'s {@code @Retain}. */
  public static final Duration SUMMARY_RETENTION = Duration.ofDays(SUMMARIES.days());

  private ConversationRetention() {}

  /** A workflow deleting what is past retention as of {@code now}: nodes {@code expired_messages}, {@code expired_summaries}. */
  public static Workflow purge(Instant now) {
    return new WorkflowBuilder()
        .addNode("expired_messages", ConversationMessageDeleteNode.params()
            .filters(Map.of(MESSAGES.column(), Map.of("$lt", now.minus(MESSAGE_RETENTION)))))
        .addNode("expired_summaries", UserInteractionSummaryDeleteNode.params()
            .filters(Map.of(SUMMARIES.column(), Map.of("$lt", now.minus(SUMMARY_RETENTION)))))
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
