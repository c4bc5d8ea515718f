package dev.dataflow.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark once, at a tiny size, so that they keep compiling and working (a schema change broke the
 * benchmarks' TRUNCATE once without anyone noticing). Nothing here is timed: each JMH benchmark's DataFlow method
 * and its JDBC twin run once and must agree, every side of SingleRowComparison (jOOQ and Hibernate among them) must
 * return what its JDBC floor returns, and each side-by-side runner must print its table and write it with its chart.
 * PgBouncerCheck needs the pgbouncer binary and is left to {@code benchmarks/pgbouncer/check.sh}.
 */
class BenchmarkSmokeTest {

  @Test
  void createWritesTheSameRowBothWays() throws Exception {
    CreateBenchmark b = new CreateBenchmark();
    b.start();
    try {
      b.emptyTable();
      Map<String, Object> dataflow = b.dataflow();
      Map<String, Object> jdbc = b.jdbc();
      // The twin is plain JDBC: it does not run the scrubber, so it leaves pii_scrubbed false.
      assertEquals(true, dataflow.get("pii_scrubbed"));
      assertEquals(without(dataflow, "id", "created_at", "updated_at", "timestamp", "pii_scrubbed"),
          without(jdbc, "id", "created_at", "updated_at", "timestamp", "pii_scrubbed"));
    } finally {
      b.stop();
    }
  }

  @Test
  void readListAndIncrementReturnWhatTheirJdbcTwinsReturn() throws Exception {
    ReadBenchmark read = new ReadBenchmark();
    read.start();
    try {
      Map<String, Object> jdbc = read.jdbc();
      assertEquals(jdbc, without(read.dataflow(), "found"));
      assertEquals(jdbc, without(read.dataflowOverride(), "found"));
      assertEquals(jdbc, without(read.dataflowBuildEach(), "found"));
    } finally {
      read.stop();
    }
    ListBenchmark list = new ListBenchmark();
    list.start();
    try {
      assertEquals(list.jdbc(), list.dataflow().get("records"));
    } finally {
      list.stop();
    }
    IncrementBenchmark increment = new IncrementBenchmark();
    increment.start();
    try {
      long before = ((Number) increment.dataflow().get("total_messages")).longValue();
      long after = ((Number) increment.jdbc().get("total_messages")).longValue();
      assertEquals(before + 1, after);
    } finally {
      increment.stop();
    }
  }

  @Test
  void theEngineRunsAChainOfTenNodesWithoutADatabase() {
    RuntimeOverheadBenchmark b = new RuntimeOverheadBenchmark();
    b.start();
    try {
      assertEquals(1, b.oneNode().get("n0").get("value"));
      assertEquals(1, b.tenNodes().get("n9").get("value"), "the value went through all ten connections");
      assertEquals(1, b.tenNodesNoLogging().get("n9").get("value"));
    } finally {
      b.stop();
    }
  }

  @Test
  void bulkCreateInsertsAllRowsBothWays() throws Exception {
    BulkCreateBenchmark b = new BulkCreateBenchmark();
    b.start();
    try {
      b.emptyTable();
      assertEquals(BulkCreateBenchmark.ROWS, b.dataflow().get("inserted"));
      assertEquals(BulkCreateBenchmark.ROWS, b.jdbc().size());
    } finally {
      b.stop();
    }
  }

  @Test
  void everySingleRowSideReturnsWhatTheFloorReturns(@TempDir Path results) throws Exception {
    try (SingleRowComparison bench = new SingleRowComparison(60)) {
      assertEquals(6, bench.sides.size());
      for (SingleRowComparison.Op op : SingleRowComparison.Op.values()) {
        for (int i = 0; i < 3; i++) {
          Object floor = SingleRowComparison.normalized(op,
              bench.call(bench.sides.get(SingleRowComparison.FLOOR), op, i));
          assertNotNull(floor, op.label);
          for (Map.Entry<String, SingleRowComparison.Side> side : bench.sides.entrySet()) {
            assertEquals(floor, SingleRowComparison.normalized(op, bench.call(side.getValue(), op, i)),
                side.getKey() + ", " + op.label + ", call " + i);
          }
        }
      }
      // the figures themselves at a tiny size: the table printed, and written with its chart
      String table = inResults(results, () -> printed(() -> bench.report("single-row", bench.measure(10, 3), 10, 3).print()));
      assertTrue(table.contains("| Count, 1 filter | " + SingleRowComparison.HIBERNATE + " | "), table);
      assertTrue(table.contains("| Create | " + SingleRowComparison.PER_CALL + " | "), table);
      assertWritten(results, "single-row");
    }
  }

  @Test
  void theSideBySideRunnersPrintTheirTables(@TempDir Path results) throws Exception {
    String bulk = inResults(results, () -> printed(() -> BulkLoadComparison.main(new String[] {"1000", "1"})));
    assertTrue(bulk.contains("| DataFlow BulkCreate (ids returned) |"), bulk);
    assertTrue(bulk.contains("| " + BulkLoadComparison.HIBERNATE + " |"), bulk);
    assertWritten(results, "bulk-load");
    // every side fed row by row from records made as read; each side's count is checked by the runner itself
    String streamed = inResults(results,
        () -> printed(() -> BulkLoadComparison.main(new String[] {"2000", "1", "--stream"})));
    assertTrue(streamed.contains("2,000 rows made as each side reads them"), streamed);
    for (String side : new String[] {BulkLoadComparison.COPY, BulkLoadComparison.DATAFLOW,
        BulkLoadComparison.DATAFLOW_NO_IDS, BulkLoadComparison.BATCHED, BulkLoadComparison.HIBERNATE}) {
      assertTrue(streamed.contains("| " + side + " |"), streamed);
    }
    assertWritten(results, "bulk-load-stream");
    String update = inResults(results, () -> printed(() -> BulkUpdateComparison.main(new String[] {"300", "1"})));
    assertWritten(results, "bulk-update");
    assertTrue(update.contains("| DataFlow BulkUpdate by records |"), update);
    // ColdStartComparison's sides, in this JVM (the comparison itself starts a fresh JVM for each)
    // (its table and chart are ColdStartComparison.main's last lines, the same Report as the runners above)
    String dataflow = printed(() -> ColdStartComparison.main(new String[] {"dataflow"}));
    for (String kind : List.of("Create", "Read", "List")) {
      assertTrue(dataflow.contains("TIME " + kind + " first ") && dataflow.contains("TIME " + kind + " 100 "), dataflow);
    }
    assertTrue(dataflow.contains("TIME all three 100 "), dataflow);
    assertTrue(printed(() -> ColdStartComparison.main(new String[] {"jdbc"})).contains("TIME all three 100 "));
    String replicas = printed(() -> ReplicaReadComparison.main(new String[] {"1", "2", "1"}));
    assertTrue(replicas.contains("| 2 | "), replicas);
    String partitions = printed(() -> PartitionRetentionRun.main(new String[] {"3000"}));
    assertNotNull(partitions);
    assertTrue(partitions.toLowerCase(java.util.Locale.ROOT).contains("partition"), partitions);
  }

  @Test
  void ratioReportRendersAJmhResult() throws Exception {
    String json = """
        [{"benchmark": "dev.dataflow.benchmarks.ReadBenchmark.dataflow",
          "primaryMetric": {"score": 110.0, "scoreError": 2.0, "scoreUnit": "us/op",
                            "scorePercentiles": {"50.0": 108.0}}},
         {"benchmark": "dev.dataflow.benchmarks.ReadBenchmark.jdbc",
          "primaryMetric": {"score": 100.0, "scoreError": 1.0, "scoreUnit": "us/op",
                            "scorePercentiles": {"50.0": 100.0}}}]
        """;
    String table = RatioReport.render(new ObjectMapper().readTree(json));
    assertTrue(table.contains("1.10"), table);
    assertTrue(table.contains("1.08"), table);
  }

  private static Map<String, Object> without(Map<String, Object> row, String... keys) {
    Map<String, Object> copy = new java.util.LinkedHashMap<>(row);
    for (String key : keys) {
      copy.remove(key);
    }
    return copy;
  }

  private interface Run {
    void run() throws Exception;
  }

  private interface Call<T> {
    T call() throws Exception;
  }

  /** Runs {@code call} with the runners' results directory set to {@code dir}. */
  private static <T> T inResults(Path dir, Call<T> call) throws Exception {
    String before = System.getProperty(Report.RESULTS_PROPERTY);
    System.setProperty(Report.RESULTS_PROPERTY, dir.toString());
    try {
      return call.call();
    } finally {
      if (before == null) {
        System.clearProperty(Report.RESULTS_PROPERTY);
      } else {
        System.setProperty(Report.RESULTS_PROPERTY, before);
      }
    }
  }

  /** The runner wrote its markdown table and a PNG chart (checked by its signature). */
  private static void assertWritten(Path dir, String name) throws Exception {
    String markdown = Files.readString(dir.resolve(name + ".md"));
    assertTrue(markdown.contains("|---|"), markdown);
    assertTrue(markdown.contains("(" + name + ".png)"), markdown);
    byte[] png = Files.readAllBytes(dir.resolve(name + ".png"));
    assertTrue(png.length > 1000, name + ".png has " + png.length + " bytes");
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4), name + ".png");
  }

  /** What {@code run} prints on System.out. */
  @Test
  void bulkUpsertComparisonPrintsItsTable() throws Exception {
    String upsert = printed(() -> BulkUpsertComparison.main(new String[] {"400", "1"}));
    assertTrue(upsert.contains("| DataFlow BulkCreate, on_conflict update |"), upsert);
  }

  private static String printed(Run run) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      run.run();
    } finally {
      System.setOut(original);
    }
    String text = out.toString(StandardCharsets.UTF_8);
    original.print(text);
    return text;
  }
}
