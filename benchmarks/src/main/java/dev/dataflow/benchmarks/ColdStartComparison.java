package dev.dataflow.benchmarks;

import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.WorkflowBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * What a short-lived process sees: the first 100 calls of Create, Read and List in a fresh JVM, each its own one-node
 * workflow built per call with a string type and a map of parameters (the seed's style), against the same calls in
 * hand-written JDBC on the same pool. Each side runs in its own fresh JVM (a child process started from this jar),
 * sides alternating, several times; the database start and the schema are outside the timed part. The table has, for
 * each node kind, its first call and its first 100 calls, and the 100 iterations of all three together.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.ColdStartComparison [processes per side]
 * </pre>
 */
public final class ColdStartComparison {
  private static final int CALLS = 100;
  /** The node kinds in the order each iteration calls them. */
  private static final List<String> KINDS = List.of("Create", "Read", "List");
  private static final String ALL = "all three";

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("dataflow") || args[0].equals("jdbc"))) {
      child(args[0]);
      return;
    }
    int processes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    // side -> what (e.g. "Create first", "Create 100", "all three 100") -> one figure per process
    Map<String, Map<String, List<Double>>> millis = new LinkedHashMap<>();
    for (int i = 0; i < processes; i++) {
      for (String side : i % 2 == 0 ? List.of("jdbc", "dataflow") : List.of("dataflow", "jdbc")) {
        runChild(side).forEach((what, ms) -> millis.computeIfAbsent(side, k -> new LinkedHashMap<>())
            .computeIfAbsent(what, k -> new ArrayList<>()).add(ms));
        System.err.printf(Locale.ROOT, "%s process %d done%n", side, i + 1);
      }
    }
    String jdbcSide = "JDBC (PreparedStatement per call, pooled connection)";
    String dataflowSide = "DataFlow (one-node workflow built per call)";
    Report report = new Report("cold-start", String.format(Locale.ROOT, "The first calls of each node kind in a fresh"
        + " JVM, %d iterations of (Create, Read, List), medians of %d processes a side", CALLS, processes),
        "First calls in a fresh JVM: time ÷ JDBC's", "time ÷ JDBC's (lower is faster)",
        "calls", "side", "ms", "ratio to JDBC").textColumns(2);
    List<String> order = new ArrayList<>();
    for (String kind : KINDS) {
      order.add(kind + " first");
    }
    for (String kind : KINDS) {
      order.add(kind + " " + CALLS);
    }
    order.add(ALL + " " + CALLS);
    for (String what : order) {
      double jdbc = Medians.of(millis.get("jdbc").get(what));
      double dataflow = Medians.of(millis.get("dataflow").get(what));
      String label = label(what);
      report.row(label, jdbcSide, 1.0, label, jdbcSide, String.format(Locale.ROOT, "%.1f", jdbc));
      report.row(label, dataflowSide, dataflow / jdbc, label, dataflowSide, String.format(Locale.ROOT, "%.1f",
          dataflow));
    }
    String all = ALL + " " + CALLS;
    report.target(2.0, "target ≤ 2")
        .note("The first call of a kind is part of its first " + CALLS + "; the iterations call Create, then Read of"
            + " the row it made, then List of the session's newest 20, so each kind's calls run among the other"
            + " kinds'. All three, each process in the order they ran: JDBC " + spread(millis.get("jdbc").get(all))
            + "; DataFlow " + spread(millis.get("dataflow").get(all)) + " (ms).")
        .print();
  }

  /** "Create first" reads "Create, first call"; "Create 100" reads "Create, first 100 calls". */
  private static String label(String what) {
    int space = what.lastIndexOf(' ');
    String kind = what.substring(0, space);
    return what.endsWith(" first") ? kind + ", first call" : kind + ", first " + CALLS + " calls";
  }

  private static String spread(List<Double> millis) {
    return millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList().toString();
  }

  /** Starts this class in a fresh JVM for one side and reads the milliseconds it prints ({@code TIME what ms}). */
  private static Map<String, Double> runChild(String side) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ColdStartComparison.class.getName(), side).redirectErrorStream(true).start();
    Map<String, Double> times = new LinkedHashMap<>();
    for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
      if (line.startsWith("TIME ")) {
        int last = line.lastIndexOf(' ');
        times.put(line.substring("TIME ".length(), last), Double.parseDouble(line.substring(last + 1).trim()));
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || !times.containsKey(ALL + " " + CALLS)) {
      throw new IllegalStateException("the " + side + " process failed (exit " + p.exitValue() + ")");
    }
    return times;
  }

  /**
   * One side in this fresh JVM: start the database (not timed), then time {@value #CALLS} × (Create, Read, List), each
   * call on its own, and print {@code TIME <kind> first ms}, {@code TIME <kind> 100 ms} and {@code TIME all three 100
   * ms}.
   */
  private static void child(String side) throws Exception {
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("cold-start");
      boolean dataflow = side.equals("dataflow");
      long[] first = new long[KINDS.size()];
      long[] total = new long[KINDS.size()];
      long started = System.nanoTime();
      for (int i = 0; i < CALLS; i++) {
        long t0 = System.nanoTime();
        Object id;
        if (dataflow) {
          id = db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageCreateNode", "create", Map.of("session_id", session, "role", "user",
                  "content", "message " + i)).build()).get("create").get("id");
        } else {
          id = jdbcCreate(db, session, i);
        }
        long t1 = System.nanoTime();
        if (dataflow) {
          db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageReadNode", "read", Map.of("id", id)).build());
        } else {
          jdbcRead(db, (Long) id);
        }
        long t2 = System.nanoTime();
        if (dataflow) {
          db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageListNode", "list", Map.of("filters", Map.of("session_id", session),
                  "order_by", List.of("-timestamp"), "limit", 20)).build());
        } else {
          jdbcList(db, session);
        }
        long t3 = System.nanoTime();
        long[] took = {t1 - t0, t2 - t1, t3 - t2};
        for (int k = 0; k < took.length; k++) {
          if (i == 0) {
            first[k] = took[k];
          }
          total[k] += took[k];
        }
      }
      long end = System.nanoTime();
      for (int k = 0; k < KINDS.size(); k++) {
        System.out.printf(Locale.ROOT, "TIME %s first %.3f%n", KINDS.get(k), first[k] / 1e6);
        System.out.printf(Locale.ROOT, "TIME %s %d %.3f%n", KINDS.get(k), CALLS, total[k] / 1e6);
      }
      System.out.printf(Locale.ROOT, "TIME %s %d %.3f%n", ALL, CALLS, (end - started) / 1e6);
    }
  }

  private static long jdbcCreate(BenchmarkDatabase db, UUID session, int i) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "insert into conversation_messages (session_id, role, content) values (?, ?, ?) returning *")) {
      ps.setObject(1, session);
      ps.setString(2, MessageRole.user.name());
      ps.setString(3, "message " + i);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JdbcRows.message(rs);
        return rs.getLong("id");
      }
    }
  }

  private static void jdbcRead(BenchmarkDatabase db, long id) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select * from conversation_messages where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        JdbcRows.message(rs);
      }
    }
  }

  private static void jdbcList(BenchmarkDatabase db, UUID session) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
        "select * from conversation_messages where session_id = ? order by timestamp desc, id limit 20")) {
      ps.setObject(1, session);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          JdbcRows.message(rs);
        }
      }
    }
  }
}
