package dev.dataflow.benchmarks;

import dev.dataflow.models.MessageRole;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;

/**
 * {@code conversation_messages} as a Hibernate user maps it for single-row work (SingleRowComparison): the table's
 * identity column as the {@code @Id} with {@code GenerationType.IDENTITY}, the one a Hibernate user picks for an
 * identity column (Hibernate reads the id back with {@code insert ... returning id}).
 *
 * <p>The table is partitioned by month since V4 and its primary key is ({@code id}, {@code timestamp}); {@code id}
 * alone is still unique (one identity sequence for all partitions), so it is the entity's id: every side reads and
 * updates {@code where id = ?}. The timestamps that the database defaults to {@code now()} are set in the JVM
 * ({@code @CreationTimestamp}, {@code @UpdateTimestamp}), the usual Hibernate mapping; {@code role} is the model's
 * enum stored by name.
 */
@Entity(name = "HibernateMessage")
@Table(name = "conversation_messages")
public class HibernateMessage {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "session_id", nullable = false)
  private UUID sessionId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private MessageRole role;

  @Column(nullable = false)
  private String content;

  @CreationTimestamp
  @Column(name = "timestamp", nullable = false)
  private Instant timestamp;

  @Column(length = 64)
  private String intent;

  private Double confidence;

  @Column(name = "pii_scrubbed", nullable = false)
  private boolean piiScrubbed;

  @CreationTimestamp
  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @UpdateTimestamp
  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** For Hibernate. */
  protected HibernateMessage() {}

  HibernateMessage(UUID sessionId, MessageRole role, String content) {
    this.sessionId = sessionId;
    this.role = role;
    this.content = content;
  }

  Long id() {
    return id;
  }

  void setIntent(String intent) {
    this.intent = intent;
  }

  void setConfidence(Double confidence) {
    this.confidence = confidence;
  }

  /** The entity as the map the other sides return (JdbcRows' keys and types); for the smoke test's comparisons. */
  Map<String, Object> toMap() {
    Map<String, Object> row = new LinkedHashMap<>(20);
    row.put("id", id);
    row.put("session_id", sessionId);
    row.put("role", role);
    row.put("content", content);
    row.put("timestamp", timestamp);
    row.put("intent", intent);
    row.put("confidence", confidence);
    row.put("pii_scrubbed", piiScrubbed);
    row.put("created_at", createdAt);
    row.put("updated_at", updatedAt);
    return row;
  }
}
