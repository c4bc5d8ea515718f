package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Index;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import dev.dataflow.annotations.Retain;
import dev.dataflow.annotations.Unique;
import java.time.Instant;
import java.util.Map;

/**
 * Per-user analytics. Table {@code user_interaction_summaries}: unique {@code user_id}, indexes on
 * {@code outlet_id}, {@code last_interaction}, {@code created_at}. Retention: 2 years after {@code last_interaction}
 * ({@code @Retain}; {@code DataFlow.sweepExpired} and the {@code retentionSchedule} delete what is past it). A summary
 * whose {@code last_interaction} is NULL (no interaction recorded yet) is never past retention and is kept.
 */
@Model
@Index(columns = "created_at")
@Retain(days = 730, after = "last_interaction")
public record UserInteractionSummary(
    Long id,
    /** The user's id on the channel. Personal data. */
    @Unique @Pii @Column(nullable = false, length = 64) String userId,
    @Indexed @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId,
    @Column(defaultValue = "0") int totalConversations,
    @Column(defaultValue = "0") int totalMessages,
    /** How often each intent occurred, for example {@code {"order_placement": 3}}. */
    @Json Map<String, Object> intentFrequencies,
    @Indexed Instant lastInteraction) {}
