package dev.dataflow.examples.service;

import dev.dataflow.models.ConversationMessage;
import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationSession;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.ConversationSessionListNode;
import dev.dataflow.models.ConversationSessionReadNode;
import dev.dataflow.models.ConversationSessionUpdateNode;
import dev.dataflow.models.CustomerCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.models.Order;
import dev.dataflow.models.OrderCreateNode;
import dev.dataflow.models.OrderItem;
import dev.dataflow.models.OrderItemCreateNode;
import dev.dataflow.models.OrderItemListNode;
import dev.dataflow.models.OrderListNode;
import dev.dataflow.models.OrderStatus;
import dev.dataflow.models.OrderUpdateNode;
import dev.dataflow.models.OutletExistsNode;
import dev.dataflow.models.Product;
import dev.dataflow.models.ProductListNode;
import dev.dataflow.models.UserInteractionSummaryCreateNode;
import dev.dataflow.models.UserInteractionSummaryUpdateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.RecordConflictException;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.sql.DatabaseException;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The service's {@link MessageHandler}: everything one WhatsApp message writes happens in one workflow run in
 * {@link TransactionMode#WORKFLOW}, one transaction, so a failure leaves nothing of the message behind.
 *
 * <p><b>Per message</b>, in this order:
 *
 * <ol>
 *   <li><b>Checks and reads</b> (before the transaction, each read on its own): the outlet exists (else
 *       {@link BadRequestException} on {@code outlet_id}); the session to continue; its open order (status
 *       {@code received}) and that order's items; the catalogue (cached, see {@link #refreshCatalogue()}).</li>
 *   <li><b>Session</b>. A given {@code session_id} must name a session of this {@code whatsapp_user_id}, else 400 on
 *       {@code session_id}, with one message for "does not exist" and "belongs to another user", so that nobody can
 *       probe for other users' sessions; and of this outlet, else 400 too. A given session is continued however old
 *       its last message. Without {@code session_id}, the user's latest session at this outlet is continued when its
 *       last message (or its start, if it has none) is less than {@link #SESSION_IDLE_TIMEOUT} (30 minutes) before
 *       now by the {@link Clock}; otherwise a session is started.</li>
 *   <li><b>Classification</b> of the text <em>after</em> scrubbing ({@link DataFlow#piiScrubber()}): intent,
 *       confidence, language, order lines ({@link MessageClassifier}; {@link RuleBasedClassifier} by default). The
 *       session's language is the previous language.</li>
 *   <li><b>Order</b>, for an {@code order_placement} with lines: each line is matched to an active product, by size
 *       ({@code size_inches}) or by product words (every word in the product's name, singular); lines that match no
 *       product, or several, or have no size, are not ordered and the reply asks about them. The matched lines
 *       extend the session's open order, one new item per line, and its {@code total} is updated by id with the
 *       {@code version} read (optimistic locking), or, with no open order, the customer is upserted
 *       ({@code customers.whatsapp_user_id}) and an order is created: number {@code ORD-yyyyMMdd-XXXXXXXX} (UTC date,
 *       eight random hex digits; unique in the database), status {@code received}, the session's {@code session_id},
 *       the customer and the outlet.</li>
 *   <li><b>Writes</b>, in one transaction: the session (started, or its language updated when it changed); the user's
 *       message with intent and confidence (stored scrubbed by DataFlow: {@code @Pii(scrub = true)}); the order and
 *       its items; the assistant's reply (stamped one microsecond after the message, so that a history ordered by
 *       {@code timestamp} shows it after the message and a session's last message is the reply); the user's
 *       {@code UserInteractionSummary}: created if missing (upsert {@code on_conflict: "ignore"}), then
 *       {@code total_messages $inc 2} (the user's message and the reply), {@code total_conversations $inc 1} when the
 *       session was started, {@code last_interaction} and {@code outlet_id} set, and the intent's count in
 *       {@code intent_frequencies} increased by one in SQL ({@code IntentCountNode}).</li>
 * </ol>
 *
 * <p><b>Counters are exact.</b> {@code total_messages} counts both roles: it equals the number of messages ever
 * stored in the user's sessions (two per handled message); {@code total_conversations} equals the sessions started
 * for the user. Each increment happens in the transaction that writes what it counts, in the database
 * ({@code $inc}), so concurrent messages never lose a count. (The retention sweep later deletes messages after 90
 * days; the summary keeps counting what was handled.)
 *
 * <p><b>Concurrency.</b> Inside one {@code ConversationMemory}, messages of one user are handled one at a time (a lock
 * striped by user id, 256 stripes; different users run in parallel), so the reads a message decides on are current:
 * a user has one open session and a session one open order. Across service instances on one database, two
 * messages of one user may still interleave: two first messages may start two sessions (both counted, so the
 * counters stay exact), two messages may create two orders in one session, and two extensions of one order conflict
 * on its {@code version}. A message whose transaction fails with a version conflict
 * ({@link RecordConflictException}), a deadlock or serialization failure (SQLSTATE 40P01, 40001), or an order number
 * that already exists is rolled back whole and handled again from the reads, up to {@link #MAX_ATTEMPTS} times in all
 * (one try and four retries, after a random pause of up to 5 ms times the attempt); then the last exception escapes
 * ({@code RecordConflictException} is the service's 409).
 *
 * <p><b>Privacy.</b> Nothing of a message or a user id is logged or put in an exception; the classifier sees the
 * scrubbed text; the reply is built from the parsed quantities, sizes and catalogue names, never from the text.
 */
public final class ConversationMemory implements MessageHandler {
  /** How long after its last message a session is continued without a {@code session_id}. */
  public static final Duration SESSION_IDLE_TIMEOUT = Duration.ofMinutes(30);
  /** How often one message is tried: once, and again after a version conflict, a deadlock or a taken order number. */
  public static final int MAX_ATTEMPTS = 5;
  /** Messages stored per handled message, and added to {@code total_messages}: the user's and the reply. */
  public static final int MESSAGES_PER_EXCHANGE = 2;
  /** The longest {@code whatsapp_user_id}: the column's length. */
  public static final int MAX_USER_ID_LENGTH = 64;

  /** How much later than the message its reply is stamped: one microsecond, PostgreSQL's resolution. */
  static final Duration REPLY_DELAY = Duration.ofNanos(1000);
  static final String ORDER_NUMBER_CONSTRAINT = "uq_orders_order_number";
  private static final int LOCK_STRIPES = 256;
  private static final int MAX_ITEMS_READ = 1000;
  private static final DateTimeFormatter ORDER_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final ExecutionOptions ONE_TRANSACTION =
      ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW).build();

  private final DataFlow db;
  private final MessageClassifier classifier;
  private final Clock clock;
  private final LocalRuntime runtime;
  private final NodeRegistry registry;
  private final ReentrantLock[] userLocks = new ReentrantLock[LOCK_STRIPES];
  private final SecureRandom random = new SecureRandom();
  private volatile Catalogue catalogue;

  /** With the rule-based classifier and the system clock. */
  public ConversationMemory(DataFlow db) {
    this(db, new RuleBasedClassifier(), Clock.systemUTC());
  }

  /**
   * With a classifier of your own (for example a model-backed one) and a clock (fixed in tests).
   *
   * @param db the database; its scrubber scrubs the messages
   * @param classifier thread-safe; gets the scrubbed text
   * @param clock the time of messages, sessions and the idle timeout
   */
  public ConversationMemory(DataFlow db, MessageClassifier classifier, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.runtime = new LocalRuntime(db);
    this.registry = registry(db);
    for (int i = 0; i < LOCK_STRIPES; i++) {
      userLocks[i] = new ReentrantLock();
    }
  }

  /** The database's node types and the handler's own {@code IntentCountNode}. */
  static NodeRegistry registry(DataFlow db) {
    return registry(db.registry());
  }

  /** The node types of {@code nodes} and the handler's own {@code IntentCountNode}. */
  static NodeRegistry registry(NodeRegistry nodes) {
    return NodeRegistry.builder().addAll(nodes.types().stream().map(nodes::node).toList())
        .add(new IntentCountNode()).build();
  }

  @Override
  public MessageReply handle(IncomingMessage message) {
    Objects.requireNonNull(message, "message");
    check(message);
    ReentrantLock lock = userLocks[Math.floorMod(message.whatsappUserId().hashCode(), LOCK_STRIPES)];
    lock.lock();
    try {
      for (int attempt = 1; ; attempt++) {
        try {
          return attempt(message);
        } catch (WorkflowExecutionException e) {
          if (attempt >= MAX_ATTEMPTS || !retryable(e)) {
            throw e;
          }
          pause(attempt);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Drops the cached catalogue; the next message reads the products again (for example after a price change). */
  public void refreshCatalogue() {
    catalogue = null;
  }

  private static void check(IncomingMessage message) {
    if (message.whatsappUserId() == null || message.whatsappUserId().isBlank()) {
      throw new BadRequestException("whatsapp_user_id", "whatsapp_user_id is missing or blank; give the sender's"
          + " WhatsApp id");
    }
    if (message.whatsappUserId().length() > MAX_USER_ID_LENGTH) {
      throw new BadRequestException("whatsapp_user_id", "whatsapp_user_id is longer than " + MAX_USER_ID_LENGTH
          + " characters");
    }
    if (message.message() == null || message.message().isBlank()) {
      throw new BadRequestException("message", "message is missing or blank; give the text the customer sent");
    }
  }

  /** Whether the failed run may be tried again from the reads: nothing of it was written. */
  static boolean retryable(WorkflowExecutionException e) {
    if (e.outcomeUnknown()) {
      return false;
    }
    if (e instanceof RecordConflictException) {
      return true;
    }
    if (e.getCause() instanceof DatabaseException d) {
      return "40P01".equals(d.sqlState()) || "40001".equals(d.sqlState())
          || "23505".equals(d.sqlState()) && ORDER_NUMBER_CONSTRAINT.equals(d.constraint());
    }
    return false;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(5 * attempt + 1));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to retry a message", e);
    }
  }

  private MessageReply attempt(IncomingMessage message) {
    Instant now = clock.instant();
    State state = read(message, now);
    String scrubbed = db.piiScrubber().scrub(message.message());
    Classification c = classifier.classify(scrubbed, state.session == null ? null : state.session.language());
    if (c == null) {
      throw new IllegalStateException(classifier.getClass().getName() + ".classify returned null; return a"
          + " Classification (intent OTHER when nothing fits)");
    }
    Catalogue products = catalogue();
    Matching matching = Classification.ORDER_PLACEMENT.equals(c.intent()) ? products.match(c.lines())
        : Matching.NONE;

    Write w = new Write();
    w.userId = message.whatsappUserId();
    w.outletId = message.outletId();
    w.content = message.message();
    w.now = now;
    w.classification = c;
    w.newSession = state.session == null;
    w.sessionId = w.newSession ? UUID.randomUUID() : state.session.sessionId();
    if (!w.newSession && !c.language().equals(state.session.language())) {
      w.sessionRowId = state.session.id();
    }
    List<MessageReply.Line> orderLines = new ArrayList<>();
    String orderNumber = null;
    BigDecimal total = null;
    if (!matching.matched.isEmpty()) {
      BigDecimal added = BigDecimal.ZERO;
      for (Matched m : matching.matched) {
        added = added.add(m.product.price().multiply(BigDecimal.valueOf(m.request.quantity())));
        w.items.add(new OrderItem(null, null, m.product.id(), m.request.quantity(), m.product.price()));
      }
      if (state.openOrder != null) {
        w.orderId = state.openOrder.id();
        w.orderVersion = state.openOrder.version();
        orderNumber = state.openOrder.orderNumber();
        total = state.openOrder.total().add(added);
        for (OrderItem item : state.items) {
          orderLines.add(new MessageReply.Line(products.sku(item.productId()), item.quantity(), item.unitPrice()));
        }
      } else {
        orderNumber = "ORD-" + ORDER_DATE.format(now) + "-" + String.format(Locale.ROOT, "%08X", random.nextInt());
        w.orderNumber = orderNumber;
        total = added;
      }
      w.total = total;
      for (Matched m : matching.matched) {
        orderLines.add(new MessageReply.Line(m.product.sku(), m.request.quantity(), m.product.price()));
      }
    }
    MessageReply.PlacedOrder placed = orderNumber == null ? null
        : new MessageReply.PlacedOrder(orderNumber, List.copyOf(orderLines), total);
    w.reply = Replies.reply(c, matching, placed, state.openOrder != null && placed != null, state, products);

    WorkflowResult result = runtime.execute(messageWorkflow(registry, w), ONE_TRANSACTION);
    long messageId = result.get("log_user_message", ConversationMessage.class).id();
    return new MessageReply(w.sessionId, messageId, c.intent(), c.confidence(), c.language(), w.reply, placed);
  }

  /** The reads a message decides on; throws 400s for an unknown outlet or session. */
  private State read(IncomingMessage message, Instant now) {
    WorkflowBuilder reads = new WorkflowBuilder(registry)
        .addNode("outlet", OutletExistsNode.params().id(message.outletId()));
    if (message.sessionId() != null) {
      reads.addNode("session", ConversationSessionReadNode.params()
          .filters(Map.of("session_id", message.sessionId())).raiseOnNotFound(false));
    } else {
      reads.addNode("session", ConversationSessionListNode.params()
          .filters(Map.of("user_id", message.whatsappUserId(), "outlet_id", message.outletId()))
          .orderBy("-start_time").limit(1));
    }
    WorkflowResult found = runtime.execute(reads.build());
    if (!Boolean.TRUE.equals(found.get("outlet").get("exists"))) {
      throw new BadRequestException("outlet_id", "outlet_id " + message.outletId() + " names no outlet; give the id"
          + " of an existing outlet");
    }
    State state = new State();
    ConversationSession session;
    if (message.sessionId() != null) {
      session = found.get("session", ConversationSession.class);
      if (session == null || !session.userId().equals(message.whatsappUserId())) {
        throw new BadRequestException("session_id", "session_id names no conversation of this whatsapp_user_id;"
            + " leave it out to continue the user's open conversation or start one");
      }
      if (!Objects.equals(session.outletId(), message.outletId())) {
        throw new BadRequestException("session_id", "the conversation of session_id is about another outlet than"
            + " outlet_id; leave session_id out to start a conversation about this outlet");
      }
    } else {
      List<ConversationSession> latest = found.records("session", ConversationSession.class);
      session = latest.isEmpty() ? null : latest.get(0);
    }
    if (session == null) {
      return state;
    }
    WorkflowResult more = runtime.execute(new WorkflowBuilder(registry)
        .addNode("last_message", ConversationMessageListNode.params()
            .filters(Map.of("session_id", session.sessionId())).orderBy("-timestamp").limit(1))
        .addNode("open_order", OrderListNode.params()
            .filters(Map.of("session_id", session.sessionId(), "status", OrderStatus.received.name()))
            .orderBy("-id").limit(1))
        .build());
    if (message.sessionId() == null) {
      List<ConversationMessage> last = more.records("last_message", ConversationMessage.class);
      Instant lastActivity = last.isEmpty() ? session.startTime() : last.get(0).timestamp();
      if (lastActivity.plus(SESSION_IDLE_TIMEOUT).compareTo(now) <= 0) {
        return state;   // idle for 30 minutes or more: start a new session
      }
    }
    state.session = session;
    List<Order> open = more.records("open_order", Order.class);
    if (!open.isEmpty()) {
      state.openOrder = open.get(0);
      state.items = runtime.execute(new WorkflowBuilder(registry)
          .addNode("items", OrderItemListNode.params().filters(Map.of("order_id", state.openOrder.id()))
              .orderBy("id").limit(MAX_ITEMS_READ))
          .build()).records("items", OrderItem.class);
    }
    return state;
  }

  /** The catalogue, read once and cached; an empty one is read again on the next message. */
  private Catalogue catalogue() {
    Catalogue c = catalogue;
    if (c == null || c.isEmpty()) {
      List<Product> all = new ArrayList<>();
      String cursor = null;
      do {
        ProductListNode.Params page = ProductListNode.params().orderBy("sku").limit(500);
        if (cursor != null) {
          page.cursor(cursor);
        }
        WorkflowResult r = runtime.execute(new WorkflowBuilder(registry).addNode("page", page).build());
        all.addAll(r.records("page", Product.class));
        cursor = (String) r.get("page").get("next_cursor");
      } while (cursor != null);
      c = new Catalogue(all);
      catalogue = c;
    }
    return c;
  }

  /**
   * The workflow that writes one message: one run, one transaction. Nodes, in the order they run: {@code
   * start_session} (or {@code update_session} when the language changed, or neither), {@code log_user_message},
   * {@code upsert_customer} and {@code create_order} (a new order) or {@code update_order} (an open one),
   * {@code add_item_1} ..., {@code log_reply}, {@code ensure_summary}, {@code count_messages}, {@code count_intent}.
   */
  static Workflow messageWorkflow(NodeRegistry registry, Write w) {
    WorkflowBuilder b = new WorkflowBuilder(registry);
    Chain chain = new Chain(b);
    Classification c = w.classification;
    if (w.newSession) {
      Map<String, Object> intents = new LinkedHashMap<>();
      intents.put("primary", c.intent());
      intents.put("confidence", c.confidence());
      chain.then("start_session", ConversationSessionCreateNode.params(new ConversationSession(null, w.sessionId,
          w.userId, w.outletId, c.language(), w.now, null, intents, Map.of("source", "whatsapp"))));
    } else if (w.sessionRowId != null) {
      chain.then("update_session", ConversationSessionUpdateNode.params().id(w.sessionRowId).language(c.language()));
    }
    chain.then("log_user_message", ConversationMessageCreateNode.params(new ConversationMessage(null, w.sessionId,
        MessageRole.user, w.content, w.now, c.intent(), c.confidence(), false)));
    if (!w.items.isEmpty()) {
      String orderNode;
      if (w.orderId == null) {
        chain.then("upsert_customer", CustomerCreateNode.params().whatsappUserId(w.userId).outletId(w.outletId)
            .onConflict("update").conflictColumns("whatsapp_user_id"));
        b.addNode("create_order", OrderCreateNode.params().orderNumber(w.orderNumber).outletId(w.outletId)
            .sessionId(w.sessionId).status(OrderStatus.received).total(w.total));
        b.addConnection("upsert_customer", "id", "create_order", "customer_id");
        chain.last = "create_order";
        orderNode = "create_order";
      } else {
        chain.then("update_order", OrderUpdateNode.params().id(w.orderId).version(w.orderVersion).total(w.total));
        orderNode = null;
      }
      for (int i = 0; i < w.items.size(); i++) {
        OrderItem item = w.items.get(i);
        String id = "add_item_" + (i + 1);
        OrderItemCreateNode.Params params = OrderItemCreateNode.params().productId(item.productId())
            .quantity(item.quantity()).unitPrice(item.unitPrice());
        if (orderNode != null) {
          b.addNode(id, params);
          b.addConnection(orderNode, "id", id, "order_id");
          if (!chain.last.equals(orderNode)) {
            b.addDependency(chain.last, id);
          }
          chain.last = id;
        } else {
          chain.then(id, params.orderId(w.orderId));
        }
      }
    }
    chain.then("log_reply", ConversationMessageCreateNode.params(new ConversationMessage(null, w.sessionId,
        MessageRole.assistant, w.reply, w.now.plus(REPLY_DELAY), null, null, false)));
    chain.then("ensure_summary", UserInteractionSummaryCreateNode.params().userId(w.userId).outletId(w.outletId)
        .totalConversations(0).totalMessages(0).intentFrequencies(Map.of())
        .onConflict("ignore").conflictColumns("user_id"));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("total_messages", Map.of("$inc", MESSAGES_PER_EXCHANGE));
    if (w.newSession) {
      fields.put("total_conversations", Map.of("$inc", 1));
    }
    fields.put("last_interaction", w.now);
    fields.put("outlet_id", w.outletId);
    chain.then("count_messages", UserInteractionSummaryUpdateNode.params()
        .filters(Map.of("user_id", w.userId)).fields(fields));
    b.addNode(IntentCountNode.TYPE, "count_intent",
        Map.of(IntentCountNode.USER_ID, w.userId, IntentCountNode.INTENT, c.intent()));
    b.addDependency(chain.last, "count_intent");
    return b.build();
  }

  /** Adds nodes one after another: each runs after the previous one. */
  private static final class Chain {
    private final WorkflowBuilder builder;
    private String last;

    Chain(WorkflowBuilder builder) {
      this.builder = builder;
    }

    void then(String id, dev.dataflow.runtime.node.NodeParams params) {
      builder.addNode(id, params);
      if (last != null) {
        builder.addDependency(last, id);
      }
      last = id;
    }
  }

  /** What one message writes; built by {@link #attempt}, drawn by the docs with sample values. */
  static final class Write {
    String userId;
    long outletId;
    String content;
    Instant now;
    Classification classification;
    boolean newSession;
    UUID sessionId;
    /** The session's row id when its language changes, else null. */
    Long sessionRowId;
    /** The new order's number, when the message creates one. */
    String orderNumber;
    /** The open order's id and version, when the message extends it. */
    Long orderId;
    Long orderVersion;
    /** The order's total after this message. */
    BigDecimal total;
    /** The new items, without order id. */
    final List<OrderItem> items = new ArrayList<>();
    String reply;
  }

  /** The reads: the session to continue (null: start one), its open order and the order's items. */
  static final class State {
    ConversationSession session;
    Order openOrder;
    List<OrderItem> items = List.of();
  }

  /** A line matched to a product. */
  record Matched(OrderRequest request, Product product) {}

  /** The result of matching order lines: what can be ordered, and the lines that cannot, by reason. */
  static final class Matching {
    static final Matching NONE = new Matching();
    final List<Matched> matched = new ArrayList<>();
    /** Lines with a quantity only. */
    final List<OrderRequest> noSize = new ArrayList<>();
    /** Lines with a size no active product has. */
    final List<OrderRequest> unknownSize = new ArrayList<>();
    /** Lines whose product words match no active product. */
    final List<OrderRequest> unknownProduct = new ArrayList<>();
    /** Lines whose product words match several products. */
    final List<OrderRequest> ambiguous = new ArrayList<>();

    boolean hasProblems() {
      return !noSize.isEmpty() || !unknownSize.isEmpty() || !unknownProduct.isEmpty() || !ambiguous.isEmpty();
    }
  }

  /** The products, by id (all) and for matching (the active ones). */
  static final class Catalogue {
    private final Map<Long, Product> byId = new LinkedHashMap<>();
    private final List<Product> active;

    Catalogue(List<Product> products) {
      for (Product p : products) {
        byId.put(p.id(), p);
      }
      active = products.stream().filter(Product::active).toList();
    }

    boolean isEmpty() {
      return byId.isEmpty();
    }

    String sku(Long productId) {
      Product p = byId.get(productId);
      return p == null ? "product " + productId : p.sku();
    }

    List<Product> active() {
      return active;
    }

    /** The sizes of the active sized products, ascending. */
    List<Integer> sizes() {
      return active.stream().map(Product::sizeInches).filter(Objects::nonNull)
          .collect(Collectors.toCollection(TreeSet::new)).stream().toList();
    }

    Matching match(List<OrderRequest> lines) {
      Matching m = new Matching();
      for (OrderRequest line : lines) {
        if (line.sizeInches() != null) {
          Product p = active.stream().filter(x -> line.sizeInches().equals(x.sizeInches())).findFirst().orElse(null);
          if (p == null) {
            m.unknownSize.add(line);
          } else {
            m.matched.add(new Matched(line, p));
          }
        } else if (line.product() != null) {
          List<Product> candidates = active.stream().filter(p -> nameMatches(p, line.product())).toList();
          if (candidates.size() == 1) {
            m.matched.add(new Matched(line, candidates.get(0)));
          } else if (candidates.isEmpty()) {
            m.unknownProduct.add(line);
          } else {
            m.ambiguous.add(line);
          }
        } else {
          m.noSize.add(line);
        }
      }
      return m;
    }

    /** Whether every word of {@code words} is a word of the product's name, both made singular. */
    static boolean nameMatches(Product p, String words) {
      List<String> name = new ArrayList<>();
      for (String w : p.name().toLowerCase(Locale.ROOT).split("[^\\p{IsLatin}]+")) {
        if (!w.isEmpty()) {
          name.add(OrderParser.singular(w));
        }
      }
      for (String w : words.split(" ")) {
        if (!name.contains(OrderParser.singular(w))) {
          return false;
        }
      }
      return true;
    }
  }
}
