package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.node.InvalidParameterException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code $inc} and {@code $set} in Update and BulkUpdate {@code fields}, applied by the database. */
class AtomicUpdatesTest {
  private static DataFlow db;
  private static LocalRuntime runtime;

  @BeforeAll
  static void start() {
    // Eight connections for 32 threads: the increments queue for connections and for the row lock.
    db = TestDataFlow.fresh(8);
    runtime = new LocalRuntime(db);
  }

  @AfterAll
  static void stop() {
    db.close();
  }

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE counters, all_types RESTART IDENTITY");
  }

  private static Map<String, Object> run(String type, Map<String, ?> params) {
    return runtime.execute(new WorkflowBuilder().addNode(type, "n", params).build()).get("n");
  }

  private static long counter(String name) {
    return (Long) run("CounterCreateNode", Map.of("name", name)).get("id");
  }

  private static Map<String, Object> read(long id) {
    return run("CounterReadNode", Map.of("id", id));
  }

  @Test
  void concurrentIncrementsNeverLoseACount() throws Exception {
    long id = counter("busy");
    int threads = 32;
    int perThread = 1_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<Void>> tasks = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        tasks.add(() -> {
          var workflow = new WorkflowBuilder()
              .addNode("CounterUpdateNode", "inc", Map.of("id", id, "fields", Map.of("hits", Map.of("$inc", 1))))
              .build();
          for (int i = 0; i < perThread; i++) {
            runtime.execute(workflow);
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(tasks, 120, TimeUnit.SECONDS)) {
        f.get(); // rethrows a failure, or CancellationException on the timeout
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * perThread, read(id).get("hits"));
  }

  @Test
  void incrementByIdReturnsTheNewValueAndBumpsUpdatedAt() throws Exception {
    long id = counter("a");
    Instant created = (Instant) read(id).get("updated_at");
    Thread.sleep(5);
    Map<String, Object> out = run("CounterUpdateNode", Map.of("id", id,
        "fields", Map.of("hits", Map.of("$inc", 5), "total", Map.of("$inc", -3), "label", "five")));
    assertEquals(true, out.get("updated"));
    assertEquals(5, out.get("hits"));
    assertEquals(-3L, out.get("total"), "a negative amount subtracts");
    assertEquals("five", out.get("label"));
    assertTrue(((Instant) out.get("updated_at")).isAfter(created));
    out = run("CounterUpdateNode", Map.of("id", id, "fields", Map.of("hits", Map.of("$inc", "2"))));
    assertEquals(7, out.get("hits"), "the amount is converted to the column's type");
  }

  @Test
  void incrementOfNullStartsFromZeroAndDecimalsStayExact() {
    long id = counter("a");
    Map<String, Object> out = run("CounterUpdateNode", Map.of("id", id,
        "fields", Map.of("bonus", Map.of("$inc", 4), "amount", Map.of("$inc", new BigDecimal("0.10")))));
    assertEquals(4, out.get("bonus"));
    out = run("CounterUpdateNode", Map.of("id", id, "fields", Map.of("amount", Map.of("$inc", 0.2))));
    assertEquals(new BigDecimal("0.30"), out.get("amount"));
  }

  @Test
  void incrementByFiltersChangesEveryMatchingRow() {
    long a = counter("a");
    long b = counter("b");
    long c = counter("c");
    run("CounterUpdateNode", Map.of("id", c, "fields", Map.of("label", "skip")));
    Map<String, Object> out = run("CounterUpdateNode", Map.of("filters", Map.of("label", Map.of("$null", true)),
        "fields", Map.of("hits", Map.of("$inc", 10), "total", Map.of("$inc", 1))));
    assertEquals(Map.of("updated", 2), out);
    assertEquals(10, read(a).get("hits"));
    assertEquals(10, read(b).get("hits"));
    assertEquals(0, read(c).get("hits"));
    assertEquals(1L, read(b).get("total"));
  }

  @Test
  void bulkUpdateIncrementsByFiltersAndByRecords() {
    long a = counter("a");
    long b = counter("b");
    Map<String, Object> out = run("CounterBulkUpdateNode", Map.of("filters", Map.of("name", Map.of("$in",
        List.of("a", "b"))), "fields", Map.of("hits", Map.of("$inc", 3))));
    assertEquals(Map.of("updated", 2), out);
    out = run("CounterBulkUpdateNode", Map.of("records", List.of(
        Map.of("id", a, "hits", Map.of("$inc", 1)),
        Map.of("id", b, "hits", Map.of("$inc", -1), "label", Map.of("$set", "down")),
        Map.of("id", a, "hits", Map.of("$inc", 1)))));
    assertEquals(Map.of("updated", 3), out);
    assertEquals(5, read(a).get("hits"));
    assertEquals(2, read(b).get("hits"));
    assertEquals("down", read(b).get("label"));
  }

  @Test
  void explicitSetIsTheSameAsABareValue() {
    long id = counter("a");
    Map<String, Object> out = run("CounterUpdateNode", Map.of("id", id,
        "fields", Map.of("hits", Map.of("$set", 9), "label", Map.of("$set", "nine"))));
    assertEquals(9, out.get("hits"));
    assertEquals("nine", out.get("label"));
    out = run("CounterUpdateNode", Map.of("id", id, "fields", Map.of("label", Map.of("$set", "x"), "bonus",
        new java.util.HashMap<>(Map.of("$set", 1)))));
    assertEquals("x", out.get("label"));
    assertEquals(1, out.get("bonus"));
  }

  @Test
  void everyColumnGivenWithSetStillUpdatesTheWholeRow() {
    long id = counter("a");
    Map<String, Object> fields = new java.util.LinkedHashMap<>();
    fields.put("name", Map.of("$set", "renamed"));
    fields.put("hits", 1);
    fields.put("total", Map.of("$set", 2L));
    fields.put("bonus", null);
    fields.put("amount", new BigDecimal("1.50"));
    fields.put("label", Map.of("$set", "l"));
    Map<String, Object> out = run("CounterUpdateNode", Map.of("id", id, "fields", fields));
    assertEquals("renamed", out.get("name"));
    assertEquals(2L, out.get("total"));
    assertEquals(new BigDecimal("1.50"), out.get("amount"));
  }

  @Test
  void jsonColumnsTakeMapsAsDocumentsUnlessTheOnlyKeyIsSet() {
    long id = (Long) run("AllTypesCreateNode", Map.of("text", "t", "score", 1.0)).get("id");
    Map<String, Object> out = run("AllTypesUpdateNode", Map.of("id", id,
        "fields", Map.of("attributes", Map.of("$inc", 1), "tags", Map.of("$set", List.of("x")))));
    assertEquals(Map.of("$inc", 1), out.get("attributes"), "a map on a JSONB column is a document");
    assertEquals(List.of("x"), out.get("tags"));
    out = run("AllTypesUpdateNode", Map.of("id", id,
        "fields", Map.of("attributes", Map.of("$set", Map.of("$set", 2)))));
    assertEquals(Map.of("$set", 2), out.get("attributes"), "$set wraps a document that itself looks like $set");
  }

  @Test
  void incrementOfATextColumnIsRefusedBeforeItRuns() {
    counter("a");
    var e = assertThrows(dev.dataflow.runtime.WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("CounterUpdateNode", "n", Map.of("id", 1, "fields", Map.of("label", Map.of("$inc", 1)))).build());
    assertEquals("fields.label.$inc", e.problems().get(0).parameter());
    assertTrue(e.problems().get(0).message().contains("numeric"), e.problems().get(0).message());
  }

  @Test
  void incrementOfATextColumnFromAConnectionFailsAtRunTime() {
    long id = counter("a");
    // The whole fields map arrives from another node (a JSON column), so only the run can check it.
    run("AllTypesCreateNode", Map.of("text", "t", "score", 1.0, "attributes", Map.of("label", Map.of("$inc", 1))));
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder()
            .addNode("AllTypesReadNode", "src", Map.of("id", 1))
            .addNode("CounterUpdateNode", "n", Map.of("id", id))
            .addConnection("src", "attributes", "n", "fields")
            .build()));
    InvalidParameterException cause = assertInstanceOf(InvalidParameterException.class, e.getCause());
    assertEquals("fields.label.$inc", cause.parameter());
    assertTrue(cause.getMessage().contains("needs a numeric column; column 'label' is TEXT"), cause.getMessage());
    assertEquals(null, read(id).get("label"));
  }

  @Test
  void anUnknownOperatorNamesThePathAndTheOperators() {
    var e = assertThrows(dev.dataflow.runtime.WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("CounterUpdateNode", "n", Map.of("id", 1, "fields", Map.of("hits", Map.of("$incr", 1)))).build());
    assertEquals("fields.hits.$incr", e.problems().get(0).parameter());
    String message = e.problems().get(0).message();
    assertTrue(message.contains("[$set, $inc]") && message.contains("Did you mean '$inc'?"), message);
  }

  @Test
  void anIncrementThatDoesNotFitTheColumnIsRefused() {
    var e = assertThrows(dev.dataflow.runtime.WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("CounterBulkUpdateNode", "n", Map.of("records", List.of(
            Map.of("id", 1, "hits", Map.of("$inc", 1.5))))).build());
    assertEquals("records.0.hits.$inc", e.problems().get(0).parameter());
  }
}
