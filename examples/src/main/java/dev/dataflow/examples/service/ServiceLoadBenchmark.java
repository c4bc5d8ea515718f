package dev.dataflow.examples.service;

import dev.dataflow.runtime.DataFlow;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load benchmark of {@code POST /api/whatsapp/message}, not a test: starts the service on a fresh embedded
 * PostgreSQL (or {@code DATABASE_URL}: give it a scratch database), posts {@code messages} messages of
 * {@code users} customers from {@code threads} client threads over loopback HTTP, and prints messages per second
 * and the latency percentiles of the route as the clients saw it. A warm-up of {@code warmup} messages runs first
 * and is not counted.
 *
 * <pre>mvn -q -Pservice-benchmark -DskipTests verify -Dbenchmark.threads=8 -Dbenchmark.messages=5000</pre>
 *
 * <p>System properties: {@code benchmark.threads} (8), {@code benchmark.messages} (5000), {@code benchmark.users}
 * (200), {@code benchmark.warmup} (500), {@code benchmark.handler}: {@code memory} (the real
 * {@link ConversationMemory}, the default) or {@code noop} (a handler that writes nothing: the cost of HTTP, JSON and
 * the service itself), {@code benchmark.requestLog} (false: the request log line is switched off, so the figures
 * leave out writing it to standard error).
 */
public final class ServiceLoadBenchmark {
  /** The conversations the customers have, in turn: orders, follow-ups, questions, small talk. */
  private static final List<String> MESSAGES = List.of(
      "Hi, we need 400 boxes for 10 inch pizzas",
      "Yes, and 200 for 12 inch as well",
      "What time can you deliver tomorrow?",
      "Please add 100 boxes for 14 inch",
      "Thanks!",
      "Can you send the invoice to accounts@example.com or call 91234567?");

  private ServiceLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean("benchmark.requestLog")) {
      // One line per request to standard error would be most of the output; -Dbenchmark.requestLog=true keeps it.
      System.setProperty("org.slf4j.simpleLogger.log.dev.dataflow.examples.service.requests", "warn");
    }
    int threads = Integer.getInteger("benchmark.threads", 8);
    int messages = Integer.getInteger("benchmark.messages", 5000);
    int users = Integer.getInteger("benchmark.users", 200);
    int warmup = Integer.getInteger("benchmark.warmup", 500);
    String handlerName = System.getProperty("benchmark.handler", "memory");

    String token = ServiceSettings.randomToken();
    try (DataFlow db = DataFlow.builder().maximumPoolSize(Math.max(10, threads + 2)).build()) {
      DemoCatalogue.applyIfEmpty(db);
      MessageHandler handler = switch (handlerName) {
        case "memory" -> new ConversationMemory(db);
        case "noop" -> message -> new MessageReply(UUID.randomUUID(), 1, "greeting", 1.0, "en", "Hello!", null);
        default -> throw new IllegalArgumentException("benchmark.handler must be memory or noop, not " + handlerName);
      };
      try (ConversationService service = ConversationService.start(db, handler, 0, token)) {
        ExecutorService clientThreads = Executors.newFixedThreadPool(threads, ServiceLoadBenchmark::daemon);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(clientThreads).build();
        String url = "http://127.0.0.1:" + service.port() + "/api/whatsapp/message";
        run(client, url, token, threads, warmup, users, 6580000000L);
        System.out.printf(Locale.ROOT, "POST /api/whatsapp/message: %d messages of %d users, %d client threads,"
            + " handler %s, %d warm-up messages%n", messages, users, threads, handlerName, warmup);
        long start = System.nanoTime();
        Result result = run(client, url, token, threads, messages, users, 6590000000L);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = result.latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "  %.0f messages/s (%.1f s); latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
            messages / seconds, seconds, percentile(sorted, 50), percentile(sorted, 99),
            sorted[sorted.length - 1] / 1e6);
        System.out.println("  statuses: " + result.statuses);
        clientThreads.shutdownNow();
      }
    }
  }

  /** What one run saw: every request's latency in ns, and how many requests got each status. */
  private record Result(long[] latencies, Map<Integer, Integer> statuses) {}

  private static Result run(HttpClient client, String url, String token, int threads, int messages, int users,
      long firstUser) throws Exception {
    long[] latencies = new long[messages];
    int[] statuses = new int[messages];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, ServiceLoadBenchmark::daemon);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
            int user = i % users;
            String body = "{\"whatsapp_user_id\": \"" + (firstUser + user) + "\", \"outlet_id\": 1,"
                + " \"message\": \"" + MESSAGES.get((i / users) % MESSAGES.size()) + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long started = System.nanoTime();
            try {
              statuses[i] = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
              statuses[i] = -1;
            }
            latencies[i] = System.nanoTime() - started;
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
    Map<Integer, Integer> counts = new TreeMap<>();
    for (int status : statuses) {
      counts.merge(status, 1, Integer::sum);
    }
    return new Result(latencies, counts);
  }

  /** Daemon threads: exec:java waits for every other thread to end before Maven exits. */
  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "benchmark-client");
    thread.setDaemon(true);
    return thread;
  }

  private static double percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
