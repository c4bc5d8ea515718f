package dev.dataflow.examples;

import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationSessionCountNode;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.models.UserInteractionSummaryCreateNode;
import dev.dataflow.models.UserInteractionSummaryReadNode;
import dev.dataflow.models.UserInteractionSummaryUpdateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.crud.CountNode;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The conversation-memory system's five examples: create a session, add three messages, read the history, create
 * the user's summary, and count sessions by language. Runs on {@code DATABASE_URL}, or on an embedded PostgreSQL
 * when it is not set:
 *
 * <pre>mvn -q -Prun-example -DskipTests verify</pre>
 */
public final class ConversationMemoryExample {
  private static final List<String> CONVERSATION_MODELS =
      List.of("ConversationSession", "ConversationMessage", "UserInteractionSummary");
  private static final String USER_ID = "6591234567";
  /** Example 2's messages: role, content, intent, confidence. */
  private static final List<Object[]> MESSAGES = List.of(
      new Object[] {MessageRole.user, "Hi, we need 400 boxes for 10 inch pizzas", "order_placement", 0.95},
      new Object[] {MessageRole.assistant, "I understand you need 400 boxes for 10 inch pizzas. Anything else?",
          null, null},
      new Object[] {MessageRole.user, "Yes, and 200 for 12 inch as well", "order_placement", 0.91});

  private final LocalRuntime runtime;
  private final PrintStream out;

  ConversationMemoryExample(DataFlow dataFlow, PrintStream out) {
    this.runtime = new LocalRuntime(dataFlow);
    this.out = out;
  }

  public static void main(String[] args) {
    try (DataFlow dataFlow = DataFlow.builder().autoMigrate(true).build()) {
      new ConversationMemoryExample(dataFlow, System.out).run(dataFlow);
    }
  }

  void run(DataFlow dataFlow) {
    long models = dataFlow.models().stream().map(ModelDescriptor::modelName).filter(CONVERSATION_MODELS::contains)
        .count();
    long nodes = dataFlow.registry().types().stream()
        .filter(type -> CONVERSATION_MODELS.stream().anyMatch(type::startsWith)).count();
    out.println("[OK] Initialized " + models + " conversation models");
    out.println("     - " + String.join(", ", CONVERSATION_MODELS));
    out.println("     - " + nodes + " CRUD nodes available (" + nodes / Math.max(1, models) + " per model)");
    out.println();

    UUID sessionId = createSession();
    addMessages(sessionId);
    queryHistory(sessionId);
    updateUserSummary();
    sessionsByLanguage();
    out.println("Example completed successfully!");
  }

  /** Example 1: an outlet and a session in one workflow; the session takes the outlet's id through a connection. */
  UUID createSession() {
    out.println("Example 1: Create Conversation Session");
    UUID sessionId = UUID.randomUUID();
    WorkflowResult result = runtime.execute(createSessionWorkflow(sessionId));
    out.println("[OK] Created session: " + result.get("create_session").get("session_id"));
    out.println();
    return sessionId;
  }

  /** Example 1's workflow (docs/diagrams.md draws it). */
  static Workflow createSessionWorkflow(UUID sessionId) {
    return new WorkflowBuilder()
        .addNode("create_outlet", OutletCreateNode.params().name("Tria Pizza Central"))
        .addNode("create_session", ConversationSessionCreateNode.params()
            .sessionId(sessionId)
            .userId(USER_ID)
            .language("en")
            .startTime(Instant.now())
            .intents(Map.of("primary", "order_placement", "confidence", 0.95))
            .context(Map.of("source", "whatsapp", "platform", "tria_aibpo")))
        .addConnection("create_outlet", "id", "create_session", "outlet_id")
        .build();
  }

  /** Example 2: three messages, written by one workflow. */
  void addMessages(UUID sessionId) {
    out.println("Example 2: Add Conversation Messages");
    WorkflowResult result = runtime.execute(addMessagesWorkflow(sessionId));
    for (int i = 1; i <= MESSAGES.size(); i++) {
      Map<String, Object> row = result.get("message_" + i);
      out.println("[OK] Message " + i + ": " + row.get("role") + " - " + preview((String) row.get("content")));
    }
    out.println();
  }

