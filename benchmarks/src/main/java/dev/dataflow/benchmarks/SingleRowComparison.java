package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.ConversationMessageReadNode;
import dev.dataflow.models.ConversationMessageUpdateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.SelectField;
import org.jooq.Table;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.postgresql.jdbc.PgConnection;

/**
 * Single-row operations side by side in one process, on one table ({@code conversation_messages}) and the same data:
 * Create, Read by id, Update by id (two columns), List (filters {@code session_id} + {@code role}, newest first, limit
 * 20) and Count (one filter), each done by six sides:
 *
 * <ol>
 *   <li>the floor: raw JDBC on one connection held for the run, each statement prepared once and reused, autocommit
 *       (the pool's physical connection, unwrapped, so that all sides talk to the same PostgreSQL backend);
 *   <li>JDBC on the HikariCP pool, the statement prepared per call (the JMH benchmarks' twin);
 *   <li>jOOQ: a {@code DSLContext} on the same pool, each query built per call, rows mapped to maps;
 *   <li>Hibernate 7 on the same pool: a session and a transaction per operation ({@link HibernateMessage});
 *   <li>DataFlow, a workflow built once and run per call with per-run overrides;
 *   <li>DataFlow, a one-node workflow built per call from a string node type and a map of parameters.
 * </ol>
 *
 * <p>The sides are interleaved call by call in a new random order every call (a fixed seed), so the machine's noise
 * hits all alike and no side always follows the same other one.
 * After {@code warm-up} calls of every side (not counted) it times {@code calls} calls of each and prints the median
 * µs per call and its ratio to the floor. Create runs last, so the other operations see the seeded table only.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.SingleRowComparison [calls] [warm-up] [rows]
 * </pre>
 */
public final class SingleRowComparison implements AutoCloseable {
  /** The operations, in the order of the table. */
  enum Op {
    CREATE("Create"),
    READ("Read by id"),
    UPDATE("Update by id, 2 columns"),
    LIST("List, 2 filters, newest 20"),
    COUNT("Count, 1 filter");

    final String label;

    Op(String label) {
      this.label = label;
    }
  }

  /** One way of doing the five operations; {@code i} is the call's number, the same for every side. */
  interface Side {
    Object create(int i) throws Exception;

    Object read(long id) throws Exception;

    Object update(long id, int i) throws Exception;

    Object list() throws Exception;

    Object count() throws Exception;
  }

  static final String FLOOR = "JDBC, one connection, statements prepared once (floor)";
  static final String POOLED = "JDBC on the pool, prepared per call";
  static final String JOOQ = "jOOQ on the pool, query built per call";
  static final String HIBERNATE = "Hibernate 7, session + transaction per call";
  static final String PREBUILT = "DataFlow, prebuilt workflow + overrides";
  static final String PER_CALL = "DataFlow, workflow built per call (string type + map)";

  private static final String COLUMNS = JdbcRows.MESSAGE_COLUMNS;
  private static final String INSERT = "insert into conversation_messages (session_id, role, content)"
      + " values (?, ?, ?) returning " + COLUMNS;
  private static final String SELECT = "select " + COLUMNS + " from conversation_messages where id = ?";
  private static final String UPDATE = "update conversation_messages set intent = ?, confidence = ?,"
      + " updated_at = now() where id = ? returning " + COLUMNS;
  private static final String LIST = "select " + COLUMNS + " from conversation_messages"
      + " where session_id = ? and role = ? order by timestamp desc, id limit 20";
  private static final String COUNT = "select count(*) from conversation_messages where session_id = ?";

  final BenchmarkDatabase db;
  final UUID listed;
  final UUID created;
  final long firstId;
  final int rows;
  final Map<String, Side> sides = new LinkedHashMap<>();
  private final Connection one;
  private final SessionFactory hibernate;

