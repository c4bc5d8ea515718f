package dev.dataflow.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark once, at a tiny size, so that they keep compiling and working (a schema change broke the
 * benchmarks' TRUNCATE once without anyone noticing). Nothing here is timed: each JMH benchmark's DataFlow method
 * and its JDBC twin run once and must agree, and each side-by-side runner must print its table. PgBouncerCheck needs
 * the pgbouncer binary and is left to {@code benchmarks/pgbouncer/check.sh}.
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
  void theSideBySideRunnersPrintTheirTables() throws Exception {
    String bulk = printed(() -> BulkLoadComparison.main(new String[] {"300", "1"}));
    assertTrue(bulk.contains("| DataFlow BulkCreate (ids returned) |"), bulk);
    String streamed = printed(() -> BulkLoadComparison.main(new String[] {"2000", "1", "--stream"}));
    assertTrue(streamed.contains("streamed 2,000 rows (inserted 2000)"), streamed);
    String update = printed(() -> BulkUpdateComparison.main(new String[] {"300", "1"}));
    assertTrue(update.contains("| DataFlow BulkUpdate by records |"), update);
    // ColdStartComparison's sides, in this JVM (the comparison itself starts a fresh JVM for each)
    assertTrue(printed(() -> ColdStartComparison.main(new String[] {"dataflow"})).contains("TIMED "));
    assertTrue(printed(() -> ColdStartComparison.main(new String[] {"jdbc"})).contains("TIMED "));
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
