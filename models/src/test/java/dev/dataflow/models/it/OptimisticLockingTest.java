package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.LedgerUpdateNode;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.RecordConflictException;
import dev.dataflow.runtime.RecordNotFoundException;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.ConflictException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Version}: updates check and bump it; a stale version is a typed conflict that writes nothing. */
class OptimisticLockingTest extends DatabaseTest {
  private long alice;
  private long bob;

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE ledgers, counters RESTART IDENTITY");
    alice = (Long) run("LedgerCreateNode", Map.of("owner", "alice", "balance", 10)).get("id");
    bob = (Long) run("LedgerCreateNode", Map.of("owner", "bob", "balance", 20)).get("id");
  }

  private static Map<String, Object> read(long id) {
    return run("LedgerReadNode", Map.of("id", id));
  }

  private static Map<String, Object> update(long id, Object version, Map<String, ?> fields) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("id", id);
    params.put("version", version);
    params.put("fields", fields);
    return run("LedgerUpdateNode", params);
  }

  private static List<WorkflowValidationException.Problem> problems(String type, Map<String, ?> params) {
    return assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder().addNode(type, "n", params).build()).problems();
  }

  @Test
  void aCreatedRowIsAtVersionOne() {
    assertEquals(1, read(alice).get("version"));
    assertEquals(1, read(bob).get("version"));
  }

  @Test
  void anUpdateWithTheVersionReadChangesTheRowAndBumpsTheVersion() {
    Map<String, Object> out = update(alice, 1, Map.of("balance", 15, "note", "paid"));
    assertEquals(true, out.get("updated"));
    assertEquals(2, out.get("version"));
    assertEquals(15L, out.get("balance"));
    assertEquals("paid", out.get("note"));
    Map<String, Object> row = read(alice);
    assertEquals(2, row.get("version"));
    assertEquals(15L, row.get("balance"));
    assertEquals(1, read(bob).get("version"), "the other row is untouched");
  }

  @Test
  void theTypedParamsTakeTheVersion() {
    Map<String, Object> out = runtime.execute(new WorkflowBuilder()
        .addNode("n", LedgerUpdateNode.params().id(alice).version(1).note("typed"))
        .build()).get("n");
    assertEquals(2, out.get("version"));
    assertEquals("typed", out.get("note"));
  }

  @Test
  void aStaleVersionIsAConflictAndWritesNothing() {
    update(alice, 1, Map.of("balance", 15));
    List<String> before = Tables.snapshot(db, "ledgers");
    RecordConflictException e = assertThrows(RecordConflictException.class,
        () -> update(alice, 1, Map.of("balance", 99, "note", "lost update")));
    assertEquals(before, Tables.snapshot(db, "ledgers"));
    assertInstanceOf(ConflictException.class, e.getCause());
    assertEquals("ledgers", e.table());
    assertEquals("version", e.parameter());
    assertTrue(e.getMessage().contains("version 1 was given, the row is now at version 2"), e.getMessage());
    assertTrue(e.getMessage().contains("read the row again and retry"), e.getMessage());
  }

  @Test
  void theBuildTimeStatementChecksTheVersionToo() {
    // Every writable column set to a value: the update runs the statement rendered at build time.
    Map<String, Object> out = update(alice, 1, Map.of("owner", "alice", "balance", 11, "note", "full"));
    assertEquals(2, out.get("version"));
    List<String> before = Tables.snapshot(db, "ledgers");
    assertThrows(RecordConflictException.class,
        () -> update(alice, 1, Map.of("owner", "alice", "balance", 12, "note", "stale")));
    assertEquals(before, Tables.snapshot(db, "ledgers"));
  }

  @Test
  void anIncrementChecksTheVersion() {
    Map<String, Object> out = update(alice, 1, Map.of("balance", Map.of("$inc", 5)));
    assertEquals(15L, out.get("balance"));
    assertEquals(2, out.get("version"));
    assertThrows(RecordConflictException.class, () -> update(alice, 1, Map.of("balance", Map.of("$inc", 5))));
    assertEquals(15L, read(alice).get("balance"));
  }

  @Test
  void aMissingRowIsNotFoundRatherThanAConflict() {
    assertThrows(RecordNotFoundException.class, () -> update(999, 1, Map.of("note", "x")));
  }

  @Test
  void anUpdateByIdWithoutTheVersionIsRefusedAtBuild() {
    List<WorkflowValidationException.Problem> problems =
        problems("LedgerUpdateNode", Map.of("id", alice, "fields", Map.of("note", "x")));
    assertEquals(1, problems.size(), problems.toString());
    assertEquals("version", problems.get(0).parameter());
    assertTrue(problems.get(0).message().contains("needs 'version'"), problems.toString());
  }

  @Test
  void aVersionThatDoesNotConvertIsRefusedAtBuild() {
    List<WorkflowValidationException.Problem> problems =
        problems("LedgerUpdateNode", Map.of("id", alice, "version", "one", "fields", Map.of("note", "x")));
    assertEquals("version", problems.get(0).parameter(), problems.toString());
  }

  @Test
  void theVersionIsNotAnInputOfCreateOrFields() {
    assertEquals("fields.version", problems("LedgerUpdateNode",
        Map.of("id", alice, "version", 1, "fields", Map.of("version", 7))).get(0).parameter());
    assertEquals("version", problems("LedgerCreateNode", Map.of("owner", "carol", "version", 7)).get(0).parameter());
  }

  @Test
  void aVersionIsRefusedWhereItMeansNothing() {
    List<WorkflowValidationException.Problem> unversioned =
        problems("CounterUpdateNode", Map.of("id", 1, "version", 1, "fields", Map.of("label", "x")));
    assertEquals("version", unversioned.get(0).parameter());
    assertTrue(unversioned.get(0).message().contains("Counter has no @Version field"), unversioned.toString());
    List<WorkflowValidationException.Problem> byFilters = problems("LedgerUpdateNode",
        Map.of("filters", Map.of("owner", "bob"), "version", 1, "fields", Map.of("note", "x")));
    assertEquals("version", byFilters.get(0).parameter());
    assertTrue(byFilters.get(0).message().contains("'version' goes with 'id'"), byFilters.toString());
  }

  @Test
  void anUpdateByFiltersBumpsEveryMatchedRow() {
    update(bob, 1, Map.of("note", "first"));
    Map<String, Object> out = run("LedgerUpdateNode",
        Map.of("filters", Map.of("balance", Map.of("$gte", 0)), "fields", Map.of("note", "all")));
    assertEquals(2, out.get("updated"));
    assertEquals(2, read(alice).get("version"));
    assertEquals(3, read(bob).get("version"));
    run("LedgerBulkUpdateNode", Map.of("filters", Map.of("owner", "alice"), "fields", Map.of("note", "bulk")));
    assertEquals(3, read(alice).get("version"));
    assertEquals(3, read(bob).get("version"));
  }

  @Test
  void bulkUpdateRecordsCheckAndBumpEachVersion() {
    Map<String, Object> out = run("LedgerBulkUpdateNode", Map.of("records", List.of(
        Map.of("id", alice, "version", 1, "balance", 1),
        Map.of("id", bob, "version", 1, "balance", Map.of("$inc", 1)))));
    assertEquals(2, out.get("updated"));
    assertEquals(2, read(alice).get("version"));
    assertEquals(2, read(bob).get("version"));
    assertEquals(21L, read(bob).get("balance"));
  }

  @Test
  void bulkUpdateRecordsWithOneStaleVersionWriteNothing() {
    update(bob, 1, Map.of("note", "moved on"));
    List<String> before = Tables.snapshot(db, "ledgers");
    RecordConflictException e = assertThrows(RecordConflictException.class,
        () -> run("LedgerBulkUpdateNode", Map.of("records", List.of(
            Map.of("id", alice, "version", 1, "note", "would be written first"),
            Map.of("id", bob, "version", 1, "note", "stale")))));
    assertEquals(before, Tables.snapshot(db, "ledgers"));
    assertEquals("records.1.version", e.parameter());
    assertTrue(e.getCause().getMessage().startsWith("records.1.version: the Ledger changed since it was read"),
        e.getCause().getMessage());
  }

  @Test
  void bulkUpdateRecordsWithoutAVersionAreRefusedAtBuild() {
    List<WorkflowValidationException.Problem> problems = problems("LedgerBulkUpdateNode",
        Map.of("records", List.of(Map.of("id", alice, "version", 1, "note", "x"), Map.of("id", bob, "note", "y"))));
    assertEquals("records.1", problems.get(0).parameter(), problems.toString());
    assertTrue(problems.get(0).message().contains("needs its 'version'"), problems.toString());
  }

  @Test
  void anUpsertThatUpdatesBumpsTheVersion() {
    Map<String, Object> out = run("LedgerCreateNode",
        Map.of("owner", "alice", "balance", 50, "on_conflict", "update", "conflict_columns", List.of("owner")));
    assertEquals(1, out.get("updated"));
    assertEquals(2, out.get("version"));
    assertEquals(2, read(alice).get("version"));
  }

  @Test
  void twoWritersRacingWithTheSameVersionHaveExactlyOneWinner() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 10; round++) {
        int readVersion = (Integer) read(alice).get("version");
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Map<String, Object>>> writers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
          String note = "writer " + w + " round " + round;
          Callable<Map<String, Object>> writer = () -> {
            start.await(5, TimeUnit.SECONDS);
            return update(alice, readVersion, Map.of("note", note, "balance", Map.of("$inc", 1)));
          };
          writers.add(pool.submit(writer));
        }
        int won = 0;
        int conflicts = 0;
        for (Future<Map<String, Object>> writer : writers) {
          try {
            writer.get(30, TimeUnit.SECONDS);
            won++;
          } catch (java.util.concurrent.ExecutionException e) {
            assertInstanceOf(RecordConflictException.class, e.getCause());
            conflicts++;
          }
        }
        assertEquals(1, won, "round " + round);
        assertEquals(1, conflicts, "round " + round);
        Map<String, Object> row = read(alice);
        assertEquals(readVersion + 1, row.get("version"));
        assertEquals(10L + round + 1, row.get("balance"), "exactly one increment per round");
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
