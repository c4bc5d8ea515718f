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
 * sides alternating, several times; the database start and the schema are outside the timed part.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.ColdStartComparison [processes per side]
 * </pre>
 */
public final class ColdStartComparison {
  private static final int CALLS = 100;

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && (args[0].equals("dataflow") || args[0].equals("jdbc"))) {
      child(args[0]);
      return;
    }
    int processes = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    Map<String, List<Double>> millis = new LinkedHashMap<>();
    for (int i = 0; i < processes; i++) {
      for (String side : i % 2 == 0 ? List.of("jdbc", "dataflow") : List.of("dataflow", "jdbc")) {
        millis.computeIfAbsent(side, k -> new ArrayList<>()).add(runChild(side));
        System.err.printf(Locale.ROOT, "%s process %d done%n", side, i + 1);
      }
    }
    double jdbc = Medians.of(millis.get("jdbc"));
    double dataflow = Medians.of(millis.get("dataflow"));
    String jdbcSide = "JDBC (PreparedStatement per call, pooled connection)";
    String dataflowSide = "DataFlow (one-node workflow built per call)";
    String group = String.format(Locale.ROOT, "first %d × (Create, Read, List)", CALLS);
    new Report("cold-start", String.format(Locale.ROOT, "first %d × (Create, Read, List) in a fresh JVM, median of %d"
        + " processes each", CALLS, processes), "First calls in a fresh JVM: time ÷ JDBC's",
        "time ÷ JDBC's (lower is faster)", "side", "ms", "ratio to JDBC")
        .row(group, jdbcSide, 1.0, jdbcSide, String.format(Locale.ROOT, "%.0f", jdbc))
        .row(group, dataflowSide, dataflow / jdbc, dataflowSide, String.format(Locale.ROOT, "%.0f", dataflow))
        .target(2.0, "target ≤ 2")
        .note("Each process, in the order they ran: JDBC " + spread(millis.get("jdbc")) + "; DataFlow "
            + spread(millis.get("dataflow")) + " (ms).")
        .print();
  }

  private static String spread(List<Double> millis) {
    return millis.stream().map(m -> String.format(Locale.ROOT, "%.0f", m)).toList().toString();
  }

  /** Starts this class in a fresh JVM for one side and reads the milliseconds it prints last. */
  private static double runChild(String side) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        ColdStartComparison.class.getName(), side).redirectErrorStream(true).start();
    String last = null;
    for (String line : new String(p.getInputStream().readAllBytes()).split("\n")) {
      if (line.startsWith("TIMED ")) {
        last = line.substring("TIMED ".length()).trim();
      }
    }
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0 || last == null) {
      throw new IllegalStateException("the " + side + " process failed (exit " + p.exitValue() + ")");
    }
    return Double.parseDouble(last);
  }

  /** One side in this fresh JVM: start the database (not timed), then time 100 × (Create, Read, List). */
  private static void child(String side) throws Exception {
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("cold-start");
      long started = System.nanoTime();
      long firstDone = 0;
      for (int i = 0; i < CALLS; i++) {
        if (i == 1) {
          firstDone = System.nanoTime();
        }
        if (side.equals("dataflow")) {
          Map<String, Object> created = db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageCreateNode", "create", Map.of("session_id", session, "role", "user",
                  "content", "message " + i)).build()).get("create");
          db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageReadNode", "read", Map.of("id", created.get("id"))).build());
          db.runtime.execute(new WorkflowBuilder()
              .addNode("ConversationMessageListNode", "list", Map.of("filters", Map.of("session_id", session),
                  "order_by", List.of("-timestamp"), "limit", 20)).build());
        } else {
          long id = jdbcCreate(db, session, i);
          jdbcRead(db, id);
          jdbcList(db, session);
        }
      }
      long end = System.nanoTime();
      System.out.printf(Locale.ROOT, "FIRST %.1f%n", (firstDone - started) / 1e6);
      System.out.printf(Locale.ROOT, "TIMED %.1f%n", (end - started) / 1e6);
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
