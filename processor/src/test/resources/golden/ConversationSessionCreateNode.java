package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CreateNode;
import dev.dataflow.runtime.node.params.CreateParams;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Inserts one row in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionCreateNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionCreateNode extends CreateNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionCreateNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionCreateNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * Parameters filled from {@code model}: each field the create may set. A null field (such as the key of a
   * model not stored yet) is left out, so the column gets its default or NULL.
   */
  public static Params params(ConversationSession model) {
    return new Params().fill(model);
  }

  /**
   * The parameters of {@code ConversationSessionCreateNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends CreateParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * Column {@code session_id} (UUID, NOT NULL, unique).
     */
    public Params sessionId(UUID sessionId) {
      set("session_id", sessionId);
      return this;
    }

    /**
     * Column {@code user_id} (VARCHAR(64), personal data: DataFlow never logs its value).
     */
    public Params userId(String userId) {
      set("user_id", userId);
      return this;
    }

    /**
     * Column {@code outlet_id} (BIGINT).
     */
    public Params outletId(Long outletId) {
      set("outlet_id", outletId);
      return this;
    }

    /**
     * Column {@code role} (TEXT).
     */
    public Params role(ConversationSession.Role role) {
      set("role", role);
      return this;
    }

    /**
     * Column {@code metadata} (JSONB).
     */
    public Params metadata(Map<String, Object> metadata) {
      set("metadata", metadata);
      return this;
    }

    /**
     * Column {@code language} (TEXT, has a default).
     */
    public Params language(String language) {
      set("language", language);
      return this;
    }

    /**
     * Column {@code started_at} (TIMESTAMPTZ).
     */
    public Params startedAt(Instant startedAt) {
      set("started_at", startedAt);
      return this;
    }

    private Params fill(ConversationSession model) {
      setUnlessNull("session_id", model.sessionId());
      setUnlessNull("user_id", model.userId());
      setUnlessNull("outlet_id", model.outletId());
      setUnlessNull("role", model.role());
      setUnlessNull("metadata", model.metadata());
      setUnlessNull("language", model.language());
      setUnlessNull("started_at", model.startedAt());
      return this;
    }
  }
}
