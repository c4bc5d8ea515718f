package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Index;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import dev.dataflow.annotations.Unique;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One conversation (for example a WhatsApp chat about an order). Table {@code conversation_sessions}: key {@code id}
 * (BIGINT identity), unique {@code session_id}, indexes on {@code user_id}, {@code outlet_id}, {@code start_time}
 * and {@code created_at}.
 *
 * <p>Generates {@code ConversationSessionCreateNode} ... {@code ConversationSessionBulkUpdateNode}.
 */
// [START readme]
@Model
@Index(columns = "created_at")
public record ConversationSession(
    Long id,
    /** The public id of the session, shared with messages. */
    @Unique @Column(nullable = false) UUID sessionId,
    /** The user's id on the channel, for example a phone number. Personal data. */
    @Indexed @Pii @Column(nullable = false, length = 64) String userId,
    /** The outlet the conversation is about; deleting the outlet keeps the session and clears this. */
    @Indexed @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId,
    /** ISO 639-1 language detected for the conversation. */
    @Column(nullable = false, length = 8, defaultValue = "'en'") String language,
    @Indexed @Column(nullable = false, defaultValue = "now()") Instant startTime,
    Instant endTime,
    /** Detected intents, for example {@code {"primary": "order_placement", "confidence": 0.95}}. */
    @Json Map<String, Object> intents,
    /** Free-form context, for example {@code {"source": "whatsapp"}}. */
    @Json Map<String, Object> context) {}
// [END readme]
