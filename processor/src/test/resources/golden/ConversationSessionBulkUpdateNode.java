package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.BulkUpdateNode;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.params.BulkUpdateParams;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Updates many rows, by filters or one record per row in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionBulkUpdateNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionBulkUpdateNode extends BulkUpdateNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionBulkUpdateNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionBulkUpdateNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionBulkUpdateNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends BulkUpdateParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * Column {@code session_id} (UUID, NOT NULL, unique).
     */
    public Params sessionId(UUID sessionId) {
      setIn(CrudNode.FIELDS, "session_id", sessionId);
      return this;
    }

    /**
     * Column {@code user_id} (VARCHAR(64), personal data: DataFlow never logs its value).
     */
    public Params userId(String userId) {
      setIn(CrudNode.FIELDS, "user_id", userId);
      return this;
    }

    /**
     * Column {@code outlet_id} (BIGINT).
     */
    public Params outletId(Long outletId) {
      setIn(CrudNode.FIELDS, "outlet_id", outletId);
      return this;
    }

    /**
     * Column {@code role} (TEXT).
     */
    public Params role(ConversationSession.Role role) {
      setIn(CrudNode.FIELDS, "role", role);
      return this;
    }

    /**
     * Column {@code metadata} (JSONB).
     */
    public Params metadata(Map<String, Object> metadata) {
      setIn(CrudNode.FIELDS, "metadata", metadata);
      return this;
    }

    /**
     * Column {@code language} (TEXT, has a default).
     */
    public Params language(String language) {
      setIn(CrudNode.FIELDS, "language", language);
      return this;
    }

    /**
     * Column {@code started_at} (TIMESTAMPTZ).
     */
    public Params startedAt(Instant startedAt) {
      setIn(CrudNode.FIELDS, "started_at", startedAt);
      return this;
    }
  }
}
