package dev.dataflow.examples.service;

import static dev.dataflow.examples.service.ConversationServiceTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataflow.examples.service.ServiceClient.Response;
import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationSessionListNode;
import dev.dataflow.models.OrderItemListNode;
import dev.dataflow.models.OrderListNode;
import dev.dataflow.models.ProductListNode;
import dev.dataflow.models.UserInteractionSummaryListNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service with the real {@link ConversationMemory} on the demo catalogue, over HTTP on loopback against a real
 * PostgreSQL: the seed's conversation from message to order, history and analytics; and many clients at once.
 */
class ConversationServiceEndToEndTest {
  private static final String USER = "6591234567";

  @Test
  void theSeedsConversationBecomesOneOrderAndShowsInHistoryAndAnalytics() {
    String token = ServiceSettings.randomToken();
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      DemoCatalogue.applyIfEmpty(db);
      try (ConversationService service = ConversationService.start(db, new ConversationMemory(db), 0, token)) {
        ServiceClient client = new ServiceClient(service.port(), token);

        Response first = client.postMessage(USER, DemoCatalogue.OUTLET_ID,
            "Hi, we need 400 boxes for 10 inch pizzas", null);
        Response second = client.postMessage(USER, DemoCatalogue.OUTLET_ID, "Yes, and 200 for 12 inch as well",
            null);

        assertEquals(200, first.status(), first.toString());
        assertEquals(200, second.status(), second.toString());
        String session = first.json().get("session_id").asText();
        assertEquals(session, second.json().get("session_id").asText(), "the open session is continued");
        assertEquals("order_placement", first.json().get("intent").asText());
        assertEquals("en", first.json().get("language").asText());
        JsonNode order = second.json().get("order");
        assertEquals(first.json().get("order").get("order_number").asText(), order.get("order_number").asText(),
            "one order, extended");
        assertEquals("[{\"sku\":\"BOX-10\",\"quantity\":400,\"unit_price\":0.45},"
            + "{\"sku\":\"BOX-12\",\"quantity\":200,\"unit_price\":0.55}]", order.get("items").toString());
        assertTrue(second.body().contains("\"total\":290.00"), second.body());

        // in the database: one order of the session, whose items are 400 × 10-inch and 200 × 12-inch boxes
        LocalRuntime runtime = new LocalRuntime(db);
        List<Map<String, Object>> orders = records(runtime, OrderListNode.params()
            .filters(Map.of("session_id", java.util.UUID.fromString(session))));
        assertEquals(1, orders.size());
        assertEquals(order.get("order_number").asText(), orders.get(0).get("order_number"));
        assertEquals(new BigDecimal("290.00"), orders.get(0).get("total"));
        Map<Object, Object> skuById = new HashMap<>();
        for (Map<String, Object> product : records(runtime, ProductListNode.params())) {
          skuById.put(product.get("id"), product.get("sku"));
        }
        Map<Object, Object> quantities = new HashMap<>();
        for (Map<String, Object> item : records(runtime, OrderItemListNode.params()
            .filters(Map.of("order_id", orders.get(0).get("id"))))) {
          quantities.put(skuById.get(item.get("product_id")), item.get("quantity"));
        }
        assertEquals(Map.of("BOX-10", 400, "BOX-12", 200), quantities);

        JsonNode history = client.get("/api/user/" + USER + "/history").json();
        assertEquals(1, history.get("sessions").size(), history.toString());
        JsonNode listed = history.get("sessions").get(0);
        assertEquals(session, listed.get("session_id").asText());
        assertEquals("en", listed.get("language").asText());
        assertEquals(4, listed.get("message_count").asInt(), "two messages and two replies");
        assertEquals(second.json().get("reply").asText(), listed.get("last_message").asText());

        JsonNode analytics = client.get("/api/analytics/conversations").json();
        assertEquals(1, analytics.get("sessions_today").asInt());
        assertEquals("{\"en\":1}", analytics.get("sessions_by_language").toString());
        assertEquals("order_placement", analytics.get("top_intents").get(0).get("intent").asText());
        assertEquals(2, analytics.get("top_intents").get(0).get("count").asInt());
        JsonNode today = analytics.get("messages_per_day").get(analytics.get("messages_per_day").size() - 1);
        assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), today.get("day").asText());
        assertEquals(2, today.get("count").asInt());
        assertEquals(1, analytics.get("orders_from_conversations").asInt());
        assertEquals(List.of("from", "to", "sessions_today", "sessions_by_language", "top_intents",
            "messages_per_day", "average_confidence", "orders_from_conversations"), fieldNames(analytics));
      }
    }
  }

  /**
   * 8 client threads post 5,000 messages of 200 customers, some with a phone number or an e-mail address in the
   * text. Afterwards every message is stored once, every summary counts exactly its user's messages and sessions,
   * every order's total is the sum of its items, and neither the stored texts nor the log hold what was posted.
   */
  @Test
  void manyClientsAtOnceLoseAndDuplicateNothing() throws Exception {
    int threads = 8;
    int messages = 5000;
    int users = 200;
    List<String> texts = List.of(
        "Hi, we need 400 boxes for 10 inch pizzas",
        "Yes, and 200 for 12 inch as well",
        "Please call me back at 91234567 about delivery",
        "Add 50 boxes for 14 inch, invoice to jane.doe@example.com",
        "Thanks!");
    String token = ServiceSettings.randomToken();
    Map<Long, Boolean> messageIds = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> postedPerUser = new ConcurrentHashMap<>();
    Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    long wallStart = System.nanoTime();
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).maximumPoolSize(12).build()) {
      DemoCatalogue.applyIfEmpty(db);
      PrintStream err = System.err;
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));   // slf4j-simple writes there
      try (ConversationService service = ConversationService.start(db, new ConversationMemory(db), 0, token)) {
        ServiceClient client = new ServiceClient(service.port(), token);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
          List<Future<?>> workers = new ArrayList<>();
          for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> {
              for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                String user = String.valueOf(6590000000L + i % users);
                Response response = client.postMessage(user, DemoCatalogue.OUTLET_ID,
                    texts.get((i / users) % texts.size()), null);
                statuses.computeIfAbsent(response.status(), s -> new AtomicInteger()).incrementAndGet();
                if (response.status() == 200) {
                  messageIds.put(response.json().get("message_id").asLong(), true);
                  postedPerUser.computeIfAbsent(user, u -> new AtomicInteger()).incrementAndGet();
                }
              }
              return null;
            }));
          }
          for (Future<?> worker : workers) {
            worker.get();
          }
        } finally {
          pool.shutdown();
        }
      } finally {
        System.setErr(err);
      }
      double seconds = (System.nanoTime() - wallStart) / 1e9;
      System.out.printf("%d client threads posted %d messages of %d users in %.1f s%n", threads, messages, users,
          seconds);

      assertEquals(Map.of(200, messages), plain(statuses), "every message answered 200");
      assertEquals(messages, messageIds.size(), "every answer names a message of its own");

      LocalRuntime runtime = new LocalRuntime(db);
      assertEquals(messages, count(runtime, Map.of("role", "user")), "every message stored once");
      assertEquals(messages, count(runtime, Map.of("role", "user", "id", Map.of("$in",
          List.copyOf(messageIds.keySet())))), "the messages the answers named");
      assertEquals(2L * messages, count(runtime, Map.of()), "and one reply each");

      // summaries: total_messages is every message stored in the user's sessions, total_conversations its sessions
      Map<Object, String> userOfSession = new HashMap<>();
      Map<String, Integer> sessionsPerUser = new HashMap<>();
      for (Map<String, Object> session : records(runtime, ConversationSessionListNode.params().limit(100_000))) {
        userOfSession.put(session.get("session_id"), (String) session.get("user_id"));
        sessionsPerUser.merge((String) session.get("user_id"), 1, Integer::sum);
      }
      Map<String, Long> storedPerUser = new HashMap<>();
      for (Map<String, Object> group : groups(runtime, ConversationMessageCountNode.params().groupBy("session_id")
          .limit(100_000))) {
        storedPerUser.merge(userOfSession.get(group.get("session_id")), (Long) group.get("count"), Long::sum);
      }
      List<Map<String, Object>> summaries = records(runtime, UserInteractionSummaryListNode.params().limit(1000));
      assertEquals(users, summaries.size());
      for (Map<String, Object> summary : summaries) {
        String user = (String) summary.get("user_id");
        assertEquals(storedPerUser.get(user).intValue(), summary.get("total_messages"), "total_messages");
        assertEquals(2 * postedPerUser.get(user).get(), summary.get("total_messages"), "two per posted message");
        assertEquals(sessionsPerUser.get(user), summary.get("total_conversations"), "total_conversations");
      }

      // orders: each total is the sum of its items
      Map<Object, BigDecimal> itemSums = new HashMap<>();
      for (Map<String, Object> item : records(runtime, OrderItemListNode.params().limit(1_000_000))) {
        itemSums.merge(item.get("order_id"), ((BigDecimal) item.get("unit_price"))
            .multiply(BigDecimal.valueOf((Integer) item.get("quantity"))), BigDecimal::add);
      }
      List<Map<String, Object>> orders = records(runtime, OrderListNode.params().limit(100_000));
      assertFalse(orders.isEmpty());
      for (Map<String, Object> order : orders) {
        assertEquals(0, itemSums.get(order.get("id")).compareTo((BigDecimal) order.get("total")),
            "order " + order.get("order_number") + ": total " + order.get("total") + ", items "
                + itemSums.get(order.get("id")));
      }

      // nothing personal that was posted is stored in a message, nor logged
      for (String posted : List.of("91234567", "jane.doe@example.com", "example.com")) {
        assertEquals(0, count(runtime, Map.of("content", Map.of("$like", "%" + posted + "%"))), posted);
      }
      String logged = log.toString(StandardCharsets.UTF_8);
      assertEquals(messages, logged.lines().filter(line -> line.contains("requests - POST ")).count(), "one line each");
      for (String posted : Set.of("659000", "91234567", "example.com", "boxes")) {
        assertFalse(logged.contains(posted), "the log holds '" + posted + "'");
      }
    }
  }

  private static Map<Integer, Integer> plain(Map<Integer, AtomicInteger> counts) {
    Map<Integer, Integer> plain = new HashMap<>();
    counts.forEach((status, n) -> plain.put(status, n.get()));
    return plain;
  }

  private static long count(LocalRuntime runtime, Map<String, ?> filters) {
    return ((Number) runtime.execute(new WorkflowBuilder()
        .addNode("count", ConversationMessageCountNode.params().filters(filters)).build())
        .get("count").get("count")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> records(LocalRuntime runtime, NodeParams params) {
    return (List<Map<String, Object>>) runtime.execute(new WorkflowBuilder().addNode("list", params).build())
        .get("list").get("records");
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> groups(LocalRuntime runtime, NodeParams params) {
    return (List<Map<String, Object>>) runtime.execute(new WorkflowBuilder().addNode("count", params).build())
        .get("count").get("groups");
  }
}