  /** Seeds {@code rows} messages in one session (half of them role user) and readies all six sides. */
  SingleRowComparison(int rows) throws SQLException {
    this.rows = rows;
    db = new BenchmarkDatabase();
    db.truncateAll();
    listed = db.insertSession("single-row-listed");
    UUID other = db.insertSession("single-row-other");
    created = db.insertSession("single-row-created");
    firstId = db.insertMessages(listed, rows);
    db.insertMessages(other, rows);
    db.analyze();
    // The floor's one connection is the pool's own physical connection, unwrapped and kept (the proxy goes back to
    // the pool, which hands the same connection to this thread's next borrow): so every side talks to the same
    // PostgreSQL backend. With a connection of its own, the floor's backend would sit idle for five calls out of six
    // and wake cold each time, and measured 1.3-2x slower than the pooled side (2026-11-30, under load).
    try (Connection borrowed = db.dataSource.getConnection()) {
      one = borrowed.unwrap(PgConnection.class);
    }
    hibernate = Hibernates.sessionFactory(db.dataSource, HibernateMessage.class, 0);
    sides.put(FLOOR, floor());
    sides.put(POOLED, pooled());
    sides.put(JOOQ, jooq());
    sides.put(HIBERNATE, hibernate());
    sides.put(PREBUILT, prebuilt());
    sides.put(PER_CALL, perCall());
  }

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
    int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
    int rows = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    String name = args.length > 3 ? args[3] : "single-row";
    try (SingleRowComparison bench = new SingleRowComparison(rows)) {
      bench.report(name, bench.measure(calls, warmUp), calls, warmUp).print();
    }
  }

  /**
   * Median ns per call, by operation and side. Each operation is warmed up, sides interleaved as in the timed part,
   * for at least {@code warmUp} calls per side and then in steps of {@value #WARM_UP_STEP} until the JIT is done
   * with what these calls run (it compiled for less than {@value #SETTLED_MS} ms in each of the last
   * {@value #QUIET_STEPS} steps; at most {@value #MAX_WARM_UP} calls). Then the table is put back as it was before
   * the warm-up ({@link #restore}), so that the timed calls do not pay for the rows and index entries the warm-up
   * wrote. What each operation's warm-up took is in {@link #warmUps}.
   */
  Map<Op, Map<String, Double>> measure(int calls, int warmUp) throws Exception {
    List<String> names = new ArrayList<>(sides.keySet());
    List<Side> all = new ArrayList<>(sides.values());
    int n = all.size();
    Map<Op, Map<String, Double>> medians = new LinkedHashMap<>();
    List<Op> order = List.of(Op.READ, Op.UPDATE, Op.LIST, Op.COUNT, Op.CREATE); // create last: see the class doc
    long total = (long) order.size() * (calls + warmUp) * n;
    Progress progress = new Progress("single-row", "calls", total);
    long done = 0;
    Random shuffle = new Random(12);
    int[] turn = new int[n];
    for (int k = 0; k < n; k++) {
      turn[k] = k;
    }
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    for (Op op : order) {
      long[][] nanos = new long[n][calls];
      boolean timing = warmUp == 0;
      int warmed = 0; // the warm-up's calls per side: the timed calls are i = warmed ... warmed + calls - 1
      long stepStart = jit.getTotalCompilationTime();
      int quietSteps = 0;
      for (int i = 0; ; i++) {
        if (!timing && i >= warmUp && (warmUp < WARM_UP_STEP || i % WARM_UP_STEP == 0)) {
          long now = jit.getTotalCompilationTime();
          long step = now - stepStart;
          stepStart = now;
          quietSteps = step < SETTLED_MS ? quietSteps + 1 : 0;
          if (warmUp < WARM_UP_STEP || quietSteps == QUIET_STEPS || i >= MAX_WARM_UP) {
            warmed = i;
            restore();
            stepStart = jit.getTotalCompilationTime();
            timing = true;
          }
        }
        if (timing && i - warmed >= calls) {
          break;
        }
        // a new order every call: each side goes first as often as the others, and follows each of them
        for (int k = n - 1; k > 0; k--) {
          int j = shuffle.nextInt(k + 1);
          int t = turn[k];
          turn[k] = turn[j];
          turn[j] = t;
        }
        for (int k = 0; k < n; k++) {
          int s = turn[k];
          long started = System.nanoTime();
          Object result = call(all.get(s), op, i);
          long took = System.nanoTime() - started;
          if (result == null) {
            throw new IllegalStateException(names.get(s) + " returned nothing for " + op.label);
          }
          if (timing) {
            nanos[s][i - warmed] = took;
          }
        }
        done += n;
        progress.update(Math.min(done, total));
      }
      warmUps.put(op, new WarmUp(warmed, jit.getTotalCompilationTime() - stepStart));
      Map<String, Double> byside = new LinkedHashMap<>();
      for (int s = 0; s < n; s++) {
        long[] sorted = nanos[s].clone();
        Arrays.sort(sorted);
        int m = sorted.length;
        byside.put(names.get(s), m % 2 == 1 ? sorted[m / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2.0);
      }
      medians.put(op, byside);
    }
    progress.finish(total);
    return medians;
  }

  /** Warm-up calls are added in steps of this many per side... */
  static final int WARM_UP_STEP = 1000;
  /** ...until the JIT compiled for less than this many milliseconds (all its threads)... */
  static final long SETTLED_MS = 10;
  /** ...in each of this many steps in a row... */
  static final int QUIET_STEPS = 3;
  /** ...or the warm-up reached this many calls per side. */
  static final int MAX_WARM_UP = 60_000;

  /** How many warm-up calls per side an operation had, and how long the JIT compiled during its timed calls. */
  record WarmUp(int calls, long jitMillisWhileTimed) {}

  /** What {@link #measure} did to warm up each operation. */
  final Map<Op, WarmUp> warmUps = new LinkedHashMap<>();

  /**
   * Puts the table back as the seeding left it, up to the values the warm-up updated: deletes the rows Create's
   * warm-up added, rewrites the table and its indexes without the dead row versions the updates left
   * ({@code VACUUM FULL ANALYZE}), and checkpoints, so that no checkpoint started by the warm-up's writes runs
   * during the timed calls. Autocommit, on the floor's connection.
   */
  private void restore() throws SQLException {
    try (PreparedStatement delete = one.prepareStatement(
        "delete from conversation_messages where session_id = ?")) {
      delete.setObject(1, created);
      delete.executeUpdate();
    }
    try (java.sql.Statement st = one.createStatement()) {
      st.execute("vacuum full analyze conversation_messages");
      st.execute("checkpoint");
    }
  }

  /** One call of {@code op} by {@code side}: the id read or updated and the values written follow {@code i}. */
  Object call(Side side, Op op, int i) throws Exception {
    long id = firstId + (i % rows);
    switch (op) {
      case CREATE:
        return side.create(i);
      case READ:
        return side.read(id);
      case UPDATE:
        return side.update(id, i);
      case LIST:
        return side.list();
      default:
        return side.count();
    }
  }

  /**
   * The table and chart, written as {@code name}.md/.png. The title says on how many processors the JVM ran: under
   * {@code taskset -c 0}, one, which PostgreSQL, started by the JVM, shares.
   */
  Report report(String name, Map<Op, Map<String, Double>> medians, int calls, int warmUp) {
    int cpus = Runtime.getRuntime().availableProcessors();
    Report report = new Report(name, String.format(Locale.ROOT, "Single-row operations, median of %,d calls"
        + " per side after at least %,d warm-up calls (more until the JIT settled: see below), sides interleaved call"
        + " by call; %,d rows per session, 2 sessions; the JVM and PostgreSQL on %s", calls, warmUp, rows,
        cpus == 1 ? "one processor (pinned)" : cpus + " processors"),
        "Single-row operations: median time per call ÷ the JDBC floor",
        "median time ÷ JDBC floor (lower is faster)",
        "operation", "side", "median µs", "ratio to floor");
    for (Op op : Op.values()) {
      Map<String, Double> byside = medians.get(op);
      double floor = byside.get(FLOOR);
      for (Map.Entry<String, Double> e : byside.entrySet()) {
        report.row(op.label, shortName(e.getKey()), e.getValue() / floor, op.label, e.getKey(),
            String.format(Locale.ROOT, "%.1f", e.getValue() / 1e3));
      }
    }
    StringBuilder warm = new StringBuilder("Warm-up calls per side, then the JIT's compile time (all its threads)"
        + " during the timed calls:");
    for (Map.Entry<Op, WarmUp> e : warmUps.entrySet()) {
      warm.append(String.format(Locale.ROOT, " %s %,d, %d ms;", e.getKey().label, e.getValue().calls(),
          e.getValue().jitMillisWhileTimed()));
    }
    warm.setLength(warm.length() - 1);
    report.note(warm + ". The warm-up goes on in steps of " + WARM_UP_STEP + " calls until the JIT compiled for less"
        + " than " + SETTLED_MS + " ms in each of " + QUIET_STEPS + " steps in a row (at most "
        + String.format(Locale.ROOT, "%,d", MAX_WARM_UP) + "); then the table is put back as the seeding left it (the warm-up's created rows deleted,"
        + " VACUUM FULL ANALYZE, CHECKPOINT).");
    return report.textColumns(2).target(1.15, "target ≤ 1.15 (DataFlow)");
  }

  private static String shortName(String side) {
    switch (side) {
      case FLOOR:
        return "JDBC floor";
      case POOLED:
        return "JDBC pooled";
      case JOOQ:
        return "jOOQ";
      case HIBERNATE:
        return "Hibernate";
      case PREBUILT:
        return "DataFlow prebuilt";
      default:
        return "DataFlow per call";
    }
  }

  /** The result as the floor's shape: a row map, a list of them, or a count, so sides can be compared. */
  static Object normalized(Op op, Object result) {
    if (result instanceof HibernateMessage m) {
      return normalized(op, m.toMap());
    }
    if (result instanceof Number count) {
      return count.longValue();
    }
    if (result instanceof List<?> list) {
      List<Object> out = new ArrayList<>();
      for (Object o : list) {
        out.add(normalized(op, o));
      }
      return out;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> map = (Map<String, Object>) result;
    if (map.containsKey("records")) {
      return normalized(op, map.get("records"));
    }
    if (op == Op.COUNT) {
      return ((Number) map.get("count")).longValue();
    }
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : COLUMNS.split(", ")) {
      row.put(column, map.get(column));
    }
    if (op == Op.CREATE) {
      // new ids and timestamps differ by nature; DataFlow's scrubber sets pii_scrubbed, plain JDBC does not
      row.keySet().removeAll(List.of("id", "timestamp", "created_at", "updated_at", "pii_scrubbed"));
    } else if (op == Op.UPDATE) {
      row.remove("updated_at");
    }
    return row;
  }

  private static String intent(int i) {
    return "intent_" + (i % 7);
  }

  private static double confidence(int i) {
    return (i % 10) / 10.0;
  }

  /** The floor: each statement prepared once on the one connection and reused. */
  private Side floor() throws SQLException {
    Map<String, PreparedStatement> prepared = new HashMap<>();
    for (String sql : List.of(INSERT, SELECT, UPDATE, LIST, COUNT)) {
      prepared.put(sql, one.prepareStatement(sql));
    }
    return jdbc(new Statements() {
      @Override
      public <T> T run(String sql, Work<T> work) throws SQLException {
        return work.run(prepared.get(sql));
      }
    });
  }

  /** JDBC on the pool: a connection borrowed and the statement prepared per call. */
  private Side pooled() {
    return jdbc(new Statements() {
      @Override
      public <T> T run(String sql, Work<T> work) throws SQLException {
        try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
          return work.run(ps);
        }
      }
    });
  }

  /** Where a JDBC side gets its statements: the only difference between the floor and pooled JDBC. */
  private interface Statements {
    <T> T run(String sql, Work<T> work) throws SQLException;
  }

  private interface Work<T> {
    T run(PreparedStatement ps) throws SQLException;
  }

  /** The same binds and reads for both JDBC sides. */
  private Side jdbc(Statements statements) {
    return new Side() {
      @Override
      public Object create(int i) throws SQLException {
        return statements.run(INSERT, ps -> {
          ps.setObject(1, created);
          ps.setString(2, MessageRole.user.name());
          ps.setString(3, "message " + i);
          return one(ps);
        });
      }

      @Override
      public Object read(long id) throws SQLException {
        return statements.run(SELECT, ps -> {
          ps.setLong(1, id);
          return one(ps);
        });
      }

      @Override
      public Object update(long id, int i) throws SQLException {
        return statements.run(UPDATE, ps -> {
          ps.setString(1, intent(i));
          ps.setDouble(2, confidence(i));
          ps.setLong(3, id);
          return one(ps);
        });
      }

      @Override
      public Object list() throws SQLException {
        return statements.run(LIST, ps -> {
          ps.setObject(1, listed);
          ps.setString(2, MessageRole.user.name());
          return many(ps);
        });
      }

      @Override
      public Object count() throws SQLException {
        return statements.run(COUNT, ps -> {
          ps.setObject(1, listed);
          return counted(ps);
        });
      }
    };
  }

  private static Map<String, Object> one(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      return rs.next() ? JdbcRows.message(rs) : null;
    }
  }

  private static List<Map<String, Object>> many(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      List<Map<String, Object>> out = new ArrayList<>(20);
      while (rs.next()) {
        out.add(JdbcRows.message(rs));
      }
      return out;
    }
  }

  private static Long counted(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  // jOOQ without generated classes: the table and its columns declared once, as a jOOQ user without codegen does.
  private static final Table<Record> MESSAGES = DSL.table(DSL.name("conversation_messages"));
  private static final Field<Long> ID = DSL.field(DSL.name("id"), SQLDataType.BIGINT);
  private static final Field<UUID> SESSION_ID = DSL.field(DSL.name("session_id"), SQLDataType.UUID);
  private static final Field<String> ROLE = DSL.field(DSL.name("role"), SQLDataType.CLOB);
  private static final Field<String> CONTENT = DSL.field(DSL.name("content"), SQLDataType.CLOB);
  private static final Field<OffsetDateTime> TIMESTAMP = DSL.field(DSL.name("timestamp"),
      SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<String> INTENT = DSL.field(DSL.name("intent"), SQLDataType.VARCHAR(64));
  private static final Field<Double> CONFIDENCE = DSL.field(DSL.name("confidence"), SQLDataType.DOUBLE);
  private static final Field<Boolean> PII_SCRUBBED = DSL.field(DSL.name("pii_scrubbed"), SQLDataType.BOOLEAN);
  private static final Field<OffsetDateTime> CREATED_AT = DSL.field(DSL.name("created_at"),
      SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final Field<OffsetDateTime> UPDATED_AT = DSL.field(DSL.name("updated_at"),
      SQLDataType.TIMESTAMPWITHTIMEZONE);
  private static final List<SelectField<?>> ALL = List.of(ID, SESSION_ID, ROLE, CONTENT, TIMESTAMP, INTENT,
      CONFIDENCE, PII_SCRUBBED, CREATED_AT, UPDATED_AT);

  private static Map<String, Object> message(Record r) {
    Map<String, Object> row = new LinkedHashMap<>(20);
    row.put("id", r.get(ID));
    row.put("session_id", r.get(SESSION_ID));
    row.put("role", MessageRole.valueOf(r.get(ROLE)));
    row.put("content", r.get(CONTENT));
    row.put("timestamp", r.get(TIMESTAMP).toInstant());
    row.put("intent", r.get(INTENT));
    row.put("confidence", r.get(CONFIDENCE));
    row.put("pii_scrubbed", r.get(PII_SCRUBBED));
    row.put("created_at", r.get(CREATED_AT).toInstant());
    row.put("updated_at", r.get(UPDATED_AT).toInstant());
    return row;
  }

  private Side jooq() {
    // as a production jOOQ user would run it: without execute logging (a listener and a logger check per query)
    DSLContext dsl = DSL.using(db.dataSource, SQLDialect.POSTGRES, new Settings().withExecuteLogging(false));
    return new Side() {
      @Override
      public Object create(int i) {
        return message(dsl.insertInto(MESSAGES, SESSION_ID, ROLE, CONTENT)
            .values(created, MessageRole.user.name(), "message " + i).returning(ALL).fetchOne());
      }

      @Override
      public Object read(long id) {
        Record r = dsl.select(ALL).from(MESSAGES).where(ID.eq(id)).fetchOne();
        return r == null ? null : message(r);
      }

      @Override
      public Object update(long id, int i) {
        Record r = dsl.update(MESSAGES).set(INTENT, intent(i)).set(CONFIDENCE, confidence(i))
            .set(UPDATED_AT, DSL.currentOffsetDateTime()).where(ID.eq(id)).returning(ALL).fetchOne();
        return r == null ? null : message(r);
      }

      @Override
      public Object list() {
        return dsl.select(ALL).from(MESSAGES).where(SESSION_ID.eq(listed)).and(ROLE.eq(MessageRole.user.name()))
            .orderBy(TIMESTAMP.desc(), ID).limit(20).fetch(SingleRowComparison::message);
      }

      @Override
      public Object count() {
        return dsl.selectCount().from(MESSAGES).where(SESSION_ID.eq(listed)).fetchOne(0, Long.class);
      }
    };
  }

  private Side hibernate() {
    return new Side() {
      @Override
      public Object create(int i) {
        return hibernate.fromTransaction(s -> {
          HibernateMessage m = new HibernateMessage(created, MessageRole.user, "message " + i);
          s.persist(m);
          return m;
        });
      }

      @Override
      public Object read(long id) {
        return hibernate.fromTransaction(s -> s.find(HibernateMessage.class, id));
      }

      @Override
      public Object update(long id, int i) {
        return hibernate.fromTransaction(s -> {
          HibernateMessage m = s.find(HibernateMessage.class, id);
          m.setIntent(intent(i));
          m.setConfidence(confidence(i));
          return m;
        });
      }

      @Override
      public Object list() {
        return hibernate.fromTransaction(s -> s.createSelectionQuery("from HibernateMessage where sessionId = :s"
                + " and role = :r order by timestamp desc, id", HibernateMessage.class)
            .setParameter("s", listed).setParameter("r", MessageRole.user).setMaxResults(20).getResultList());
      }

      @Override
      public Object count() {
        return hibernate.fromTransaction(s -> s.createSelectionQuery(
                "select count(*) from HibernateMessage where sessionId = :s", Long.class)
            .setParameter("s", listed).getSingleResult());
      }
    };
  }

  private Side prebuilt() {
    Workflow create = new WorkflowBuilder().addNode("create", ConversationMessageCreateNode.params()
        .sessionId(created).role(MessageRole.user).content("message")).build();
    Workflow read = new WorkflowBuilder().addNode("read", ConversationMessageReadNode.params().id(firstId)).build();
    Workflow update = new WorkflowBuilder().addNode("update", ConversationMessageUpdateNode.params().id(firstId)
        .intent("intent").confidence(0.0)).build();
    Workflow list = new WorkflowBuilder().addNode("list", ConversationMessageListNode.params()
        .filters(Map.of("session_id", listed, "role", MessageRole.user.name())).orderBy("-timestamp").limit(20))
        .build();
    Workflow count = new WorkflowBuilder().addNode("count", ConversationMessageCountNode.params()
        .filters(Map.of("session_id", listed))).build();
    return new Side() {
      @Override
      public Object create(int i) {
        return db.runtime.execute(create, Map.of("create", Map.of("content", "message " + i))).get("create");
      }

      @Override
      public Object read(long id) {
        return db.runtime.execute(read, Map.of("read", Map.of("id", id))).get("read");
      }

      @Override
      public Object update(long id, int i) {
        return db.runtime.execute(update, Map.of("update", Map.of("id", id,
            "fields", Map.of("intent", intent(i), "confidence", confidence(i))))).get("update");
      }

      @Override
      public Object list() {
        return db.runtime.execute(list).get("list");
      }

      @Override
      public Object count() {
        return db.runtime.execute(count).get("count");
      }
    };
  }

  private Side perCall() {
    return new Side() {
      @Override
      public Object create(int i) {
        return db.runtime.execute(new WorkflowBuilder().addNode("ConversationMessageCreateNode", "create",
            Map.of("session_id", created, "role", "user", "content", "message " + i)).build()).get("create");
      }

      @Override
      public Object read(long id) {
        return db.runtime.execute(new WorkflowBuilder().addNode("ConversationMessageReadNode", "read",
            Map.of("id", id)).build()).get("read");
      }

      @Override
      public Object update(long id, int i) {
        return db.runtime.execute(new WorkflowBuilder().addNode("ConversationMessageUpdateNode", "update",
            Map.of("id", id, "fields", Map.of("intent", intent(i), "confidence", confidence(i)))).build())
            .get("update");
      }

      @Override
      public Object list() {
        return db.runtime.execute(new WorkflowBuilder().addNode("ConversationMessageListNode", "list",
            Map.of("filters", Map.of("session_id", listed, "role", "user"), "order_by", List.of("-timestamp"),
                "limit", 20)).build()).get("list");
      }

      @Override
      public Object count() {
        return db.runtime.execute(new WorkflowBuilder().addNode("ConversationMessageCountNode", "count",
            Map.of("filters", Map.of("session_id", listed))).build()).get("count");
      }
    };
  }

  @Override
  public void close() throws SQLException {
    try {
      hibernate.close(); // the floor's connection is the pool's: closing the pool closes it
    } finally {
      db.close();
    }
  }
}
