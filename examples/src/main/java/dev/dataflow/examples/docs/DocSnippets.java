package dev.dataflow.examples.docs;

import dev.dataflow.models.ConversationMessage;
import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationSession;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.lifecycle.RetentionReport;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import dev.dataflow.runtime.scrub.PiiScrubber;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The Java samples of README.md and docs/, compiled by the build. A sample in a page is the region between
 * {@code [START name]} and {@code [END name]} here, and {@code DocSnippetsTest} fails when the page and this file
 * differ, so the documentation cannot drift from code that compiles.
 */
public final class DocSnippets {
  private DocSnippets() {}

  /** README: connect, create a session and read its history in one workflow. */
  public static Object readme() {
    // [START readme]
    try (DataFlow db = DataFlow.builder().build()) {                    // DATABASE_URL, else an embedded PostgreSQL
      WorkflowResult result = new LocalRuntime(db).execute(new WorkflowBuilder()
          .addNode("session", ConversationSessionCreateNode.params().sessionId(UUID.randomUUID()).userId("6591234567"))
          .addNode("ConversationMessageListNode", "history", Map.of("order_by", List.of("timestamp")))
          .addConnection("session", "session_id", "history", "filters.session_id")
          .build());
      System.out.println(result.get("session").get("id"));
    }
    // [END readme]
    return null;
  }

