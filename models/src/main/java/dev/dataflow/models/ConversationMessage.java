package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Index;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Partitioned;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.PiiScrubbed;
import dev.dataflow.annotations.Retain;
import java.time.Instant;

/**
 * One message of a conversation. Table {@code conversation_messages}: indexes on {@code session_id},
 * {@code timestamp}, {@code role}, {@code intent}, {@code created_at}, and on ({@code session_id},
 * {@code timestamp}) for reading a conversation's history in order.
 *
 * <p>{@code session_id} is a foreign key to {@code conversation_sessions.session_id}, ON DELETE CASCADE.
 *
 * <p>Retention: 90 days after {@code timestamp} ({@code @Retain}; {@code DataFlow.sweepExpired} and the
 * {@code retentionSchedule} delete what is past it). The table is partitioned by month of {@code timestamp}
 * ({@code @Partitioned}): its key is ({@code id}, {@code timestamp}), the sweep creates the coming months'
 * partitions ahead and drops a month's partition whole once all of it is past retention. {@code content} is scrubbed of personal data by every write
 * before it is stored ({@code @Pii(scrub = true)}), and {@code pii_scrubbed}, set by those writes, says it was.
 */
// [START lifecycle]
@Model
@Index(columns = "created_at")
@Index(columns = {"session_id", "timestamp"})
@Retain(days = 90, after = "timestamp")
@Partitioned(by = "timestamp", interval = Partitioned.Interval.MONTH)
public record ConversationMessage(
    Long id,
    /** The {@code session_id} of the {@link ConversationSession}; deleting the session deletes its messages. */
    @Indexed @Column(nullable = false)
    @References(value = ConversationSession.class, column = "session_id", onDelete = OnDelete.CASCADE)
    java.util.UUID sessionId,
    @Indexed @Column(nullable = false) MessageRole role,
    /** The message text, stored scrubbed: e-mail addresses, phone, card and NRIC/FIN numbers become placeholders. */
    @Pii(scrub = true) @Column(nullable = false) String content,
    @Indexed @Column(nullable = false, defaultValue = "now()") Instant timestamp,
    /** The classified intent, for example {@code order_placement}. */
    @Indexed @Column(length = 64) String intent,
    /** The classifier's confidence in {@code intent}, 0 to 1. */
    Double confidence,
    /** Whether the scrubber has run over the stored {@code content}; set by DataFlow, never by a caller. */
    @PiiScrubbed @Column(defaultValue = "false") boolean piiScrubbed) {}
// [END lifecycle]
