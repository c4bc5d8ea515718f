package dev.dataflow.examples.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.RecordConflictException;
import dev.dataflow.runtime.WorkflowExecutionException;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WhatsApp order service: HTTP routes over a {@link MessageHandler} and the conversation-memory tables.
 *
 * <table>
 *   <caption>Routes (the OpenAPI 3.1 document at {@code /openapi.json} describes each)</caption>
 *   <tr><td>{@code POST /api/whatsapp/message}</td><td>handles one customer message: the {@link MessageReply} as
 *       snake_case JSON</td></tr>
 *   <tr><td>{@code GET /api/analytics/conversations?from=&to=}</td><td>counts of sessions, messages, intents and
 *       orders, grouped by PostgreSQL</td></tr>
 *   <tr><td>{@code GET /api/user/{user_id}/history?limit=&cursor=}</td><td>the user's sessions, newest first,
 *       keyset-paged</td></tr>
 *   <tr><td>{@code GET /health}</td><td>{@code {"status": "ok", "database": "up"}}, or 503 when the database is
 *       down</td></tr>
 *   <tr><td>{@code GET /openapi.json}</td><td>the API's description</td></tr>
 * </table>
 *
 * <p>Every {@code /api} route needs {@code Authorization: Bearer <token>}. Errors are JSON: 400
 * {@code {"error", "field"}} for a bad body or parameter, 401 without the token, 404 for an unknown route or user,
 * 409 for a version conflict, 413 for a body over {@value #MAX_BODY_BYTES} bytes, 500
 * {@code {"error": "internal error", "run_id"}}: never SQL, a stack trace or a value that was sent. Each request is
 * logged in one INFO line on logger {@code dev.dataflow.examples.service.requests}: method, route template,
 * status, milliseconds and run id (never a message text, a user id or the path as sent). {@link #close()} lets
 * requests in flight finish.
 *
 * <p>Run it with {@code mvn -q -Pservice -DskipTests verify} ({@link #main}); in code:
 *
 * <pre>{@code
 * try (DataFlow db = DataFlow.builder().build();
 *     ConversationService service = ConversationService.start(db, new ConversationMemory(db), 8080, token)) {
 *   ...
 * }
 * }</pre>
 */
public final class ConversationService implements AutoCloseable {
  /** The largest request body accepted; a larger one is refused with 413. */
  public static final int MAX_BODY_BYTES = 64 * 1024;
  /** How long {@link #close()} waits for requests in flight before it cuts them off. */
  public static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
  /** How long {@code GET /health} waits for the database before it answers 503. */
  public static final Duration HEALTH_TIMEOUT = Duration.ofSeconds(3);
  /** How often {@link #main} sweeps the rows past their {@code @Retain} period. */
  public static final Duration RETENTION_EVERY = Duration.ofHours(1);

  private static final Logger LOG = LoggerFactory.getLogger(ConversationService.class);
  private static final Logger REQUESTS = LoggerFactory.getLogger("dev.dataflow.examples.service.requests");
  private static final String RUN_ID = "dataflow.run_id";
  private static final String ROUTE = "dataflow.route";
  private static final String JSON = "application/json";

  private final DataFlow db;
  private final MessageHandler handler;
  private final byte[] token;
  private final ObjectMapper json = new ObjectMapper();
  private final ConversationAnalytics analytics;
  private final UserHistory history;
  private final byte[] openApi;
  private final List<String> routes = new ArrayList<>();
  private final Javalin app;
  /** Runs the database checks of {@code GET /health}, each bounded by {@link #HEALTH_TIMEOUT}. */
  private final ExecutorService healthChecks = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "conversation-service-health");
    thread.setDaemon(true);
    return thread;
  });

  private ConversationService(DataFlow db, MessageHandler handler, String token, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.handler = Objects.requireNonNull(handler, "handler");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the service token must not be empty");
    }
    this.token = token.getBytes(StandardCharsets.UTF_8);
    LocalRuntime runtime = new LocalRuntime(db);
    this.analytics = new ConversationAnalytics(runtime, clock);
    this.history = new UserHistory(runtime);
    this.openApi = resource("openapi.json");
    this.app = Javalin.create(this::configure);
  }

  /**
   * Starts the service on {@code port} (0: a free port, see {@link #port()}), on all interfaces.
   *
   * @param db the database the analytics and history routes read
   * @param handler what {@code POST /api/whatsapp/message} hands each message to
   * @param token the bearer token every {@code /api} route requires
   */
  public static ConversationService start(DataFlow db, MessageHandler handler, int port, String token) {
    return start(db, handler, port, token, Clock.systemUTC());
  }

  /** As {@link #start(DataFlow, MessageHandler, int, String)}, with the clock that says what "today" is. */
  public static ConversationService start(DataFlow db, MessageHandler handler, int port, String token, Clock clock) {
    ConversationService service = new ConversationService(db, handler, token, clock);
    service.app.start(port);
    return service;
  }

  /**
   * Runs the service as configured by the environment ({@link ServiceSettings}: {@code PORT}, {@code DATABASE_URL},
   * {@code SERVICE_TOKEN}) until the process is stopped; then lets requests in flight finish and closes the
   * database. Retention sweeps run every {@link #RETENTION_EVERY}.
   */
  public static void main(String[] args) {
    ServiceSettings settings = ServiceSettings.fromEnvironment(System::getenv);
    DataFlow.Builder builder = DataFlow.builder().retentionSchedule(RETENTION_EVERY);
    if (settings.databaseUrl() != null) {
      builder.databaseUrl(settings.databaseUrl());
    } else {
      builder.embeddedDataDirectory(settings.dataDirectory().toAbsolutePath());
    }
    DataFlow db = builder.build();
    ConversationService service;
    try {
      DemoCatalogue.applyIfEmpty(db);
      service = start(db, new ConversationMemory(db), settings.port(), settings.token());
    } catch (RuntimeException e) {
      db.close();
      throw e;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("Stopping: the requests in flight finish first");
      service.close();
      db.close();
    }, "conversation-service-stop"));
    System.out.println("WhatsApp order service listening on http://localhost:" + service.port()
        + " (routes: " + String.join(", ", service.routes()) + ")");
    if (settings.tokenGenerated()) {
      System.out.println("SERVICE_TOKEN is not set; this run's token is " + settings.token());
      System.out.println("Send it as the header 'Authorization: Bearer " + settings.token() + "'");
    }
  }

  /** The port the service listens on. */
  public int port() {
    return app.port();
  }

  /** The routes served, as {@code "METHOD /path"} with path parameters in braces, in registration order. */
  public List<String> routes() {
    return Collections.unmodifiableList(routes);
  }

  /**
   * Stops the service: new connections are refused at once, requests in flight finish (for up to
   * {@link #STOP_TIMEOUT}), then the server stops. The {@link DataFlow} stays open: it is the caller's.
   */
  @Override
  public void close() {
    app.stop();
    healthChecks.shutdownNow();
  }

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = MAX_BODY_BYTES;
    config.jetty.modifyServer(server -> {
      // GracefulHandler counts the requests in flight; stop() waits for them up to the stop timeout.
      server.setHandler(new GracefulHandler());
      server.setStopTimeout(STOP_TIMEOUT.toMillis());
    });
    config.requestLogger.http(this::logRequest);

    config.routes.before(ctx -> ctx.attribute(RUN_ID, UUID.randomUUID().toString()));
    // Runs once a route matched, before it: the route's template is known for the log line, and an unknown /api
    // path is a 404 whatever the token.
    config.routes.beforeMatched(ctx -> {
      Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
      if (matched != null) {
        ctx.attribute(ROUTE, matched.method + " " + matched.path);
      }
    });
    config.routes.beforeMatched("/api/*", this::authenticate);

    route(config, HandlerType.POST, "/api/whatsapp/message", this::postMessage);
    route(config, HandlerType.GET, "/api/analytics/conversations",
        ctx -> writeJson(ctx, 200, analytics.report(ctx.queryParam("from"), ctx.queryParam("to"))));
    route(config, HandlerType.GET, "/api/user/{user_id}/history", ctx -> writeJson(ctx, 200,
        history.page(ctx.pathParam("user_id"), ctx.queryParam("limit"), ctx.queryParam("cursor"))));
    route(config, HandlerType.GET, "/health", this::health);
    route(config, HandlerType.GET, "/openapi.json", ctx -> ctx.status(200).contentType(JSON).result(openApi));

    config.routes.exception(ApiError.class, (e, ctx) -> writeError(ctx, e.status(), e.getMessage(), e.field()));
    config.routes.exception(BadRequestException.class,
        (e, ctx) -> writeError(ctx, 400, e.getMessage(), e.field()));
    config.routes.exception(RecordConflictException.class, (e, ctx) -> {
      ctx.attribute(RUN_ID, e.runId());
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("error", "the record was changed by another request meanwhile; nothing was written: send it again");
      body.put("field", e.parameter());
      body.put("run_id", e.runId());
      writeJson(ctx, 409, body);
    });
    config.routes.exception(HttpResponseException.class, (e, ctx) -> {
      int status = e.getStatus();
      if (status == 404) {
        writeError(ctx, 404, "no such route; the routes are listed at /openapi.json", null);
      } else if (status == 413) {
        writeError(ctx, 413, "the request body is larger than " + MAX_BODY_BYTES + " bytes", null);
      } else {
        writeError(ctx, status, "the request was refused with HTTP status " + status, null);
      }
    });
    config.routes.exception(Exception.class, this::internalError);
    config.routes.error(404, ctx -> {
      if (ctx.attribute(ROUTE) == null) {   // no route matched; a route's own 404 already has its body
        writeError(ctx, 404, "no such route; the routes are listed at /openapi.json", null);
      }
    });
  }

  /** Registers a route and remembers it, so that {@link #routes()} is what is served. */
  private void route(JavalinConfig config, HandlerType method, String path, Handler handler) {
    routes.add(method + " " + path);
    config.routes.addHttpHandler(method, path, handler);
  }

  private void authenticate(Context ctx) {
    String header = ctx.header("Authorization");
    byte[] given = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
        ? header.substring(7).trim().getBytes(StandardCharsets.UTF_8) : new byte[0];
    if (!MessageDigest.isEqual(given, token)) {   // constant time: the comparison tells nothing of the token
      ctx.header("WWW-Authenticate", "Bearer");
      throw new ApiError(401, null, "every /api route needs the header 'Authorization: Bearer <token>' with the"
          + " service's token (SERVICE_TOKEN)");
    }
  }

  private void postMessage(Context ctx) {
    IncomingMessage message = MessageRequest.parse(json, ctx.bodyAsBytes());
    writeJson(ctx, 200, replyBody(handler.handle(message)));
  }

  /**
   * Up when a pooled connection answers within {@link #HEALTH_TIMEOUT}. The check runs on a thread of its own: with
   * the server gone, the pool would keep a caller waiting for its whole connection timeout (30 s by default).
   */
  private void health(Context ctx) {
    boolean up;
    Future<Boolean> check = healthChecks.submit(() -> {
      try (Connection connection = db.dataSource().getConnection()) {
        return connection.isValid((int) HEALTH_TIMEOUT.toSeconds());
      }
    });
    try {
      up = check.get(HEALTH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      check.cancel(true);
      up = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      up = false;
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", up ? "ok" : "unavailable");
    body.put("database", up ? "up" : "down");
    writeJson(ctx, up ? 200 : 503, body);
  }

  /** The reply as the route's JSON body: {@link MessageReply}'s components in snake_case. */
  static Map<String, Object> replyBody(MessageReply reply) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("session_id", reply.sessionId() == null ? null : reply.sessionId().toString());
    body.put("message_id", reply.messageId());
    body.put("intent", reply.intent());
    body.put("confidence", reply.confidence());
    body.put("language", reply.language());
    body.put("reply", reply.reply());
    MessageReply.PlacedOrder order = reply.order();
    if (order == null) {
      body.put("order", null);
    } else {
      List<Map<String, Object>> items = new ArrayList<>();
      for (MessageReply.Line line : order.items()) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("sku", line.sku());
        item.put("quantity", line.quantity());
        item.put("unit_price", line.unitPrice());
        items.add(item);
      }
      Map<String, Object> placed = new LinkedHashMap<>();
      placed.put("order_number", order.orderNumber());
      placed.put("items", items);
      placed.put("total", order.total());
      body.put("order", placed);
    }
    return body;
  }

  /**
   * 500 with the run id and nothing else. The log line names the exception types along the cause chain; messages
   * only of DataFlow's exceptions (which never hold a value), since any other may quote what was sent.
   */
  private void internalError(Exception e, Context ctx) {
    if (e instanceof WorkflowExecutionException failed && failed.runId() != null) {
      ctx.attribute(RUN_ID, failed.runId());
    }
    String runId = ctx.attribute(RUN_ID);
    LOG.error("{} failed with 500, run id {}: {}", routeOf(ctx), runId, describe(e));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "internal error");
    body.put("run_id", runId);
    writeJson(ctx, 500, body);
  }

  static String describe(Throwable e) {
    StringBuilder text = new StringBuilder();
    Throwable root = e;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (text.length() > 0) {
        text.append("; caused by ");
      }
      text.append(t.getClass().getName());
      if (t instanceof DataFlowException && t.getMessage() != null) {
        text.append(": ").append(t.getMessage());
      }
      root = t;
    }
    StackTraceElement[] frames = root.getStackTrace();
    if (frames.length > 0) {
      text.append(" at ").append(frames[0]);
    }
    return text.toString();
  }

  private void logRequest(Context ctx, Float ms) {
    REQUESTS.info("{} {} {} ms run {}", routeOf(ctx), ctx.statusCode(), Math.round(ms), ctx.<String>attribute(RUN_ID));
  }

  /** The method and the route template that matched, or {@code "<no route>"}: never the path as sent. */
  private static String routeOf(Context ctx) {
    String route = ctx.attribute(ROUTE);
    return route != null ? route : ctx.method() + " <no route>";
  }

  private void writeError(Context ctx, int status, String message, String field) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", message);
    body.put("field", field);
    writeJson(ctx, status, body);
  }

  private void writeJson(Context ctx, int status, Object body) {
    try {
      ctx.status(status).contentType(JSON).result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not write the response as JSON", e);
    }
  }

  private static byte[] resource(String name) {
    try (InputStream in = ConversationService.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing beside " + ConversationService.class);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
