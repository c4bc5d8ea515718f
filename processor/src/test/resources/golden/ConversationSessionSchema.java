package dev.dataflow.models;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.EnumValues;
import dev.dataflow.runtime.model.ForeignKeyDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Retention;
import dev.dataflow.runtime.model.Statements;
import dev.dataflow.runtime.node.ModelProvider;
import dev.dataflow.runtime.node.Node;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * Table, columns, DDL and SQL of {@link ConversationSession}, computed at build time.
 *
 * <p>The runtime finds this class through {@code META-INF/services}; nothing here needs to be called by hand.
 */
@Generated("dev.dataflow.processor.DataFlowProcessor")
public final class ConversationSessionSchema implements ModelProvider {
  /**
   * The table name.
   */
  public static final String TABLE = "conversation_sessions";

  /**
   * Inserts one row, binding {@code insertColumns}; returns the row.
   */
  public static final String INSERT = "insert into \"conversation_sessions\" (\"session_id\", \"user_id\", "
      + "\"outlet_id\", \"role\", \"metadata\", \"pii_scrubbed\", "
      + "\"language\", \"started_at\", \"created_at\", \"updated_at\")"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, now(), now())"
      + " returning \"id\", \"session_id\", \"user_id\", \"outlet_id\", "
      + "\"role\", \"metadata\", \"pii_scrubbed\", \"language\", "
      + "\"started_at\", \"version\", \"created_at\", \"updated_at\"";

  /**
   * Selects one row by key.
   */
  public static final String SELECT_BY_ID = "select \"id\", \"session_id\", \"user_id\", \"outlet_id\", "
      + "\"role\", \"metadata\", \"pii_scrubbed\", \"language\", "
      + "\"started_at\", \"version\", \"created_at\", \"updated_at\""
      + " from \"conversation_sessions\""
      + " where \"id\" = ?";

  /**
   * Updates one row, binding {@code updateColumns}, the key, then the version read; bumps the version and returns the row, or no row when the key or the version does not match.
   */
  public static final String UPDATE_BY_ID = "update \"conversation_sessions\""
      + " set \"session_id\" = ?, \"user_id\" = ?, \"outlet_id\" = ?, "
      + "\"role\" = ?, \"metadata\" = ?, \"pii_scrubbed\" = ?, \"language\" = ?, "
      + "\"started_at\" = ?, \"version\" = \"version\" + 1, \"updated_at\" = now()"
      + " where (\"id\" = ? and \"version\" = ?)"
      + " returning \"id\", \"session_id\", \"user_id\", \"outlet_id\", "
      + "\"role\", \"metadata\", \"pii_scrubbed\", \"language\", "
      + "\"started_at\", \"version\", \"created_at\", \"updated_at\"";

  /**
   * Deletes one row by key.
   */
  public static final String DELETE_BY_ID = "delete from \"conversation_sessions\" where \"id\" = ?";

  /**
   * Tells whether a row with the key exists.
   */
  public static final String EXISTS_BY_ID = "select exists (select 1 as \"one\" from \"conversation_sessions\" where \"id\" = ?)";

  /**
   * Inserts one row of a create that gives no column with a default, binding the columns listed with it; the database fills the others. Returns the row.
   */
  public static final String INSERT_OMITTING_DEFAULTS = "insert into \"conversation_sessions\" (\"session_id\", \"user_id\", \"outlet_id\", "
      + "\"role\", \"metadata\", \"pii_scrubbed\", \"started_at\", \"created_at\", \"updated_at\")"
      + " values (?, ?, ?, ?, ?, ?, ?, now(), now())"
      + " returning \"id\", \"session_id\", \"user_id\", \"outlet_id\", "
      + "\"role\", \"metadata\", \"pii_scrubbed\", \"language\", "
      + "\"started_at\", \"version\", \"created_at\", \"updated_at\"";

  /**
   * Everything the runtime knows about {@code ConversationSession}.
   */
  public static final ModelDescriptor DESCRIPTOR = new ModelDescriptor(
      "ConversationSession",
      "dev.dataflow.models.ConversationSession",
      TABLE,
      List.of(
          ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated(),
          ColumnDescriptor.column("session_id", "sessionId", JavaType.UUID, "UUID").notNull().asUnique(),
          ColumnDescriptor.column("user_id", "userId", JavaType.STRING, "VARCHAR(64)").asPii().asScrubbed(),
          ColumnDescriptor.column("outlet_id", "outletId", JavaType.LONG, "BIGINT"),
          ColumnDescriptor.column("role", "role", JavaType.ENUM, "TEXT").withEnumValues(EnumValues.of(ConversationSession.Role.values())),
          ColumnDescriptor.column("metadata", "metadata", JavaType.JSON, "JSONB"),
          ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").notNull().asPiiScrubbedFlag(),
          ColumnDescriptor.column("language", "language", JavaType.STRING, "TEXT").withDefault(),
          ColumnDescriptor.column("started_at", "startedAt", JavaType.INSTANT, "TIMESTAMPTZ"),
          ColumnDescriptor.column("version", "version", JavaType.LONG, "BIGINT").notNull().asGenerated().withDefault().asVersion(),
          ColumnDescriptor.column("created_at", "createdAt", JavaType.INSTANT, "TIMESTAMPTZ").notNull().asGenerated().withDefault(),
          ColumnDescriptor.column("updated_at", "updatedAt", JavaType.INSTANT, "TIMESTAMPTZ").notNull().asGenerated().withDefault()),
      "id",
      List.of("outlets"),
      List.of(
          "create table if not exists \"conversation_sessions\" ("
              + "\"id\" BIGINT generated by default as identity not null, "
              + "\"session_id\" UUID not null, "
              + "\"user_id\" VARCHAR(64), "
              + "\"outlet_id\" BIGINT, "
              + "\"role\" TEXT, "
              + "\"metadata\" JSONB, "
              + "\"pii_scrubbed\" BOOLEAN not null, "
              + "\"language\" TEXT default 'en', "
              + "\"started_at\" TIMESTAMPTZ, "
              + "\"version\" BIGINT not null default 1, "
              + "\"created_at\" TIMESTAMPTZ not null default now(), "
              + "\"updated_at\" TIMESTAMPTZ not null default now(), "
              + "constraint \"pk_conversation_sessions\" primary key (\"id\"), "
              + "constraint \"uq_conversation_sessions_session_id\" unique (\"session_id\"), "
              + "constraint \"ck_conversation_sessions_role\" check (\"role\" in ('USER', 'ASSISTANT')), "
              + "constraint \"fk_conversation_sessions_outlet_id\" foreign key (\"outlet_id\") references \"outlets\" (\"id\") on delete set null"
              + ")",
          "create index if not exists \"idx_conversation_sessions_user_id\""
              + " on \"conversation_sessions\"(\"user_id\")",
          "create index if not exists \"idx_conversation_sessions_metadata\""
              + " on \"conversation_sessions\" using gin (\"metadata\")",
          "create index if not exists \"idx_conversation_sessions_user_id_started_at\""
              + " on \"conversation_sessions\"(\"user_id\", \"started_at\" desc)"),
      new Statements(
          INSERT,
          List.of("session_id", "user_id", "outlet_id", "role", "metadata", "pii_scrubbed", "language", "started_at"),
          SELECT_BY_ID,
          UPDATE_BY_ID,
          List.of("session_id", "user_id", "outlet_id", "role", "metadata", "pii_scrubbed", "language", "started_at"),
          DELETE_BY_ID,
          EXISTS_BY_ID,
          INSERT_OMITTING_DEFAULTS,
          List.of("session_id", "user_id", "outlet_id", "role", "metadata", "pii_scrubbed", "started_at")))
      .withRetention(new Retention(30, "started_at"))
      .withForeignKeys(
          new ForeignKeyDescriptor("outlet_id", "outlets", "id", ForeignKeyDescriptor.OnDelete.SET_NULL))
      .withRowMapper(new ConversationSessionRowMapper());

  /**
   * For {@link java.util.ServiceLoader}.
   */
  public ConversationSessionSchema() {
  }

  @Override
  public ModelDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public List<Node> nodes() {
    return List.of(
        new ConversationSessionCreateNode(),
        new ConversationSessionReadNode(),
        new ConversationSessionUpdateNode(),
        new ConversationSessionDeleteNode(),
        new ConversationSessionListNode(),
        new ConversationSessionCountNode(),
        new ConversationSessionExistsNode(),
        new ConversationSessionBulkCreateNode(),
        new ConversationSessionBulkUpdateNode());
  }
}
