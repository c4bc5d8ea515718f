package dev.dataflow.benchmarks;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeProgress;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowListener;
import java.io.Reader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.hibernate.SessionFactory;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bulk loading side by side, in one run on one table ({@code conversation_messages}: session, role, content,
 * intent, confidence): DataFlow's BulkCreate against the floor, pgjdbc's {@code COPY ... FROM STDIN} on one
 * connection, against a JDBC batch with {@code reWriteBatchedInserts=true}, and against Hibernate 7 batch inserts as a
 * tuned Hibernate user writes them ({@link #hibernateBatch}). Rounds alternate the order of the contenders so that the
 * machine's noise hits all alike; each round starts on an empty table and must end with every row in it. Prints rows
 * per second (median of the rounds), each one's ratio to COPY and its peak heap, and writes the table and its chart
 * ({@link Report}); a progress line on stderr ({@link Progress}) follows each load, DataFlow's from its node's own
 * progress reports.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkLoadComparison [rows] [rounds]
 * java -Xmx256m -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkLoadComparison 1000000 1 --stream
 * </pre>
 *
 * <p>Without {@code --stream} the records are made first and held in a list that every side reads (DataFlow's
 * workflows are built on it once, before the rounds). With {@code --stream} no side holds the rows: each record is made
 * as the side reads it (one {@code Stream} per load), COPY reads its text from a {@code Reader} that writes rows as
 * pgjdbc asks for them, the JDBC batch executes every {@value #BATCH} rows, Hibernate flushes and clears every
 * {@value #HIBERNATE_BATCH}, and DataFlow's BulkCreate gets the {@code Stream} as its {@code records} (its workflow
 * built per load, since a stream is read once); a warm-up round of {@value #STREAM_WARM_UP} rows (or fewer) precedes
 * the counted rounds. Either way each side's peak heap is measured on its own: a full GC and the heap pools' peaks
 * reset before each load, the sum of the pools' peaks read after it.
 */
public final class BulkLoadComparison {
  private static final int BATCH = 5000;
  /** Rows per side in the warm-up round of a {@code --stream} run (fewer when the run is smaller). */
  private static final int STREAM_WARM_UP = 100_000;
  /** Hibernate's JDBC batch and flush/clear interval, and its sequence's allocation size. */
  static final int HIBERNATE_BATCH = HibernateBatchMessage.ALLOCATION;
  static final String COPY = "COPY FROM STDIN (pgjdbc CopyManager, one connection)";
  static final String DATAFLOW = "DataFlow BulkCreate (ids returned)";
  static final String DATAFLOW_NO_IDS = "DataFlow BulkCreate (return_ids false)";
  static final String BATCHED = "JDBC addBatch, reWriteBatchedInserts=true";
  static final String HIBERNATE = "Hibernate 7 batch inserts (batch_size 1000, pooled sequence, rewrite)";

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(Arrays.asList(args));
    boolean stream = arguments.remove("--stream");
    int rows = arguments.size() > 0 ? Integer.parseInt(arguments.get(0)) : stream ? 1_000_000 : 100_000;
    int rounds = arguments.size() > 1 ? Integer.parseInt(arguments.get(1)) : stream ? 1 : 5;
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("bulk-load");
      PGSimpleDataSource rewrite = db.direct(true);
      createHibernateSequence(db);
      try (HikariDataSource hibernatePool = hibernatePool(rewrite);
          SessionFactory hibernate = Hibernates.sessionFactory(hibernatePool, HibernateBatchMessage.class,
              HIBERNATE_BATCH)) {
        Source source;
        Load dataflow;
        Load dataflowNoIds;
        int warmUpRows;
        if (stream) {
          source = n -> IntStream.range(0, n).mapToObj(i -> record(session, i));
          dataflow = (n, progress) -> streamedBulkCreate(db, source, n, true, progress);
          dataflowNoIds = (n, progress) -> streamedBulkCreate(db, source, n, false, progress);
          warmUpRows = Math.min(rows, STREAM_WARM_UP);
        } else {
          List<Map<String, Object>> records = new ArrayList<>(rows);
          for (int i = 0; i < rows; i++) {
            records.add(record(session, i));
          }
          source = n -> records.subList(0, n).stream();
          Workflow withIds = new WorkflowBuilder().addNode(ConversationMessageBulkCreateNode.class, "bulk",
              Map.of("records", records, "batch_size", BATCH)).build();
          Workflow noIds = new WorkflowBuilder().addNode(ConversationMessageBulkCreateNode.class, "bulk",
              Map.of("records", records, "batch_size", BATCH, "return_ids", false)).build();
          // the workflows hold all the records, so every round (the warm-up too) loads all of them
          dataflow = (n, progress) -> db.runtime.execute(withIds, reporting(progress));
          dataflowNoIds = (n, progress) -> db.runtime.execute(noIds, reporting(progress));
          warmUpRows = rows;
        }
        Map<String, Load> contenders = new LinkedHashMap<>();
        contenders.put(COPY, (n, progress) -> {
          try (Stream<Map<String, Object>> records = source.records(n)) {
            copy(db, records.iterator(), progress);
          }
        });
        contenders.put(DATAFLOW, dataflow);
        contenders.put(DATAFLOW_NO_IDS, dataflowNoIds);
        contenders.put(BATCHED, (n, progress) -> {
          try (Stream<Map<String, Object>> records = source.records(n)) {
            batch(rewrite, records.iterator(), progress);
          }
        });
        contenders.put(HIBERNATE, (n, progress) -> {
          try (Stream<Map<String, Object>> records = source.records(n)) {
            hibernateBatch(hibernate, records.iterator(), progress);
          }
        });
        measure(db, contenders, rows, warmUpRows, rounds).report(stream, rows, rounds, warmUpRows).print();
      }
    }
  }

  /** The records of one load, made or read as the side asks for them. */
  private interface Source {
    Stream<Map<String, Object>> records(int rows);
  }

  /** One side: loads {@code rows} records into the empty table. */
  private interface Load {
    void run(int rows, Progress progress) throws Exception;
  }

  /**
   * Each side's rates (rows/s, one per counted round) and heap figures (bytes, the highest of its counted rounds): the
   * sum of the heap pools' peaks, and the most heap in use right after a GC during its load.
   */
  private record Measured(Map<String, List<Double>> rates, Map<String, Long> peaks, Map<String, Long> afterGc,
      long baseline) {
    Report report(boolean stream, int rows, int rounds, int warmUpRows) {
      String how = stream
          ? String.format(Locale.ROOT, "%,d rows made as each side reads them (no side holds them), max heap %d MB,"
              + " batch %d (Hibernate: %d), median of %d round%s after a warm-up round of %,d rows", rows,
              Runtime.getRuntime().maxMemory() >> 20, BATCH, HIBERNATE_BATCH, rounds, rounds == 1 ? "" : "s",
              warmUpRows)
          : String.format(Locale.ROOT, "%,d rows held in a list, batch %d (Hibernate: %d), median of %d rounds",
              rows, BATCH, HIBERNATE_BATCH, rounds);
      Report report = new Report(stream ? "bulk-load-stream" : "bulk-load", how,
          String.format(Locale.ROOT, "Bulk load of %,d rows%s: throughput ÷ COPY", rows, stream ? ", streamed" : ""),
          "rows/s ÷ COPY's (higher is faster)", "path", "rows/s", "peak heap (MB)", "heap after GC, max (MB)",
          "ratio to COPY");
      double floor = Medians.of(rates.get(COPY));
      for (Map.Entry<String, List<Double>> side : rates.entrySet()) {
        double rate = Medians.of(side.getValue());
        report.row(String.format(Locale.ROOT, "%,d rows", rows), side.getKey(), rate / floor, side.getKey(),
            String.format(Locale.ROOT, "%,.0f", rate), megabytes(peaks.get(side.getKey())),
            megabytes(afterGc.get(side.getKey())));
      }
      double dataflowRate = Medians.of(rates.get(DATAFLOW));
      double noIdsRate = Medians.of(rates.get(DATAFLOW_NO_IDS));
      double hibernateRate = Medians.of(rates.get(HIBERNATE));
      return report.target(0.8, "target ≥ 0.8 × COPY")
          .target(3 * hibernateRate / floor, "3 × Hibernate batch")
          .note(String.format(Locale.ROOT, "DataFlow BulkCreate ÷ COPY: %.2f with ids, %.2f with return_ids false"
              + " (target ≥ 0.8); ÷ Hibernate batch inserts: %.2f and %.2f (target ≥ 3).", dataflowRate / floor,
              noIdsRate / floor, dataflowRate / hibernateRate, noIdsRate / hibernateRate))
          .note(String.format(Locale.ROOT, "Heap, measured for each side alone (a full GC and the pools' peaks reset"
              + " before its load): peak heap is the sum of the heap pools' peaks during the load (garbage included,"
              + " so it follows the collector's sizing of the young generation as much as the side); heap after GC"
              + " is the most in use right after any collection during the load (what the side kept, plus old"
              + " garbage not yet collected); before any load, after the full GC: at most %d MB (the runtime, the"
              + " pools, Hibernate's session factory%s).", baseline >> 20, stream ? "" : ", the records"));
    }

    private static String megabytes(Long bytes) {
      return bytes < 0 ? "–" : String.valueOf(bytes >> 20);
    }
  }

  /**
   * The rounds: round 0 warms up ({@code warmUpRows} per side) and is not counted; each round runs every side once,
   * the order shifted by one per round, each on an empty table, and checks that the side wrote exactly its rows.
   */
  private static Measured measure(BenchmarkDatabase db, Map<String, Load> contenders, int rows, int warmUpRows,
      int rounds) throws Exception {
    Map<String, List<Double>> rates = new LinkedHashMap<>();
    Map<String, Long> peaks = new LinkedHashMap<>();
    Map<String, Long> afterGc = new LinkedHashMap<>();
    contenders.keySet().forEach(k -> rates.put(k, new ArrayList<>()));
    contenders.keySet().forEach(k -> peaks.put(k, -1L));
    contenders.keySet().forEach(k -> afterGc.put(k, -1L));
    long baseline = 0;
    List<String> names = new ArrayList<>(contenders.keySet());
    try (Heap heap = new Heap()) {
      for (int round = 0; round < rounds + 1; round++) {
        int n = round == 0 ? warmUpRows : rows;
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((k + round) % names.size());
          db.truncateMessages();
          baseline = Math.max(baseline, heap.collectAndReset());
          Progress progress = new Progress((round == 0 ? "warm-up, " : "round " + round + ", ") + name, "rows", n);
          long started = System.nanoTime();
          contenders.get(name).run(n, progress);
          double seconds = (System.nanoTime() - started) / 1e9;
          long peak = heap.peak();
          long kept = heap.maxAfterGc();
          progress.finish(n);
          checkCount(db, n, name);
          if (round > 0) {
            rates.get(name).add(n / seconds);
            peaks.merge(name, peak, Math::max);
            afterGc.merge(name, kept, Math::max);
          }
        }
        System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
      }
    }
    return new Measured(rates, peaks, afterGc, baseline);
  }

  /**
   * The heap during one load: the heap pools' peaks ({@link MemoryPoolMXBean#resetPeakUsage} between loads), and,
   * from the collectors' notifications, the most heap in use right after a collection.
   */
  private static final class Heap implements NotificationListener, AutoCloseable {
    private final List<MemoryPoolMXBean> pools = new ArrayList<>();
    private final Set<String> poolNames = new HashSet<>();
    private final List<NotificationEmitter> collectors = new ArrayList<>();
    private final AtomicLong maxAfterGc = new AtomicLong(-1);

    Heap() {
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
          pools.add(pool);
          poolNames.add(pool.getName());
        }
      }
      for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (collector instanceof NotificationEmitter emitter) {
          emitter.addNotificationListener(this, null, null);
          collectors.add(emitter);
        }
      }
    }

    /**
     * A full GC, then every heap pool's peak reset to its current use and the after-GC maximum forgotten; returns
     * the heap used after the full GC.
     */
    long collectAndReset() {
      System.gc();
      long used = 0;
      for (MemoryPoolMXBean pool : pools) {
        used += pool.getUsage().getUsed();
        pool.resetPeakUsage();
      }
      maxAfterGc.set(used);
      return used;
    }

    /** The sum of the heap pools' peaks since the last reset (an upper bound: pools peak at different moments). */
    long peak() {
      long peak = 0;
      for (MemoryPoolMXBean pool : pools) {
        peak += pool.getPeakUsage().getUsed();
      }
      return peak;
    }

    /** The most heap in use right after a collection since the last reset (at least the heap after the full GC). */
    long maxAfterGc() {
      return maxAfterGc.get();
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      GcInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
      long used = 0;
      for (Map.Entry<String, MemoryUsage> pool : info.getMemoryUsageAfterGc().entrySet()) {
        if (poolNames.contains(pool.getKey())) {
          used += pool.getValue().getUsed();
        }
      }
      maxAfterGc.accumulateAndGet(used, Math::max);
    }

    @Override
    public void close() throws ListenerNotFoundException {
      for (NotificationEmitter collector : collectors) {
        collector.removeNotificationListener(this);
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

  /**
   * DataFlow's BulkCreate fed by a {@code Stream} that makes each record as the node reads it; the workflow is built
   * here (a stream is read once), which is in the timed load.
   */
  private static void streamedBulkCreate(BenchmarkDatabase db, Source source, int rows, boolean returnIds,
      Progress progress) {
    Map<String, Object> out = db.runtime.execute(new WorkflowBuilder().addNode(
        ConversationMessageBulkCreateNode.class, "bulk",
        Map.of("records", source.records(rows), "batch_size", BATCH, "return_ids", returnIds)).build(),
        reporting(progress)).get("bulk");
    if (!Integer.valueOf(rows).equals(out.get("inserted"))
        || returnIds && ((List<?>) out.get("ids")).size() != rows) {
      throw new IllegalStateException("BulkCreate reported " + out.get("inserted") + " rows inserted, not " + rows);
    }
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
  private static void hibernateBatch(SessionFactory hibernate, Iterator<Map<String, Object>> records,
      Progress progress) {
    hibernate.inTransaction(session -> {
      Instant now = Instant.now();
      int n = 0;
      while (records.hasNext()) {
        Map<String, Object> r = records.next();
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

  /**
   * The floor: COPY in text format on one connection, the text written by hand for exactly these five columns, row by
   * row as pgjdbc reads it ({@link CopyText}), so nothing holds more than a buffer of rows.
   */
  private static void copy(BenchmarkDatabase db, Iterator<Map<String, Object>> records, Progress progress)
      throws Exception {
    try (Connection c = db.dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy conversation_messages (session_id, role, content,"
          + " intent, confidence) from stdin", new CopyText(records, progress), COPY_BUFFER);
      c.commit();
    }
  }

  /** The characters pgjdbc reads at a time from {@link CopyText}, and about what CopyText holds. */
  private static final int COPY_BUFFER = 64 * 1024;

  /** COPY's text input, each row written from its record when the reader needs more characters. */
  private static final class CopyText extends Reader {
    private final Iterator<Map<String, Object>> records;
    private final Progress progress;
    private final StringBuilder text = new StringBuilder(2 * COPY_BUFFER);
    private int position;
    private long rows;

    CopyText(Iterator<Map<String, Object>> records, Progress progress) {
      this.records = records;
      this.progress = progress;
    }

    @Override
    public int read(char[] into, int offset, int length) {
      if (position == text.length()) {
        text.setLength(0);
        position = 0;
      }
      while (text.length() - position < length && records.hasNext()) {
        Map<String, Object> r = records.next();
        text.append(r.get("session_id")).append('\t').append(((MessageRole) r.get("role")).name()).append('\t')
            .append((String) r.get("content")).append('\t').append((String) r.get("intent")).append('\t')
            .append(r.get("confidence")).append('\n');
        if (++rows % BATCH == 0) {
          progress.update(rows);
        }
      }
      int n = Math.min(length, text.length() - position);
      if (n == 0) {
        return length == 0 ? 0 : -1;
      }
      text.getChars(position, position + n, into, offset);
      position += n;
      return n;
    }

    @Override
    public void close() {}
  }

  private static void batch(PGSimpleDataSource rewrite, Iterator<Map<String, Object>> records, Progress progress)
      throws SQLException {
    try (Connection c = rewrite.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("insert into conversation_messages (session_id, role, content,"
          + " intent, confidence) values (?, ?, ?, ?, ?)")) {
        int n = 0;
        while (records.hasNext()) {
          Map<String, Object> r = records.next();
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
