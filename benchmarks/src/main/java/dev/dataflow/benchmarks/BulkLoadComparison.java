package dev.dataflow.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeProgress;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowListener;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.hibernate.SessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bulk loading side by side, in one run on one table ({@code conversation_messages}: session, role, content,
 * intent, confidence): DataFlow's BulkCreate against the floor, pgjdbc's {@code COPY ... FROM STDIN} on one
 * connection, against a JDBC batch with {@code reWriteBatchedInserts=true}, and against Hibernate 7 batch inserts as a
 * tuned Hibernate user writes them ({@link #hibernateBatch}). Rounds alternate the order of the contenders so that the
 * machine's noise hits all alike; each round starts on an empty table and must end with every row in it. Prints rows
 * per second (median of the rounds) and each one's ratio to COPY, and writes the table and its chart ({@link Report});
 * a progress line on stderr ({@link Progress}) follows each load, DataFlow's from its node's own progress reports.
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
  /** Hibernate's JDBC batch and flush/clear interval, and its sequence's allocation size. */
  static final int HIBERNATE_BATCH = HibernateBatchMessage.ALLOCATION;
  static final String COPY = "COPY FROM STDIN (pgjdbc CopyManager, one connection)";
  static final String DATAFLOW = "DataFlow BulkCreate (ids returned)";
  static final String HIBERNATE = "Hibernate 7 batch inserts (batch_size 1000, pooled sequence, rewrite)";

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
      PGSimpleDataSource rewrite = db.direct(true);
      createHibernateSequence(db);
      try (HikariDataSource hibernatePool = hibernatePool(rewrite);
          SessionFactory hibernate = Hibernates.sessionFactory(hibernatePool, HibernateBatchMessage.class,
              HIBERNATE_BATCH)) {
        Map<String, Load> contenders = new LinkedHashMap<>();
        contenders.put(COPY, progress -> copy(db, records));
        contenders.put(DATAFLOW, progress -> db.runtime.execute(dataflow, reporting(progress)));
        contenders.put("DataFlow BulkCreate (return_ids false)",
            progress -> db.runtime.execute(dataflowNoIds, reporting(progress)));
        contenders.put("JDBC addBatch, reWriteBatchedInserts=true", progress -> batch(rewrite, records, progress));
        contenders.put(HIBERNATE, progress -> hibernateBatch(hibernate, records, progress));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        contenders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
        List<String> names = new ArrayList<>(contenders.keySet());
        for (int round = 0; round < rounds + 1; round++) { // round 0 warms up and is not counted
          for (int k = 0; k < names.size(); k++) {
            String name = names.get((k + round) % names.size());
            db.truncateMessages();
            Progress progress = new Progress((round == 0 ? "warm-up, " : "round " + round + ", ") + name, "rows",
                rows);
            long started = System.nanoTime();
            contenders.get(name).run(progress);
            double seconds = (System.nanoTime() - started) / 1e9;
            progress.finish(rows);
            checkCount(db, rows, name);
            if (round > 0) {
              rates.get(name).add(rows / seconds);
            }
          }
          System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
        }
        double floor = Medians.of(rates.get(COPY));
        Report report = new Report("bulk-load", String.format(Locale.ROOT,
            "%,d rows, batch %d (Hibernate: %d), median of %d rounds", rows, BATCH, HIBERNATE_BATCH, rounds),
            String.format(Locale.ROOT, "Bulk load of %,d rows: throughput ÷ COPY", rows),
            "rows/s ÷ COPY's (higher is faster)", "path", "rows/s", "ratio to COPY");
        for (String name : names) {
          double rate = Medians.of(rates.get(name));
          report.row(String.format(Locale.ROOT, "%,d rows", rows), name, rate / floor, name,
              String.format(Locale.ROOT, "%,.0f", rate));
        }
        double dataflowRate = Medians.of(rates.get(DATAFLOW));
        double hibernateRate = Medians.of(rates.get(HIBERNATE));
        report.target(0.8, "target ≥ 0.8 × COPY")
            .target(3 * hibernateRate / floor, "3 × Hibernate batch")
            .note(String.format(Locale.ROOT, "DataFlow BulkCreate (ids returned) ÷ COPY: %.2f (target ≥ 0.8); ÷"
                + " Hibernate batch inserts: %.2f (target ≥ 3).", dataflowRate / floor, dataflowRate / hibernateRate))
            .print();
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

  private static void streamed(BenchmarkDatabase db, UUID session, int rows) throws IOException {
    Stream<Map<String, Object>> records = IntStream.range(0, rows).mapToObj(i -> record(session, i));
    long started = System.nanoTime();
    // A progress line on stderr, from the node's own reports after every batch (the total is unknown to it).
    Progress progress = new Progress("streamed BulkCreate", "rows", rows);
    Map<String, Object> out = db.runtime.execute(new WorkflowBuilder().addNode(
        ConversationMessageBulkCreateNode.class, "bulk",
        Map.of("records", records, "batch_size", BATCH, "return_ids", false)).build(), reporting(progress))
        .get("bulk");
    progress.finish(rows);
    double seconds = (System.nanoTime() - started) / 1e9;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    String line = String.format(Locale.ROOT, "streamed %,d rows (inserted %s) in %.1f s, %,.0f rows/s; max heap %d MB;"
        + " peak heap used (sum of pools' peaks) %d MB", rows, out.get("inserted"), seconds, rows / seconds,
        Runtime.getRuntime().maxMemory() >> 20, peak >> 20);
    System.out.println(line);
    Report.writeText("bulk-load-stream", line + "\n");
  }

  private interface Load {
    void run(Progress progress) throws Exception;
  }

  /** Options that pass the node's progress reports (after each batch) on to the progress line. */
  private static ExecutionOptions reporting(Progress progress) {
    return ExecutionOptions.builder().listener(new WorkflowListener() {
      @Override
      public void nodeProgress(NodeProgress p) {
        progress.update(p.done());
      }
    }).build();
  }

  /** Each side must have written every row; a side that lost rows would look fast. */
  private static void checkCount(BenchmarkDatabase db, int rows, String name) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("select count(*) from conversation_messages")) {
      rs.next();
      if (rs.getLong(1) != rows) {
        throw new IllegalStateException(name + " wrote " + rs.getLong(1) + " rows, not " + rows);
      }
    }
  }

  /** The sequence HibernateBatchMessage draws its ids from, {@code INCREMENT BY} its allocation size. */
  private static void createHibernateSequence(BenchmarkDatabase db) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("create sequence if not exists " + HibernateBatchMessage.SEQUENCE + " increment by "
          + HibernateBatchMessage.ALLOCATION);
    }
  }

  /** Hibernate's own HikariCP pool, the size of DataFlow's, on the URL with {@code reWriteBatchedInserts=true}. */
  private static HikariDataSource hibernatePool(PGSimpleDataSource rewrite) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("hibernate");
    config.setDataSource(rewrite);
    config.setMaximumPoolSize(10);
    config.setMinimumIdle(1);
    return new HikariDataSource(config);
  }

  /**
   * How a tuned Hibernate user loads rows: one session and one transaction, {@code persist} each entity, and every
   * {@value #HIBERNATE_BATCH} entities {@code flush} (one JDBC batch, rewritten by pgjdbc into multi-row inserts) and
   * {@code clear} (so the session does not hold every entity).
   */
  private static void hibernateBatch(SessionFactory hibernate, List<Map<String, Object>> records, Progress progress) {
    hibernate.inTransaction(session -> {
      Instant now = Instant.now();
      int n = 0;
      for (Map<String, Object> r : records) {
        session.persist(new HibernateBatchMessage((UUID) r.get("session_id"), (MessageRole) r.get("role"),
            (String) r.get("content"), (String) r.get("intent"), (Double) r.get("confidence"), now));
        if (++n % HIBERNATE_BATCH == 0) {
          session.flush();
          session.clear();
          progress.update(n);
        }
      }
    });
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

  private static void batch(PGSimpleDataSource rewrite, List<Map<String, Object>> records, Progress progress)
      throws SQLException {
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
            progress.update(n);
          }
        }
        ps.executeBatch();
      }
      c.commit();
    }
  }

}
