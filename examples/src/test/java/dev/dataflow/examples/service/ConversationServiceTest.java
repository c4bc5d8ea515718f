package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataflow.examples.service.ServiceClient.Response;
import dev.dataflow.models.OrderCreateNode;
import dev.dataflow.models.OrderUpdateNode;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.testing.StandardErr;
import dev.dataflow.runtime.testing.TestPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each route, each error status and the operations promises of {@link ConversationService}, over real HTTP on
 * loopback against a real PostgreSQL. The message handler is a stand-in ({@link StoringHandler}, or one that throws)
 * so that each error path can be provoked; the real {@link ConversationMemory} is exercised end to end elsewhere.
 */
class ConversationServiceTest {
  private static final String TOKEN = "test-token-" + UUID.randomUUID();
  private static final String MESSAGE = "/api/whatsapp/message";

  private static DataFlow db;
  private static long outletId;
  private static final AtomicReference<MessageHandler> HANDLER = new AtomicReference<>();
  private static ConversationService service;
  private static ServiceClient client;

  @BeforeAll
  static void start() {
    db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build();
    outletId = outlet(db);
    service = ConversationService.start(db, message -> HANDLER.get().handle(message), 0, TOKEN);
    client = new ServiceClient(service.port(), TOKEN);
  }

  @AfterAll
  static void stop() {
    service.close();
    db.close();
  }

  @BeforeEach
  void storingHandler() {
    HANDLER.set(new StoringHandler(db));
  }

  static long outlet(DataFlow dataFlow) {
    return ((Number) new LocalRuntime(dataFlow).execute(new WorkflowBuilder()
        .addNode("outlet", OutletCreateNode.params().name("Tria Pizza Central")).build())
        .get("outlet").get("id")).longValue();
  }

  private static String user() {
    return "65" + (10_000_000 + (long) (Math.random() * 89_999_999));
  }

  // ---- POST /api/whatsapp/message

  @Test
  void postMessageAnswersWithTheHandlersReplyInSnakeCase() {
    Response response = client.postMessage(user(), outletId, "Hi, we need 400 boxes for 10 inch pizzas", null);

    assertEquals(200, response.status(), response.toString());
    assertTrue(response.contentType().startsWith("application/json"), response.contentType());
    JsonNode body = response.json();
    assertEquals(List.of("session_id", "message_id", "intent", "confidence", "language", "reply", "order"),
        fieldNames(body));
    UUID.fromString(body.get("session_id").asText());
    assertTrue(body.get("message_id").asLong() > 0);
    assertEquals("order_placement", body.get("intent").asText());
    assertEquals(0.9, body.get("confidence").asDouble());
    assertEquals("en", body.get("language").asText());
    assertEquals("Noted.", body.get("reply").asText());
    assertTrue(body.get("order").isNull());
  }

  @Test
  void anOrderIsWrittenWithItsItemsAndTotal() {
    HANDLER.set(message -> new MessageReply(UUID.randomUUID(), 7, "order_placement", 0.95, "en", "Done",
        new MessageReply.PlacedOrder("ORD-20261130-0001", List.of(
            new MessageReply.Line("BOX-10", 400, new java.math.BigDecimal("0.35")),
            new MessageReply.Line("BOX-12", 200, new java.math.BigDecimal("0.45"))),
            new java.math.BigDecimal("230.00"))));

    Response response = client.postMessage(user(), outletId, "Yes, and 200 for 12 inch as well", null);
    JsonNode order = response.json().get("order");

    assertEquals("ORD-20261130-0001", order.get("order_number").asText());
    assertEquals(List.of("order_number", "items", "total"), fieldNames(order));
    assertEquals(List.of("sku", "quantity", "unit_price"), fieldNames(order.get("items").get(0)));
    assertEquals("BOX-12", order.get("items").get(1).get("sku").asText());
    assertEquals(200, order.get("items").get(1).get("quantity").asInt());
    assertTrue(response.body().contains("\"unit_price\":0.45}"), "amounts as JSON numbers: " + response.body());
    assertTrue(response.body().contains("\"total\":230.00}"), "with their scale: " + response.body());
  }

