package dev.dataflow.models;

import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.UpdateNode;
import dev.dataflow.runtime.node.params.UpdateParams;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * Updates one row by key or filters in table {@code conversation_sessions} ({@link ConversationSession}).
 *
 * <p>Node type {@code ConversationSessionUpdateNode}. Build its parameters with {@link #params()}.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionUpdateNode extends UpdateNode {
  /**
   * The node type workflows refer to.
   */
  public static final String TYPE = "ConversationSessionUpdateNode";

  /**
   * Creates the node; the runtime finds it through {@link ConversationSessionSchema#nodes()}.
   */
  public ConversationSessionUpdateNode() {
    super(ConversationSessionSchema.DESCRIPTOR);
  }

  /**
   * Typed parameters for this node.
   */
  public static Params params() {
    return new Params();
  }

  /**
   * The parameters of {@code ConversationSessionUpdateNode}; {@link #toMap()} gives the map a workflow takes.
   */
  public static final class Params extends UpdateParams<Params> {
    private Params() {
      super(TYPE);
    }

    /**
     * The key (column {@code id}) of the row to update.
     */
    public Params id(Long id) {
      set(CrudNode.ID, id);
      return this;
    }

    /**
     * The version (column {@code version}) of the row as it was read; required with {@link #id}. The update fails with {@code RecordConflictException} when the row has changed since.
     */
    public Params version(Long version) {
      set(CrudNode.VERSION, version);
      return this;
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