  // [START userNode]
  /** An application node: classifies a message; stateless and thread-safe, like every node. */
  public static final class IntentClassifierNode implements Node {
    @Override
    public String type() {
      return "IntentClassifierNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("text", ParamType.ANY, true, "the message text")
          .withCheck((value, parameter) -> {        // at build() on literal values, before execute on connected ones
            if (!(value instanceof String)) {
              throw new InvalidParameterException(parameter, "expected the message text, a String");
            }
          }));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
      String text = (String) params.get("text");
      return Map.of("intent", text.contains("boxes") ? "order_placement" : "other");
    }
  }
  // [END userNode]

  // [START userNodeRows]
  /** An application node that writes: it reports its rows, which reach every WorkflowListener's NodeEvent. */
  public static final class CloseIdleSessionsNode implements Node {
    @Override
    public String type() {
      return "CloseIdleSessionsNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("idle_days", ParamType.INTEGER, true, "days without a message"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws SQLException {
      int closed = context.transaction(connection -> {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE conversation_sessions SET end_time = now()"
            + " WHERE end_time IS NULL AND updated_at < now() - make_interval(days => ?)")) {
          ps.setInt(1, ((Number) params.get("idle_days")).intValue());
          return ps.executeUpdate();
        }
      });
      context.addRowsAffected(closed);
      return Map.of("closed", closed);
    }
  }
  // [END userNodeRows]

  /** docs/workflows.md: your own nodes, routed with a SwitchNode. */
  public static WorkflowResult routeWithUserNode(String databaseUrl) {
    // [START routing]
    try (DataFlow db = DataFlow.builder().databaseUrl(databaseUrl).addNode(new IntentClassifierNode()).build()) {
      Workflow workflow = new WorkflowBuilder(db)
          .addNode("IntentClassifierNode", "classify", Map.of("text", "we need 400 boxes"))
          .addNode("SwitchNode", "route", Map.of("cases", List.of("order_placement"), "default", "other"))
          .addNode("ConversationMessageCountNode", "orders", Map.of())
          .addConnection("classify", "intent", "route", "value")
          .addConnection("route", "order_placement", "orders", "filters.intent")
          .build();
      WorkflowResult result = new LocalRuntime(db).execute(workflow);
      result.wasSkipped("orders");   // false here; true when the text is about something else
      return result;
    }
    // [END routing]
  }

  /** docs/workflows.md: connecting. */
  public static DataFlow connect() {
    // [START connect]
    DataFlow db = DataFlow.builder()
        .databaseUrl("postgresql://app:secret@db.internal:5432/app")   // optional
        .autoMigrate(true)                                               // default
        .migrationLocations("classpath:db/migration")                    // default
        .createMissingTables(false)                                      // default; true only for prototypes and tests
        .maximumPoolSize(10)                                             // default
        .build();
    // [END connect]
    return db;
  }

  /** docs/workflows.md: building a workflow. */
  public static Workflow build(UUID sessionId) {
    // [START build]
    Workflow workflow = new WorkflowBuilder()
        .addNode("ConversationSessionCreateNode", "create_session", Map.of(
            "session_id", sessionId, "user_id", "6591234567", "language", "en"))
        .addNode("log_msg", ConversationMessageCreateNode.params()       // typed parameters
            .role(MessageRole.user).content("Hi, we need 400 pizza boxes"))
        .addConnection("create_session", "session_id", "log_msg", "session_id")
        .build();
    // [END build]
    return workflow;
  }

  /** docs/workflows.md: ordering two nodes that pass no data. */
  public static WorkflowResult dependency(LocalRuntime runtime, UUID sessionId) {
    // [START dependency]
    Workflow workflow = new WorkflowBuilder()
        .addNode("count", ConversationMessageCountNode.params().filters(Map.of("session_id", sessionId)))
        .addNode("greet", ConversationMessageCreateNode.params()
            .sessionId(sessionId).role(MessageRole.assistant).content("Hello! How can I help?"))
        .addDependency("greet", "count")   // no data passes; count runs after greet and counts its message
        .build();
    // [END dependency]
    return runtime.execute(workflow);
  }

  /** docs/workflows.md: running. */
  public static WorkflowResult run(DataFlow db, Workflow workflow) {
    // [START run]
    LocalRuntime runtime = new LocalRuntime(db);
    WorkflowResult result = runtime.execute(workflow);
    result.runId();                          // a UUID string, also in errors
    result.get("create_session");            // the node's output map
    result.outputs();                        // every node's output, in execution order

    runtime.execute(workflow, Map.of("create_session", Map.of("session_id", UUID.randomUUID())));   // per-run overrides
    // [END run]
    return result;
  }

  /** docs/data-lifecycle.md: a scrubber that also knows the application's order references. */
  public static String scrubWithOrderReferences(String message) {
    // [START piiScrubber]
    PiiScrubber scrubber = PiiScrubber.builder()
        .add("ORDER_REF", Pattern.compile("\\bORD-\\d{8}\\b"))   // runs before the built-in detectors
        .build();
    String stored = scrubber.scrub(message);   // "Re ORD-91234567: call 9123 4567" -> "Re [ORDER_REF]: call [PHONE]"
    // [END piiScrubber]
    return stored;
  }

  /** docs/data-lifecycle.md: a DataFlow whose writes scrub with the application's pattern too. */
  public static Map<String, Object> scrubOnWrite(String databaseUrl) {
    // [START scrubOnWrite]
    try (DataFlow db = DataFlow.builder().databaseUrl(databaseUrl)
        .piiScrubber(PiiScrubber.builder().add("ORDER_REF", Pattern.compile("\\bORD-\\d{8}\\b")).build())
        .build()) {
      UUID sessionId = UUID.randomUUID();
      Map<String, Object> message = new LocalRuntime(db).execute(new WorkflowBuilder()
          .addNode("session", ConversationSessionCreateNode.params().sessionId(sessionId).userId("u-42"))
          .addNode("say", ConversationMessageCreateNode.params().sessionId(sessionId).role(MessageRole.user)
              .content("Re ORD-91234567: call me on 9123 4567"))       // never stored as given
          .build()).get("say");
      message.get("content");        // "Re [ORDER_REF]: call me on [PHONE]", as stored
      message.get("pii_scrubbed");   // true: set by the write, never by the caller
      return message;
    }
    // [END scrubOnWrite]
  }

  /** docs/quick-reference.md: a time written without offset, read in the application's zone. */
  public static Instant zone(String databaseUrl) {
    // [START zone]
    try (DataFlow db = DataFlow.builder().databaseUrl(databaseUrl).zone(ZoneId.of("Asia/Singapore")).build()) {
      UUID sessionId = UUID.randomUUID();
      ConversationMessage message = new LocalRuntime(db).execute(new WorkflowBuilder()
          .addNode("session", ConversationSessionCreateNode.params().sessionId(sessionId).userId("u-42"))
          .addNode("ConversationMessageCreateNode", "say", Map.of("session_id", sessionId, "role", "user",
              "content", "Hi", "timestamp", "2026-11-30T09:15:00"))   // as Python's isoformat() writes it
          .addDependency("session", "say")
          .build()).get("say", ConversationMessage.class);
      return message.timestamp();   // 2026-11-30T01:15:00Z: 09:15 in Singapore
    }
    // [END zone]
  }

  /** docs/workflows.md: messages per day and intent, with the classifier's average confidence. */
  public static List<Map<String, Object>> groupBy(LocalRuntime runtime, UUID sessionId) {
    // [START groupBy]
    Map<String, Object> out = runtime.execute(new WorkflowBuilder()
        .addNode("per_day", ConversationMessageCountNode.params()
            .filters(Map.of("session_id", sessionId))          // filters apply before grouping
            .groupBy("timestamp:day", "intent")                 // a UTC day bucket, then a column
            .aggregate("avg_confidence", "$avg", "confidence")
            .limit(30))                                         // at most 30 groups, the largest first
        .build()).get("per_day");
    long messages = (Long) out.get("count");                   // every matching message, not only those of 30 groups
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> groups = (List<Map<String, Object>>) out.get("groups");
    // [{timestamp:day=2026-05-01T00:00:00Z, intent=order_placement, count=2, avg_confidence=0.93}, ...]
    // [END groupBy]
    return messages == 0 ? List.of() : groups;
  }

  /** docs/workflows.md: every message of a session, 500 at a time, by cursor. */
  public static List<Map<String, Object>> everyMessage(LocalRuntime runtime, UUID sessionId) {
    // [START cursor]
    List<Map<String, Object>> all = new ArrayList<>();
    String cursor = null;
    do {
      ConversationMessageListNode.Params page = ConversationMessageListNode.params()
          .filters(Map.of("session_id", sessionId))   // the same filters and order_by on every page
          .orderBy("-timestamp")
          .limit(500);
      if (cursor != null) {
        page.cursor(cursor);                          // continue after the previous page's last row
      }
      Map<String, Object> out = runtime.execute(new WorkflowBuilder().addNode("page", page).build()).get("page");
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> records = (List<Map<String, Object>>) out.get("records");
      all.addAll(records);
      cursor = (String) out.get("next_cursor");       // null once a page comes back short
    } while (cursor != null);
    // [END cursor]
    return all;
  }

  /** docs/data-lifecycle.md: retention on a schedule, and a sweep of one's own. */
  public static RetentionReport retention(String databaseUrl) {
    // [START retention]
    try (DataFlow db = DataFlow.builder().databaseUrl(databaseUrl)
        .retentionSchedule(Duration.ofHours(1))     // a sweep right after build(), then an hour after each one ends
        .retentionBatchSize(1000)                   // rows per delete statement, each its own transaction
        .retentionListener(e -> System.out.printf("%s: %d rows in %d batches, %d ms%n",
            e.table(), e.deleted(), e.batches(), e.duration().toMillis()))
        .build()) {
      RetentionReport report = db.sweepExpired(Instant.now());   // a sweep of its own, e.g. from an admin task
      System.out.println(report.deleted("conversation_messages") + " messages, " + report.total() + " rows in all");
      return report;
    }
    // [END retention]
  }

  /** docs/diagrams.md: the pictures of a workflow, its run (or failed run) and the models, in that order. */
  public static List<String> pictures(DataFlow db, Workflow workflow) {
    List<String> pictures = new ArrayList<>();
    // [START pictures]
    pictures.add(workflow.toMermaid());                 // nodes, types, connections, branches
    try {
      WorkflowResult result = new LocalRuntime(db).execute(workflow);
      pictures.add(result.toMermaid());                 // and which nodes ran or were skipped, in ms
    } catch (WorkflowExecutionException e) {
      pictures.add(e.toMermaid());                      // and which node failed, which never started
    }
    pictures.add(db.toMermaidErDiagram());              // every registered model: columns, keys, foreign keys
    // [END pictures]
    return pictures;
  }

  /** docs/quick-reference.md: typed results and parameters from a model. */
  public static ConversationSession typedResults(LocalRuntime runtime) {
    // [START typedResults]
    ConversationSession draft = new ConversationSession(null, UUID.randomUUID(), "6591234567", null, null, null, null,
        Map.of("primary", "order_placement"), Map.of("source", "whatsapp"));
    WorkflowResult result = runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params(draft))   // null fields left out: key, defaults
        .addNode("history", ConversationMessageListNode.params().orderBy("timestamp"))
        .addConnection("session", "session_id", "history", "filters.session_id")
        .build());
    ConversationSession s = result.get("session", ConversationSession.class);
    List<ConversationMessage> history = result.records("history", ConversationMessage.class);
    Map<String, Object> row = result.get("session");                   // the row itself, created_at and all
    // [END typedResults]
    return s;
  }

  /** docs/scaling.md: a primary with two read replicas (not run: it names servers that do not exist here). */
  public static DataFlow withReadReplicas() {
    // [START readReplicas]
    DataFlow db = DataFlow.builder()
        .databaseUrl("postgresql://app@db-primary:5432/app")
        .readReplicaUrl("postgresql://app@db-replica-1:5432/app")
        .readReplicaUrl("postgresql://app@db-replica-2:5432/app")
        .maxReplicaLag(Duration.ofSeconds(2))   // default 5 s
        .build();
    // [END readReplicas]
    return db;
  }

  /** docs/scaling.md: DataFlow behind PgBouncer in transaction mode (not run: the server does not exist here). */
  public static DataFlow behindPgBouncer() {
    // [START transactionPooler]
    DataFlow db = DataFlow.builder()
        .databaseUrl("postgresql://app@pgbouncer:6432/app")
        .transactionPooler(true)
        .build();
    // [END transactionPooler]
    return db;
  }
}