  @Test
  void aGivenSessionIdReachesTheHandler() {
    String user = user();
    String session = client.postMessage(user, outletId, "Hello", null).json().get("session_id").asText();

    Response second = client.postMessage(user, outletId, "we need boxes", session);

    assertEquals(200, second.status(), second.toString());
    assertEquals(session, second.json().get("session_id").asText());
  }

  @Test
  void badBodiesAreRefusedWith400NamingTheField() {
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", "), null, "not valid JSON");
    assertBadRequest(client.post(MESSAGE, "Hi, we need boxes 6591234567"), null, "not valid JSON");
    assertBadRequest(client.post(MESSAGE, ""), null, "the body is empty");
    assertBadRequest(client.post(MESSAGE, "[1, 2]"), null, "must be a JSON object");
    assertBadRequest(client.post(MESSAGE, "{\"outlet_id\": 1, \"message\": \"Hi\"}"),
        "whatsapp_user_id", "whatsapp_user_id is required");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": 6591234567, \"outlet_id\": 1, \"message\": \"Hi\"}"),
        "whatsapp_user_id", "must be a JSON string");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"message\": \"Hi\"}"),
        "outlet_id", "outlet_id is required");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": \"1\", "
        + "\"message\": \"Hi\"}"), "outlet_id", "positive integer");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1.5, "
        + "\"message\": \"Hi\"}"), "outlet_id", "positive integer");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1}"),
        "message", "message is required");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1, "
        + "\"message\": [\"Hi\"]}"), "message", "must be a JSON string");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1, "
        + "\"message\": \"Hi\\u0000there\"}"), "message", "NUL");
    assertBadRequest(client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1, "
        + "\"message\": \"Hi\", \"session_id\": \"not-a-uuid\"}"), "session_id", "must be a UUID");
  }

  @Test
  void anUnknownOutletIsA400FromTheHandler() {
    assertBadRequest(client.postMessage(user(), 999_999, "Hi", null), "outlet_id", "names no outlet");
  }

  @Test
  void aVersionConflictIsA409() {
    LocalRuntime runtime = new LocalRuntime(db);
    long order = ((Number) runtime.execute(new WorkflowBuilder()
        .addNode("order", OrderCreateNode.params().orderNumber("ORD-" + UUID.randomUUID().toString().substring(0, 8))
            .outletId(outletId)).build()).get("order").get("id")).longValue();
    HANDLER.set(message -> {
      runtime.execute(new WorkflowBuilder()      // a stale version: the row is at version 1
          .addNode("update", OrderUpdateNode.params().id(order).version(5L).fields(Map.of("status", "confirmed")))
          .build());
      throw new AssertionError("the update should have conflicted");
    });

    Response response = client.postMessage(user(), outletId, "Hi", null);

    assertEquals(409, response.status(), response.toString());
    assertEquals(List.of("error", "field", "run_id"), fieldNames(response.json()));
    assertTrue(response.json().get("error").asText().contains("changed by another request"), response.toString());
    assertEquals("version", response.json().get("field").asText());
    assertFalse(response.json().get("run_id").asText().isBlank());
  }

  @Test
  void anUnexpectedFailureIsA500WithARunIdAndNothingElse() {
    String phone = user();
    HANDLER.set(message -> {
      throw new IllegalStateException("SELECT * FROM customers WHERE whatsapp_user_id = '" + message.whatsappUserId()
          + "' failed for " + message.message(), new java.sql.SQLException("relation \"customers\" does not exist"));
    });

    Response response;
    String log;
    try (StandardErr err = new StandardErr()) {
      response = client.postMessage(phone, outletId, "secret order text", null);
      log = err.text();
    }

    assertEquals(500, response.status(), response.toString());
    JsonNode body = response.json();
    assertEquals(List.of("error", "run_id"), fieldNames(body));
    assertEquals("internal error", body.get("error").asText());
    String runId = body.get("run_id").asText();
    UUID.fromString(runId);
    for (String secret : List.of(phone, "secret order text", "SELECT", "customers", "Exception", "at dev.")) {
      assertFalse(response.body().contains(secret), "the 500 body holds '" + secret + "': " + response.body());
      if (!secret.equals("Exception") && !secret.equals("at dev.")) {
        assertFalse(log.contains(secret), "the log holds '" + secret + "':\n" + log);
      }
    }
    assertTrue(log.contains("POST /api/whatsapp/message failed with 500, run id " + runId
        + ": java.lang.IllegalStateException; caused by java.sql.SQLException at "), log);
  }

  // ---- authentication

  @Test
  void everyApiRouteNeedsTheToken() {
    List<String> apiGets = List.of("/api/analytics/conversations", "/api/user/6591234567/history");
    assertEquals(404, client.get("/api/nope", null).status(), "an unknown route is a 404 with or without a token");
    for (String path : apiGets) {
      assertUnauthorized(client.get(path, null));
      assertUnauthorized(client.get(path, "wrong-" + TOKEN));
      assertUnauthorized(client.get(path, "Basic " + TOKEN));
    }
    ServiceClient noToken = new ServiceClient(service.port(), null);
    assertUnauthorized(noToken.postMessage(user(), outletId, "Hi", null));
    ServiceClient wrongToken = new ServiceClient(service.port(), TOKEN.substring(1));
    assertUnauthorized(wrongToken.postMessage(user(), outletId, "Hi", null));

    assertEquals(200, client.get("/health", null).status());
    assertEquals(200, client.get("/openapi.json", null).status());
  }

  // ---- limits and unknown routes

  @Test
  void aBodyOver64KiloBytesIsA413() {
    String text = "x".repeat(70 * 1024);
    Response response = client.post(MESSAGE, "{\"whatsapp_user_id\": \"6591234567\", \"outlet_id\": 1, \"message\": \""
        + text + "\"}");

    assertEquals(413, response.status(), response.status() + " " + response.body().length());
    assertEquals("the request body is larger than 65536 bytes", response.json().get("error").asText());
  }

  @Test
  void aBodyJustUnderTheLimitIsTaken() {
    String text = "y".repeat(60 * 1024);
    assertEquals(200, client.postMessage(user(), outletId, text, null).status());
  }

  @Test
  void anUnknownRouteIsA404() {
    for (Response response : List.of(client.get("/nope"), client.get("/api/nope"), client.get(MESSAGE),
        client.post("/health", "{}"))) {
      assertEquals(404, response.status(), response.toString());
      assertEquals("no such route; the routes are listed at /openapi.json", response.json().get("error").asText());
    }
  }

  // ---- GET /api/user/{user_id}/history

  @Test
  void historyListsTheUsersSessionsNewestFirstAPageAtATime() {
    String user = user();
    List<String> sessions = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sessions.add(0, client.postMessage(user, outletId, "we need boxes, order " + i, null).json()
          .get("session_id").asText());
    }
    client.postMessage(user, outletId, "and one more", sessions.get(0));     // the newest session: 4 messages
    client.postMessage(user(), outletId, "someone else", null);

    List<String> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Response page = client.get("/api/user/" + user + "/history?limit=2" + (cursor == null ? "" : "&cursor="
          + cursor));
      assertEquals(200, page.status(), page.toString());
      JsonNode body = page.json();
      assertEquals(List.of("user_id", "sessions", "next_cursor"), fieldNames(body));
      assertEquals(user, body.get("user_id").asText());
      for (JsonNode session : body.get("sessions")) {
        assertEquals(List.of("session_id", "start_time", "language", "message_count", "last_message"),
            fieldNames(session));
        seen.add(session.get("session_id").asText());
        java.time.Instant.parse(session.get("start_time").asText());
        assertEquals("en", session.get("language").asText());
        assertEquals("Noted.", session.get("last_message").asText());
      }
      if (pages == 0) {
        assertEquals(4, body.get("sessions").get(0).get("message_count").asInt());
        assertEquals(2, body.get("sessions").get(1).get("message_count").asInt());
      }
      cursor = body.get("next_cursor").isNull() ? null : body.get("next_cursor").asText();
      pages++;
    } while (cursor != null && pages < 10);

    assertEquals(sessions, seen, "every session once, newest first");
    assertEquals(3, pages);
  }

  @Test
  void historyDefaultsToFiftySessions() {
    String user = user();
    client.postMessage(user, outletId, "Hello", null);
    JsonNode body = client.get("/api/user/" + user + "/history").json();
    assertEquals(1, body.get("sessions").size());
    assertTrue(body.get("next_cursor").isNull());
  }

  @Test
  void historyOfAnUnknownUserIsA404() {
    String user = user();
    Response response = client.get("/api/user/" + user + "/history");

    assertEquals(404, response.status(), response.toString());
    assertEquals("no conversation history for this user_id", response.json().get("error").asText());
    assertEquals("user_id", response.json().get("field").asText());
    assertFalse(response.body().contains(user), "never the user id: " + response.body());
  }

  @Test
  void historyRefusesABadLimitOrCursor() {
    String user = user();
    client.postMessage(user, outletId, "Hello", null);
    for (String limit : List.of("0", "201", "ten", "-1")) {
      assertBadRequest(client.get("/api/user/" + user + "/history?limit=" + limit), "limit",
          "limit must be an integer from 1 to 200");
    }
    assertBadRequest(client.get("/api/user/" + user + "/history?cursor=bm90LWEtY3Vyc29y"), "cursor",
        "cursor is not a next_cursor");
    assertBadRequest(client.get("/api/user/" + "9".repeat(65) + "/history"), "user_id", "1 to 64 characters");
  }

  // ---- GET /health, GET /openapi.json

  @Test
  void healthSaysTheDatabaseIsUp() {
    Response response = client.get("/health", null);
    assertEquals(200, response.status());
    assertEquals("{\"status\":\"ok\",\"database\":\"up\"}", response.body());
  }

  @Test
  void healthIs503WhenTheDatabaseIsDown() {
    DataFlow closing = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build();
    try (ConversationService other = ConversationService.start(closing, new StoringHandler(closing), 0, TOKEN)) {
      ServiceClient otherClient = new ServiceClient(other.port(), TOKEN);
      assertEquals(200, otherClient.get("/health").status());

      closing.close();

      Response response = otherClient.get("/health");
      assertEquals(503, response.status(), response.toString());
      assertEquals("{\"status\":\"unavailable\",\"database\":\"down\"}", response.body());
    }
  }

  @Test
  void healthIs503WhenTheDatabaseServerIsStopped() throws Exception {
    EmbeddedPostgres server = EmbeddedPostgres.builder().start();
    try (DataFlow stopping = DataFlow.builder().databaseUrl(server.getJdbcUrl("postgres", "postgres"))
        .connectionTimeout(java.time.Duration.ofSeconds(20)).build();
        ConversationService other = ConversationService.start(stopping, new StoringHandler(stopping), 0, TOKEN)) {
      ServiceClient otherClient = new ServiceClient(other.port(), TOKEN);
      assertEquals(200, otherClient.get("/health").status());

      server.close();                        // the server stops; the pool stays open and keeps trying

      Response response = otherClient.get("/health");
      assertEquals(503, response.status(), response.toString());
      assertEquals("{\"status\":\"unavailable\",\"database\":\"down\"}", response.body());
    } finally {
      server.close();
    }
  }

  @Test
  void theOpenApiDocumentListsExactlyTheRoutesServed() {
    Response response = client.get("/openapi.json", null);
    assertEquals(200, response.status());
    JsonNode document = response.json();
    assertEquals("3.1.0", document.get("openapi").asText());

    Set<String> documented = new TreeSet<>();
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
        documented.add(methods.next().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
      }
    }
    assertEquals(new TreeSet<>(service.routes()), documented);

    for (String route : documented) {        // and each one is served: no "no such route" 404
      String path = route.substring(route.indexOf(' ') + 1).replace("{user_id}", "6500000000");
      Response served = route.startsWith("POST ") ? client.post(path, "{}") : client.get(path);
      assertFalse(served.body().contains("no such route"), route + ": " + served);
    }
    // every $ref points at a component that exists
    Pattern ref = Pattern.compile("\"\\$ref\":\"#/components/(\\w+)/(\\w+)\"");
    var matcher = ref.matcher(document.toString());
    while (matcher.find()) {
      assertNotNull(document.get("components").get(matcher.group(1)).get(matcher.group(2)), matcher.group());
    }
  }

  // ---- operations

  @Test
  void eachRequestIsLoggedInOneLineWithoutWhatWasSent() {
    String phone = user();
    String log;
    try (StandardErr err = new StandardErr()) {
      client.postMessage(phone, outletId, "Hi, my e-mail is jane@example.com", null);
      client.get("/api/user/" + phone + "/history");
      client.get("/nope/" + phone);
      client.get("/api/user/" + phone + "/history", null);
      log = err.text();
    }
    List<String> lines = log.lines().filter(line -> line.contains("requests - ")).toList();
    assertEquals(4, lines.size(), log);
    String runId = "run [0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    assertTrue(lines.get(0).matches("INFO requests - POST /api/whatsapp/message 200 \\d+ ms " + runId), lines.get(0));
    assertTrue(lines.get(1).matches("INFO requests - GET /api/user/\\{user_id}/history 200 \\d+ ms " + runId),
        lines.get(1));
    assertTrue(lines.get(2).matches("INFO requests - GET <no route> 404 \\d+ ms " + runId), lines.get(2));
    assertTrue(lines.get(3).matches("INFO requests - GET /api/user/\\{user_id}/history 401 \\d+ ms " + runId),
        lines.get(3));
    assertFalse(log.contains(phone), log);
    assertFalse(log.contains("jane@example.com"), log);
  }

  @Test
  void closeLetsARequestInFlightFinish() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    StoringHandler storing = new StoringHandler(db);
    ConversationService slow = ConversationService.start(db, message -> {
      entered.countDown();
      try {
        release.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return storing.handle(message);
    }, 0, TOKEN);
    ServiceClient slowClient = new ServiceClient(slow.port(), TOKEN);
    CompletableFuture<HttpResponse<String>> inFlight = java.net.http.HttpClient.newHttpClient().sendAsync(
        slowClient.request(MESSAGE).header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers
            .ofString("{\"whatsapp_user_id\": \"" + user() + "\", \"outlet_id\": " + outletId
                + ", \"message\": \"Hi\"}")).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(entered.await(30, TimeUnit.SECONDS), "the request reached the handler");

    Thread stopping = new Thread(slow::close, "stopping");
    stopping.start();
    Thread.sleep(300);                      // let the stop begin while the request is still in the handler
    assertTrue(stopping.isAlive(), "close() waits for the request in flight");
    release.countDown();

    HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
    stopping.join(30_000);
    assertEquals(200, response.statusCode(), response.body());
    assertTrue(response.body().contains("\"reply\":\"Noted.\""), response.body());
    assertFalse(stopping.isAlive(), "close() returned");
    assertThrows(UncheckedIOException.class, () -> slowClient.get("/health"), "stopped: connection refused");
  }

  // ---- helpers

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  static void assertBadRequest(Response response, String field, String errorPart) {
    assertEquals(400, response.status(), response.toString());
    JsonNode body = response.json();
    assertEquals(List.of("error", "field"), fieldNames(body), response.toString());
    assertTrue(body.get("error").asText().contains(errorPart), "'" + errorPart + "' in " + response);
    if (field == null) {
      assertTrue(body.get("field").isNull(), response.toString());
    } else {
      assertEquals(field, body.get("field").asText(), response.toString());
    }
    Set<String> leaked = new HashSet<>();
    for (String value : List.of("6591234567", "Hi, we need", "Hi there")) {
      if (response.body().contains(value)) {
        leaked.add(value);
      }
    }
    assertEquals(Set.of(), leaked, "a 400 never echoes what was sent");
  }

  static void assertUnauthorized(Response response) {
    assertEquals(401, response.status(), response.toString());
    assertTrue(response.json().get("error").asText().contains("Authorization: Bearer <token>"), response.toString());
  }
}