  /** Example 2's workflow: one Create node per message (docs/diagrams.md draws it). */
  static Workflow addMessagesWorkflow(UUID sessionId) {
    WorkflowBuilder workflow = new WorkflowBuilder();
    for (int i = 0; i < MESSAGES.size(); i++) {
      Object[] m = MESSAGES.get(i);
      workflow.addNode("message_" + (i + 1), ConversationMessageCreateNode.params()
          .sessionId(sessionId)
          .role((MessageRole) m[0])
          .content((String) m[1])
          .timestamp(Instant.now().plusMillis(i))
          .intent((String) m[2])
          .confidence((Double) m[3]));
    }
    return workflow.build();
  }

  /** Example 3: the session's history, oldest first. */
  void queryHistory(UUID sessionId) {
    out.println("Example 3: Query Conversation History");
    WorkflowResult result = runtime.execute(queryHistoryWorkflow(sessionId));
    out.println("[OK] Found " + result.get("get_history").get("count") + " messages in session " + sessionId);
    out.println();
  }

  /** Example 3's workflow (docs/diagrams.md draws it). */
  static Workflow queryHistoryWorkflow(UUID sessionId) {
    return new WorkflowBuilder()
        .addNode("get_history", ConversationMessageListNode.params()
            .filters(Map.of("session_id", sessionId))
            .orderBy("timestamp"))
        .build();
  }

  /** Example 4: the user's summary, created on the first run and updated on later runs against the same database. */
  void updateUserSummary() {
    out.println("Example 4: Update User Interaction Summary");
    Map<String, Object> existing = runtime.execute(new WorkflowBuilder()
        .addNode("find", UserInteractionSummaryReadNode.params()
            .filters(Map.of("user_id", USER_ID))
            .raiseOnNotFound(false))
        .build()).get("find");
    if (Boolean.TRUE.equals(existing.get("found"))) {
      runtime.execute(new WorkflowBuilder()
          .addNode("update", UserInteractionSummaryUpdateNode.params()
              .id((Long) existing.get("id"))
              .totalConversations((Integer) existing.get("total_conversations") + 1)
              .totalMessages((Integer) existing.get("total_messages") + 3)
              .lastInteraction(Instant.now()))
          .build());
      out.println("[OK] Updated user summary for " + USER_ID);
    } else {
      runtime.execute(new WorkflowBuilder()
          .addNode("create", UserInteractionSummaryCreateNode.params()
              .userId(USER_ID)
              .totalConversations(1)
              .totalMessages(3)
              .intentFrequencies(Map.of("order_placement", 2))
              .lastInteraction(Instant.now()))
          .build());
      out.println("[OK] Created user summary for " + USER_ID);
    }
    out.println();
  }

  /** Example 5: sessions counted by language in one grouped count; the English group's count is printed. */
  void sessionsByLanguage() {
    out.println("Example 5: Analytics - Sessions by Language");
    Map<String, Object> byLanguage = runtime.execute(sessionsByLanguageWorkflow()).get("by_language");
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> groups = (List<Map<String, Object>>) byLanguage.get(CountNode.GROUPS);
    long english = groups.stream().filter(group -> "en".equals(group.get("language")))
        .mapToLong(group -> (Long) group.get(CountNode.COUNT)).sum();
    out.println("[OK] Found " + english + " English language sessions");
    out.println();
  }

  /** Example 5's workflow (docs/diagrams.md draws it). */
  static Workflow sessionsByLanguageWorkflow() {
    return new WorkflowBuilder()
        .addNode("by_language", ConversationSessionCountNode.params().groupBy("language"))
        .build();
  }

  private static String preview(String content) {
    return content.length() <= 40 ? content + "..." : content.substring(0, 40) + "...";
  }
}
