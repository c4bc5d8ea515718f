package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationMessage;
import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationSession;
import dev.dataflow.models.ConversationSessionCountNode;
import dev.dataflow.models.ConversationSessionListNode;
import dev.dataflow.models.Order;
import dev.dataflow.models.OrderListNode;
import dev.dataflow.models.UserInteractionSummary;
import dev.dataflow.models.UserInteractionSummaryReadNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.testing.TestPostgres;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The Java samples of docs/conversation_memory_system.md and docs/conversation_memory_quick_reference.md: each
 * {@code // [START name]} region below is shown on a page ({@code <!-- excerpt: path#name -->}, checked by
 * DocSnippetsTest), and this test runs it against PostgreSQL.
 */
class ConversationMemoryDocsTest {

  /** The seed's conversation through the handler, as the system page shows it. */
  static MessageReply seedConversation(DataFlow db) {
    // [START handle]
    DemoCatalogue.applyIfEmpty(db);                        // outlet 1 and six products, once
    MessageHandler memory = new ConversationMemory(db);    // the rules, the system clock
    MessageReply first = memory.handle(new IncomingMessage("6591234567", 1L,
        "Hi, we need 400 boxes for 10 inch pizzas", null));  // no session_id: continue the open one or start one
    first.intent();                                        // "order_placement"
    first.order().orderNumber();                           // "ORD-20261130-5F0C2A91"
    MessageReply third = memory.handle(new IncomingMessage("6591234567", 1L,
        "Yes, and 200 for 12 inch as well", first.sessionId()));
    third.order().items();   // [Line[sku=BOX-10, quantity=400, unitPrice=0.45], Line[sku=BOX-12, quantity=200, ...]]
    third.order().total();   // 290.00: the same order, extended
    // [END handle]
    return third;
  }

  // [START classifier]
  /** Asks a model first (for example an LLM behind HTTP) and falls back to the rules when it is unsure or down. */
  static final class ModelFirstClassifier implements MessageClassifier {
    private final RuleBasedClassifier rules = new RuleBasedClassifier();
    private final Function<String, Classification> model;   // thread-safe; gets the scrubbed text only

    ModelFirstClassifier(Function<String, Classification> model) {
      this.model = model;
    }

    @Override
    public Classification classify(String text, String previousLanguage) {
      try {
        Classification c = model.apply(text);
        if (c != null && c.confidence() >= 0.8) {
          return c;
        }
      } catch (RuntimeException e) {
        // the model is unavailable: the rules answer
      }
      return rules.classify(text, previousLanguage);
    }
  }
  // [END classifier]

  static MessageHandler withModel(DataFlow db, Function<String, Classification> model) {
    // [START wireClassifier]
    MessageHandler memory = new ConversationMemory(db, new ModelFirstClassifier(model), Clock.systemUTC());
    // [END wireClassifier]
    return memory;
  }

  /** A user's sessions and a session's messages, as the quick reference shows them. */
  static List<ConversationMessage> history(DataFlow db, String userId) {
    // [START history]
    LocalRuntime runtime = new LocalRuntime(db);
    WorkflowResult sessions = runtime.execute(new WorkflowBuilder()
        .addNode("sessions", ConversationSessionListNode.params()
            .filters(Map.of("user_id", userId))
            .orderBy("-start_time")
            .limit(50))
        .build());
    ConversationSession latest = sessions.records("sessions", ConversationSession.class).get(0);
    List<ConversationMessage> messages = runtime.execute(new WorkflowBuilder()
        .addNode("messages", ConversationMessageListNode.params()
            .filters(Map.of("session_id", latest.sessionId()))
            .orderBy("timestamp"))                         // the reply is stamped 1 µs after its message
        .build()).records("messages", ConversationMessage.class);
    UserInteractionSummary summary = runtime.execute(new WorkflowBuilder()
        .addNode("summary", UserInteractionSummaryReadNode.params().filters(Map.of("user_id", userId)))
        .build()).get("summary", UserInteractionSummary.class);
    summary.totalMessages();                               // both roles: 2 per handled message
    summary.intentFrequencies();                           // {order_placement=2}
    // [END history]
    return messages;
  }

  /** The filters the quick reference lists, in one workflow. */
  static WorkflowResult filters(DataFlow db, UUID sessionId, Instant since) {
    // [START filters]
    WorkflowResult result = new LocalRuntime(db).execute(new WorkflowBuilder()
        .addNode("orders_in_chats", OrderListNode.params()
            .filters(Map.of("session_id", Map.of("$exists", true), "status", "received")))
        .addNode("unsure", ConversationMessageListNode.params()
            .filters(Map.of("role", "user", "confidence", Map.of("$lt", 0.8)))
            .orderBy("-timestamp").limit(20))
        .addNode("recent_orders", ConversationMessageCountNode.params()
            .filters(Map.of("intent", Map.of("$in", List.of("order_placement", "order_status")),
                "timestamp", Map.of("$gte", since))))
        .addNode("whatsapp_sessions", ConversationSessionCountNode.params()
            .filters(Map.of("context", Map.of("$contains", Map.of("source", "whatsapp"))))
            .groupBy("language", "start_time:day"))
        .addNode("conversation", ConversationMessageListNode.params()
            .filters(Map.of("session_id", sessionId, "content", Map.of("$ilike", "%12 inch%"))))
        .build());
    // [END filters]
    return result;
  }

  @Test
  void theSamplesRunAsTheirCommentsSay() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      MessageReply third = seedConversation(db);
      assertEquals(2, third.order().items().size());
      assertEquals(new BigDecimal("290.00"), third.order().total());

      List<ConversationMessage> messages = history(db, "6591234567");
      assertEquals(4, messages.size());
      assertEquals(third.reply(), messages.get(3).content());

      WorkflowResult found = filters(db, third.sessionId(), Instant.now().minus(1, ChronoUnit.DAYS));
      assertEquals(List.of(third.order().orderNumber()),
          found.records("orders_in_chats", Order.class).stream().map(Order::orderNumber).toList());
      assertEquals(0, found.records("unsure", ConversationMessage.class).size());
      assertEquals(2L, found.get("recent_orders").get("count"));
      assertEquals(1L, found.get("whatsapp_sessions").get("count"));
      assertEquals(List.of("Yes, and 200 for 12 inch as well"),
          found.records("conversation", ConversationMessage.class).stream().map(ConversationMessage::content).toList());

      MessageReply byModel = withModel(db, text -> new Classification("greeting", 0.99, "en", List.of()))
          .handle(new IncomingMessage("6598765432", 1L, "Yo!", null));
      assertEquals("greeting", byModel.intent());
      MessageReply byRules = withModel(db, text -> {
        throw new IllegalStateException("model down");
      }).handle(new IncomingMessage("6598765432", 1L, "50 packs of napkins", null));
      assertEquals("order_placement", byRules.intent());
      assertTrue(byRules.order() != null);
    }
  }
}
