package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.RecordConflictException;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The handler against a real PostgreSQL: the seed's conversation, sessions, errors, atomicity, scrubbing, retries. */
class ConversationMemoryTest {
  static final String USER = "6591234567";
  static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  private DataFlow db;
  private TestClock clock;
  private ConversationMemory memory;

  @BeforeEach
  void start() {
    db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build();
    DemoCatalogue.applyIfEmpty(db);
    clock = new TestClock(T0);
    memory = new ConversationMemory(db, new RuleBasedClassifier(), clock);
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private MessageReply send(String text) {
    return memory.handle(new IncomingMessage(USER, 1, text, null));
  }

  private static MessageReply.Line line(String sku, int quantity, String price) {
    return new MessageReply.Line(sku, quantity, new BigDecimal(price));
  }

  @Test
  void theSeedsConversationPlacesOneOrderOf400TenInchAnd200TwelveInchBoxes() {
    MessageReply first = send("Hi, we need 400 boxes for 10 inch pizzas");
    assertEquals("order_placement", first.intent());
    assertEquals(0.95, first.confidence());
    assertEquals("en", first.language());
    assertTrue(first.reply().startsWith("I understand you need 400 boxes for 10-inch pizzas. I've opened order "
        + first.order().orderNumber()), first.reply());
    assertTrue(first.order().orderNumber().matches("ORD-20261130-[0-9A-F]{8}"), first.order().orderNumber());
    assertEquals(List.of(line("BOX-10", 400, "0.45")), first.order().items());
    assertEquals(new BigDecimal("180.00"), first.order().total());

    clock.advance(Duration.ofMinutes(2));
    MessageReply third = send("Yes, and 200 for 12 inch as well");
    assertEquals(first.sessionId(), third.sessionId());
    assertEquals("order_placement", third.intent());
    assertEquals(first.order().orderNumber(), third.order().orderNumber());
    assertEquals(List.of(line("BOX-10", 400, "0.45"), line("BOX-12", 200, "0.55")), third.order().items());
    assertEquals(new BigDecimal("290.00"), third.order().total());
    assertTrue(third.reply().startsWith("I've added 200 boxes for 12-inch pizzas to order "), third.reply());

    // one order, linked to the session, the customer and the outlet; total = sum of its items
    List<Map<String, Object>> orders = Db.rows(db, "select o.*, c.whatsapp_user_id from orders o"
        + " join customers c on c.id = o.customer_id");
    assertEquals(1, orders.size());
    Map<String, Object> order = orders.get(0);
    assertEquals(first.order().orderNumber(), order.get("order_number"));
    assertEquals(first.sessionId(), order.get("session_id"));
    assertEquals(1L, order.get("outlet_id"));
    assertEquals(USER, order.get("whatsapp_user_id"));
    assertEquals("received", order.get("status"));
    assertEquals(2L, order.get("version"));   // created, then updated once by id with version 1
    assertEquals(new BigDecimal("290.00"), order.get("total"));
    assertEquals(new BigDecimal("290.00"), Db.one(db, "select sum(quantity * unit_price) from order_items"));
    assertEquals(List.of(Map.of("sku", "BOX-10", "quantity", 400), Map.of("sku", "BOX-12", "quantity", 200)),
        Db.rows(db, "select p.sku, i.quantity from order_items i join products p on p.id = i.product_id"
            + " order by i.id"));

    // four messages, the assistant's replies logged after each user message
    List<Map<String, Object>> messages = Db.rows(db, "select id, role, content, intent, confidence, pii_scrubbed,"
        + " timestamp from conversation_messages order by timestamp");
    assertEquals(List.of("user", "assistant", "user", "assistant"),
        messages.stream().map(m -> m.get("role")).toList());
    assertEquals("Hi, we need 400 boxes for 10 inch pizzas", messages.get(0).get("content"));
    assertEquals(first.messageId(), messages.get(0).get("id"));
    assertEquals(first.reply(), messages.get(1).get("content"));
    assertEquals(third.messageId(), messages.get(2).get("id"));
    assertEquals(third.reply(), messages.get(3).get("content"));
    assertEquals("order_placement", messages.get(2).get("intent"));
    assertEquals(0.95, messages.get(2).get("confidence"));
    assertNull(messages.get(3).get("intent"));
    assertEquals(Timestamp.from(T0), messages.get(0).get("timestamp"));
    assertEquals(Timestamp.from(T0.plusNanos(1000)), messages.get(1).get("timestamp"));   // the reply, 1 µs later
    assertTrue(messages.stream().allMatch(m -> Boolean.TRUE.equals(m.get("pii_scrubbed"))));

    // one session; the summary counts both roles and the user's intents
    Map<String, Object> session = Db.rows(db, "select * from conversation_sessions").get(0);
    assertEquals(USER, session.get("user_id"));
    assertEquals("en", session.get("language"));
    assertEquals(Timestamp.from(T0), session.get("start_time"));
    Map<String, Object> summary = Db.rows(db, "select total_conversations, total_messages, last_interaction,"
        + " outlet_id, intent_frequencies::text as freq from user_interaction_summaries where user_id = '" + USER
        + "'").get(0);
    assertEquals(1, summary.get("total_conversations"));
    assertEquals(4, summary.get("total_messages"));
    assertEquals(Timestamp.from(T0.plus(Duration.ofMinutes(2))), summary.get("last_interaction"));
    assertEquals(1L, summary.get("outlet_id"));
    assertEquals("{\"order_placement\": 2}", summary.get("freq"));
  }

  @Test
  void aSessionContinuesUnder30MinutesAfterItsLastMessageAndANewOneStartsAfter() {
    MessageReply a = send("Hello");
    clock.advance(Duration.ofMinutes(29));
    MessageReply b = send("we need 400 boxes for 10 inch");
    clock.advance(Duration.ofMinutes(29));   // 58 minutes after the start, 29 after the last message
    MessageReply c = send("and 50 packs of napkins");
    clock.advance(Duration.ofMinutes(30).plus(ConversationMemory.REPLY_DELAY));   // 30 after the reply: new session
    MessageReply d = send("Hello again");
    assertEquals(a.sessionId(), b.sessionId());
    assertEquals(a.sessionId(), c.sessionId());
    assertNotEquals(a.sessionId(), d.sessionId());
    assertEquals(b.order().orderNumber(), c.order().orderNumber());
    assertEquals(List.of(line("BOX-10", 400, "0.45"), line("NAPKIN-100", 50, "2.50")), c.order().items());
    assertNull(d.order());
    assertEquals(2L, Db.count(db, "conversation_sessions"));
    assertEquals(List.of(Map.of("total_conversations", 2, "total_messages", 8)),
        Db.rows(db, "select total_conversations, total_messages from user_interaction_summaries"));

    // a given session_id is continued however old, and a message there extends nothing in the other session
    clock.advance(Duration.ofHours(5));
    MessageReply e = memory.handle(new IncomingMessage(USER, 1, "200 for 12 inch", a.sessionId()));
    assertEquals(a.sessionId(), e.sessionId());
    assertEquals(b.order().orderNumber(), e.order().orderNumber());
    assertEquals(2L, Db.count(db, "conversation_sessions"));
    assertEquals(1L, Db.count(db, "orders"));
  }

  @Test
  void anUnknownOutletIsABadRequestAndWritesNothing() {
    BadRequestException e = assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage(USER, 42, "we need 400 boxes for 10 inch", null)));
    assertEquals("outlet_id", e.field());
    assertEquals("outlet_id 42 names no outlet; give the id of an existing outlet", e.getMessage());
    assertEquals(Map.of("conversation_sessions", 0L, "conversation_messages", 0L, "customers", 0L, "orders", 0L,
        "order_items", 0L, "user_interaction_summaries", 0L), Db.written(db));
  }

  @Test
  void aSessionIdOfNoConversationOrOfAnotherUserIsTheSameBadRequest() {
    MessageReply other = memory.handle(new IncomingMessage("6598765432", 1, "Hello", null));
    Map<String, Long> before = Db.written(db);
    BadRequestException unknown = assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage(USER, 1, "Hello", UUID.randomUUID())));
    BadRequestException foreign = assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage(USER, 1, "Hello", other.sessionId())));
    assertEquals("session_id", unknown.field());
    assertEquals("session_id", foreign.field());
    assertEquals(unknown.getMessage(), foreign.getMessage());
    assertEquals("session_id names no conversation of this whatsapp_user_id; leave it out to continue the user's"
        + " open conversation or start one", unknown.getMessage());
    assertFalse(unknown.getMessage().contains(USER));

    Db.execute(db, "insert into outlets (id, name, code) values (2, 'Second outlet', 'DEMO-2')");
    BadRequestException otherOutlet = assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage("6598765432", 2, "Hello", other.sessionId())));
    assertEquals("session_id", otherOutlet.field());
    assertEquals(before, Db.written(db));
  }

  @Test
  void blankMessagesAndOverlongUserIdsAreBadRequests() {
    assertEquals("message", assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage(USER, 1, "  ", null))).field());
    assertEquals("whatsapp_user_id", assertThrows(BadRequestException.class,
        () -> memory.handle(new IncomingMessage("6".repeat(65), 1, "Hello", null))).field());
  }

  @Test
  void aFailureInTheMiddleOfAMessageWritesNothingOfIt() {
    // the summary is written after the session, both messages, the customer, the order and its item
    Db.execute(db, "create function fail_summary() returns trigger language plpgsql as"
        + " $$ begin raise exception 'summary refused by test'; end $$");
    Db.execute(db, "create trigger fail_summary before insert or update on user_interaction_summaries"
        + " for each row execute function fail_summary()");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> send("Hi, we need 400 boxes for 10 inch pizzas"));
    assertEquals("ensure_summary", e.nodeId());
    assertFalse(e.getMessage().contains(USER));
    assertEquals(Map.of("conversation_sessions", 0L, "conversation_messages", 0L, "customers", 0L, "orders", 0L,
        "order_items", 0L, "user_interaction_summaries", 0L), Db.written(db));
  }

  @Test
  void personalDataInAMessageIsNeverStoredNorEchoed() {
    MessageReply r = send("Hi, this is jane.tan@example.com, call me on +65 9123 4567 or 91234567."
        + " We need 50 packs of napkins");
    assertEquals(List.of(line("NAPKIN-100", 50, "2.50")), r.order().items());
    String stored = (String) Db.one(db, "select content from conversation_messages where role = 'user'");
    assertEquals("Hi, this is [EMAIL], call me on [PHONE] or [PHONE]. We need 50 packs of napkins", stored);
    String everything = Db.rows(db, "select content from conversation_messages").toString() + r.reply();
    for (String secret : List.of("jane", "example.com", "9123", "4567")) {
      assertFalse(everything.contains(secret), secret);
    }
  }

  @Test
  void failuresAndRetriesAreLoggedWithoutAnythingPersonal() {
    send("400 boxes for 10 inch");
    RuleBasedClassifier rules = new RuleBasedClassifier();
    AtomicInteger calls = new AtomicInteger();
    ConversationMemory racing = new ConversationMemory(db, (text, previous) -> {
      if (calls.incrementAndGet() == 1) {
        Db.execute(db, "update orders set version = version + 1");
      }
      return rules.classify(text, previous);
    }, clock);
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      racing.handle(new IncomingMessage(USER, 1, "jane@example.com here, 200 for 12 inch", null));   // one retry
      Db.execute(db, "create function fail_summary() returns trigger language plpgsql as"
          + " $$ begin raise exception 'summary refused by test'; end $$");
      Db.execute(db, "create trigger fail_summary before insert or update on user_interaction_summaries"
          + " for each row execute function fail_summary()");
      assertThrows(WorkflowExecutionException.class,
          () -> send("Call me at 9123 4567, we need 300 boxes for 14 inch"));
    } finally {
      System.setErr(err);
    }
    String log = captured.toString(StandardCharsets.UTF_8);
    assertTrue(log.contains("update_order") && log.contains("ensure_summary"), log);   // the log was captured
    for (String personal : List.of(USER, "91234567", "9123 4567", "jane", "example.com", "boxes", "12 inch")) {
      assertFalse(log.contains(personal), personal + " in " + log);
    }
  }

  @Test
  void theClassifierSeesTheScrubbedText() {
    AtomicInteger calls = new AtomicInteger();
    ConversationMemory spied = new ConversationMemory(db, (text, previous) -> {
      calls.incrementAndGet();
      assertEquals("call [PHONE] about [EMAIL]", text);
      return new Classification("other", 0.5, "en", List.of());
    }, clock);
    spied.handle(new IncomingMessage(USER, 1, "call +65 9123 4567 about jane@example.com", null));
    assertEquals(1, calls.get());
  }

  @Test
  void intentsOtherThanOrdersAnswerWithoutAnOrder() {
    MessageReply hello = send("Hello");
    assertEquals("greeting", hello.intent());
    assertEquals("Hello! How can I help you today? You can order pizza boxes (10, 12 and 14 inch) and supplies"
        + " here.", hello.reply());
    assertNull(hello.order());
    MessageReply price = send("How much are 12 inch boxes?");
    assertEquals("pricing_inquiry", price.intent());
    assertTrue(price.reply().contains("Pizza box, 12 inch 0.55 per box"), price.reply());
    assertEquals("There is no open order in this conversation. Please send your order number (ORD-...) and we will"
        + " check it for you.", send("Where is my order?").reply());
    MessageReply vague = send("we need 400 boxes");
    assertEquals("Which size are the 400 boxes for? We have 10, 12 and 14 inch.", vague.reply());
    assertNull(vague.order());
    assertEquals("We don't stock 16-inch boxes; we have 10, 12 and 14 inch.", send("300 for 16 inch").reply());
    MessageReply some = send("300 for 14 inch and 20 for 18 inch");
    assertEquals(List.of(line("BOX-14", 300, "0.65")), some.order().items());
    assertTrue(some.reply().endsWith("We don't stock 18-inch boxes; we have 10, 12 and 14 inch."), some.reply());
    MessageReply status = send("order status?");
    assertEquals("Order " + some.order().orderNumber() + " is received: 300 × BOX-14; total 195.00.",
        status.reply());
    assertEquals("complaint", send("the boxes came damaged").intent());
    assertEquals(0L, Db.count(db, "order_items where product_id is null"));
    assertEquals(16, Db.one(db, "select total_messages from user_interaction_summaries"));   // 8 exchanges
    assertEquals(Map.of("greeting", 1, "pricing_inquiry", 1, "order_status", 2, "order_placement", 3,
        "complaint", 1), Db.intentFrequencies(db, USER));
  }

  @Test
  void aVersionConflictIsRetriedFromTheReads() {
    MessageReply first = send("400 boxes for 10 inch");
    AtomicInteger calls = new AtomicInteger();
    RuleBasedClassifier rules = new RuleBasedClassifier();
    ConversationMemory racing = new ConversationMemory(db, (text, previous) -> {
      if (calls.incrementAndGet() == 1) {   // another writer extends the order between our read and our write
        Db.execute(db, "update orders set version = version + 1, total = total + 5.50");
        Db.execute(db, "insert into order_items (order_id, product_id, quantity, unit_price)"
            + " select o.id, p.id, 10, 0.55 from orders o, products p where p.sku = 'BOX-12'");
      }
      return rules.classify(text, previous);
    }, clock);
    MessageReply r = racing.handle(new IncomingMessage(USER, 1, "200 for 14 inch", null));
    assertEquals(2, calls.get());
    assertEquals(first.order().orderNumber(), r.order().orderNumber());
    assertEquals(List.of(line("BOX-10", 400, "0.45"), line("BOX-12", 10, "0.55"), line("BOX-14", 200, "0.65")),
        r.order().items());
    assertEquals(new BigDecimal("315.50"), r.order().total());
    assertEquals(r.order().total(), Db.one(db, "select total from orders"));
    assertEquals(4L, Db.count(db, "conversation_messages"));
  }

  @Test
  void aConflictOnEveryAttemptEscapesAfterTheLastAndWritesNothing() {
    send("400 boxes for 10 inch");
    Map<String, Long> before = Db.written(db);
    AtomicInteger calls = new AtomicInteger();
    RuleBasedClassifier rules = new RuleBasedClassifier();
    ConversationMemory losing = new ConversationMemory(db, (text, previous) -> {
      calls.incrementAndGet();
      Db.execute(db, "update orders set version = version + 1");
      return rules.classify(text, previous);
    }, clock);
    RecordConflictException e = assertThrows(RecordConflictException.class,
        () -> losing.handle(new IncomingMessage(USER, 1, "200 for 12 inch", null)));
    assertEquals("update_order", e.nodeId());
    assertEquals(ConversationMemory.MAX_ATTEMPTS, calls.get());
    assertEquals(before, Db.written(db));
  }

  @Test
  void aTakenOrderNumberOrADeadlockIsRetryableAndOtherFailuresAreNot() {
    assertTrue(ConversationMemory.retryable(failure(new DatabaseException("duplicate", "23505",
        ConversationMemory.ORDER_NUMBER_CONSTRAINT))));
    assertTrue(ConversationMemory.retryable(failure(new DatabaseException("deadlock", "40P01", null))));
    assertTrue(ConversationMemory.retryable(failure(new DatabaseException("serialization", "40001", null))));
    assertFalse(ConversationMemory.retryable(failure(new DatabaseException("duplicate", "23505",
        "uq_customers_whatsapp_user_id"))));
    assertFalse(ConversationMemory.retryable(failure(new IllegalStateException("a bug"))));
  }

  private static WorkflowExecutionException failure(Throwable cause) {
    return new WorkflowExecutionException("run", "create_order", "OrderCreateNode", null, "failed", cause, Map.of());
  }

  @Test
  void aClassifierThatReturnsNullIsNamed() {
    ConversationMemory broken = new ConversationMemory(db, (text, previous) -> null, clock);
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> broken.handle(new IncomingMessage(USER, 1, "Hello", null)));
    assertTrue(e.getMessage().contains(".classify returned null"), e.getMessage());
    assertNotNull(e.getMessage());
  }
}
