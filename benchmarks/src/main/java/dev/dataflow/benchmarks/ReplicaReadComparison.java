package dev.dataflow.benchmarks;

import dev.dataflow.embedded.StreamingCluster;
import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationMessageReadNode;
import dev.dataflow.models.ConversationSessionBulkCreateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Read throughput with 0, 1 and 2 streaming replicas, on one machine: a primary and two replicas started from the
 * embedded PostgreSQL binaries ({@link StreamingCluster}), {@code messages} messages in 200 sessions, then client
 * threads running one-node workflows for a fixed time against a DataFlow with 0, 1 and 2 replica URLs: three Reads by
 * id for every List of a session's latest 20 messages. A warm-up with 0 and with 2 replicas comes first, not
 * counted; then rounds alternate the order of the configurations. Prints workflows per second (mean of the rounds)
 * and the ratio to the primary alone.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.ReplicaReadComparison [seconds] [threads]
 * </pre>
 *
 * <p>All servers share this machine's cores, so replicas add capacity only where the primary alone leaves cores idle;
 * on separate machines each replica brings its own.
 */
public final class ReplicaReadComparison {
  private static final int MESSAGES = 20_000;
  private static final int SESSIONS = 200;

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Path root = Files.createTempDirectory("dataflow-replicas");
    try (StreamingCluster cluster = StreamingCluster.start(root, 2)) {
      List<UUID> sessions = new ArrayList<>();
      long firstId;
      try (DataFlow setup = DataFlow.builder().databaseUrl(cluster.primaryUrl()).build()) {
        LocalRuntime runtime = new LocalRuntime(setup);
        List<Map<String, Object>> sessionRecords = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
          UUID id = UUID.randomUUID();
          sessions.add(id);
          sessionRecords.add(Map.of("session_id", id, "user_id", "user-" + i));
        }
        runtime.execute(new WorkflowBuilder().addNode(ConversationSessionBulkCreateNode.class, "s",
            Map.of("records", sessionRecords)).build());
        List<Map<String, Object>> messages = new ArrayList<>(MESSAGES);
        for (int i = 0; i < MESSAGES; i++) {
          messages.add(Map.of("session_id", sessions.get(i % SESSIONS), "role", i % 2 == 0 ? "user" : "assistant",
              "content", "message " + i));
        }
        List<?> ids = (List<?>) runtime.execute(new WorkflowBuilder().addNode(ConversationMessageBulkCreateNode.class,
            "m", Map.of("records", messages, "batch_size", 5000)).build()).get("m").get("ids");
        firstId = ((Number) ids.get(0)).longValue();
      }
      cluster.awaitReplay(0);
      cluster.awaitReplay(1);

      // Warm-up, not counted: the JIT, the pools and every server's caches, with and without replicas.
      run(cluster, 0, threads, seconds, firstId, sessions);
      run(cluster, 2, threads, seconds, firstId, sessions);
      Map<Integer, List<Double>> rates = new LinkedHashMap<>();
      for (int round = 0; round < rounds; round++) {
        List<Integer> order = round % 2 == 0 ? List.of(0, 1, 2) : List.of(2, 1, 0);
        for (int replicas : order) {
          double rate = run(cluster, replicas, threads, seconds, firstId, sessions);
          rates.computeIfAbsent(replicas, k -> new ArrayList<>()).add(rate);
          System.err.printf(Locale.ROOT, "round %d, %d replicas: %.0f workflows/s%n", round + 1, replicas, rate);
        }
      }
      double primaryAlone = mean(rates.get(0));
      System.out.printf(Locale.ROOT, "%d client threads, %d s per configuration, mean of %d rounds%n", threads,
          seconds, rounds);
      System.out.println("| read replicas | workflows/s | ratio to the primary alone |");
      System.out.println("|---:|---:|---:|");
      for (int replicas = 0; replicas <= 2; replicas++) {
        double rate = mean(rates.get(replicas));
        System.out.printf(Locale.ROOT, "| %d | %,.0f | %.2f |%n", replicas, rate, rate / primaryAlone);
      }
    } finally {
      try (Stream<Path> files = Files.walk(root)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** Workflows per second with {@code replicas} replica URLs. */
  private static double run(StreamingCluster cluster, int replicas, int threads, int seconds, long firstId,
      List<UUID> sessions) throws Exception {
    DataFlow.Builder builder = DataFlow.builder().databaseUrl(cluster.primaryUrl()).maximumPoolSize(threads)
        .autoMigrate(false);
    for (int i = 0; i < replicas; i++) {
      builder.readReplicaUrl(cluster.replicaUrl(i));
    }
    try (DataFlow db = builder.build()) {
      LocalRuntime runtime = new LocalRuntime(db, ExecutionOptions.builder().logging(false).build());
      Workflow read = new WorkflowBuilder().addNode(ConversationMessageReadNode.class, "read",
          Map.of("id", firstId, "raise_on_not_found", false)).build();
      Workflow list = new WorkflowBuilder().addNode(ConversationMessageListNode.class, "list",
          Map.of("filters", Map.of("session_id", sessions.get(0)), "order_by", List.of("-timestamp"), "limit", 20))
          .build();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      List<Future<Long>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          long n = 0;
          ThreadLocalRandom random = ThreadLocalRandom.current();
          while (System.nanoTime() < deadline) {
            if (n % 4 == 3) {
              runtime.execute(list, Map.of("list", Map.of("filters",
                  Map.of("session_id", sessions.get(random.nextInt(sessions.size()))))));
            } else {
              runtime.execute(read, Map.of("read", Map.of("id", firstId + random.nextInt(MESSAGES))));
            }
            n++;
          }
          return n;
        }));
      }
      long total = 0;
      for (Future<Long> f : done) {
        total += f.get();
      }
      pool.shutdown();
      return total / (double) seconds;
    }
  }

  private static double mean(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
  }
}
