package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeProgress;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowListener;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bulk loading side by side, in one run on one table ({@code conversation_messages}: session, role, content,
 * intent, confidence): DataFlow's BulkCreate against the floor, pgjdbc's {@code COPY ... FROM STDIN} on one
 * connection, and against a JDBC batch with {@code reWriteBatchedInserts=true}. Rounds alternate the order of the
 * contenders so that the machine's noise hits all alike; each round starts on an empty table. Prints rows per second
 * (median of the rounds) and each one's ratio to COPY.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkLoadComparison [rows] [rounds]
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkLoadComparison 1000000 1 --stream
 * </pre>
 *
 * <p>With {@code --stream} it runs only DataFlow's BulkCreate, fed by a {@code Stream} that makes each record as it is
 * read and {@code return_ids: false}, and prints the peak heap: a million rows in bounded memory.
 */
public final class BulkLoadComparison {
  private static final int BATCH = 5000;

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean stream = arguments.remove("--stream");
    int rows = arguments.size() > 0 ? Integer.parseInt(arguments.get(0)) : 100_000;
    int rounds = arguments.size() > 1 ? Integer.parseInt(arguments.get(1)) : 5;
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("bulk-load");
      if (stream) {
        streamed(db, session, rows);
        return;
      }
      List<Map<String, Object>> records = new ArrayList<>(rows);
      for (int i = 0; i < rows; i++) {
        records.add(record(session, i));
      }
      Workflow dataflow = new WorkflowBuilder().addNode(ConversationMessageBulkCreateNode.class, "bulk",
          Map.of("records", records, "batch_size", BATCH)).build();
      Workflow dataflowNoIds = new WorkflowBuilder().addNode(ConversationMessageBulkCreateNode.class, "bulk",
          Map.of("records", records, "batch_size", BATCH, "return_ids", false)).build();
      PGSimpleDataSource rewrite = new PGSimpleDataSource();
      try (Connection c = db.dataSource.getConnection()) {
        rewrite.setUrl(c.getMetaData().getURL());
        rewrite.setUser(c.getMetaData().getUserName());
      }
      rewrite.setReWriteBatchedInserts(true);

      Map<String, Load> contenders = new LinkedHashMap<>();
      contenders.put("COPY FROM STDIN (pgjdbc CopyManager, one connection)", () -> copy(db, records));
      contenders.put("DataFlow BulkCreate (ids returned)", () -> db.runtime.execute(dataflow));
      contenders.put("DataFlow BulkCreate (return_ids false)", () -> db.runtime.execute(dataflowNoIds));
      contenders.put("JDBC addBatch, reWriteBatchedInserts=true", () -> batch(rewrite, records));
      Map<String, List<Double>> rates = new LinkedHashMap<>();
      contenders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
      List<String> names = new ArrayList<>(contenders.keySet());
      for (int round = 0; round < rounds + 1; round++) { // round 0 warms up and is not counted
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((k + round) % names.size());
          db.truncateMessages();
          long started = System.nanoTime();
          contenders.get(name).run();
          double seconds = (System.nanoTime() - started) / 1e9;
          if (round > 0) {
            rates.get(name).add(rows / seconds);
          }
        }
        System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
      }
      double floor = Medians.of(rates.get(names.get(0)));
      System.out.printf(Locale.ROOT, "%,d rows, batch %d, median of %d rounds%n", rows, BATCH, rounds);
      System.out.println("| path | rows/s | ratio to COPY |");
      System.out.println("|---|---:|---:|");
      for (String name : names) {
        double rate = Medians.of(rates.get(name));
        System.out.printf(Locale.ROOT, "| %s | %,.0f | %.2f |%n", name, rate, rate / floor);
      }
    }
  }

  private static Map<String, Object> record(UUID session, int i) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("session_id", session);
    r.put("role", i % 2 == 0 ? MessageRole.user : MessageRole.assistant);
    r.put("content", "message number " + i + " about 400 boxes for 10 inch pizzas");
    r.put("intent", "order_placement");
    r.put("confidence", 0.5);
    return r;
  }

  private static void streamed(BenchmarkDatabase db, UUID session, int rows) {
    Stream<Map<String, Object>> records = IntStream.range(0, rows).mapToObj(i -> record(session, i));
    long started = System.nanoTime();
    // A progress line on stderr after every batch, from the node's own reports.
    WorkflowListener progress = new WorkflowListener() {
      @Override
      public void nodeProgress(NodeProgress p) {
        System.err.printf(Locale.ROOT, "\r%,d of %,d rows, %.1f s", p.done(), rows, p.elapsed().toMillis() / 1e3);
      }
    };
    Map<String, Object> out = db.runtime.execute(new WorkflowBuilder().addNode(
        ConversationMessageBulkCreateNode.class, "bulk",
        Map.of("records", records, "batch_size", BATCH, "return_ids", false)).build(),
        ExecutionOptions.builder().listener(progress).build()).get("bulk");
    System.err.println();
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(Locale.ROOT, "streamed %,d rows (inserted %s) in %.1f s, %,.0f rows/s; max heap %d MB;"
        + " peak heap used (sum of pools' peaks) %d MB%n", rows, out.get("inserted"), seconds, rows / seconds,
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
  }

  private interface Load {
    void run() throws Exception;
  }

  /** The floor: COPY in text format on one connection, the text built by hand for exactly these five columns. */
  private static void copy(BenchmarkDatabase db, List<Map<String, Object>> records) throws Exception {
    try (Connection c = db.dataSource.getConnection()) {
      c.setAutoCommit(false);
      StringBuilder text = new StringBuilder(records.size() * 96);
      for (Map<String, Object> r : records) {
        text.append(r.get("session_id")).append('\t').append(((MessageRole) r.get("role")).name()).append('\t')
            .append((String) r.get("content")).append('\t').append((String) r.get("intent")).append('\t')
            .append(r.get("confidence")).append('\n');
      }
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy conversation_messages (session_id, role, content,"
          + " intent, confidence) from stdin", new StringReader(text.toString()));
      c.commit();
    }
  }

  private static void batch(PGSimpleDataSource rewrite, List<Map<String, Object>> records) throws SQLException {
    try (Connection c = rewrite.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("insert into conversation_messages (session_id, role, content,"
          + " intent, confidence) values (?, ?, ?, ?, ?)")) {
        int n = 0;
        for (Map<String, Object> r : records) {
          ps.setObject(1, r.get("session_id"));
          ps.setString(2, ((MessageRole) r.get("role")).name());
          ps.setString(3, (String) r.get("content"));
          ps.setString(4, (String) r.get("intent"));
          ps.setDouble(5, (Double) r.get("confidence"));
          ps.addBatch();
          if (++n % BATCH == 0) {
            ps.executeBatch();
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

}
