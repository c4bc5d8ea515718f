package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.sql.DatabaseException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * BulkCreate's upserts copy each batch into a temporary table and merge it with one {@code INSERT ... SELECT ... ON
 * CONFLICT}: the counts and ids per record are those of one-row upserts, every type and hostile text arrive exactly,
 * and a failure anywhere leaves nothing.
 */
class CopyBulkUpsertTest extends DatabaseTest {
  private static final String SECRET = "secret-7712345678";
  /**
   * Records added to small cases: a call of fewer than BulkCreateNode.MERGE_FROM (50) records runs as one-row
   * statements, and these tests are about the merge.
   */
  private static final int FILLERS = 60;

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE counters, ledgers RESTART IDENTITY");
  }

  private static Map<String, Object> counter(String name, Object hits, String label) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", name);
    record.put("hits", hits);
    if (label != null) {
      record.put("label", label);
    }
    return record;
  }

  private static Map<String, Object> byName(String name) {
    return run("CounterReadNode", Map.of("filters", Map.of("name", name)));
  }

  /** k0..k49 stored with hits i and label "old i"; their ids. */
  private static List<?> seedFifty() {
    List<Map<String, Object>> seed = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      seed.add(counter("k" + i, i, "old " + i));
    }
    return (List<?>) run("CounterBulkCreateNode", Map.of("records", seed)).get("ids");
  }

  private static long temporaryTables() {
    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'dataflow_upsert'")) {
      rs.next();
      return rs.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void updateCountsAndIdsOfNewAndExistingRecordsAcrossBatchesAndShapes() {
    List<?> seeded = seedFifty();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      // even records exist (k0..k49), odd ones are new (n0..n49); every third record leaves out the label
      String name = i % 2 == 0 ? "k" + i / 2 : "n" + i / 2;
      records.add(counter(name, 1000 + i, i % 3 == 0 ? null : "new " + i));
    }
    Map<String, Object> out = run("CounterBulkCreateNode", Map.of("records", records,
        "on_conflict", "update", "conflict_columns", List.of("name"), "batch_size", 7));
    assertEquals(50, out.get("inserted"));
    assertEquals(50, out.get("updated"));
    assertEquals(0, out.get("skipped"));
    List<?> ids = (List<?>) out.get("ids");
    assertEquals(100, ids.size());
    for (int i = 0; i < 100; i++) {
      Map<String, Object> row = byName((String) records.get(i).get("name"));
      assertEquals(ids.get(i), row.get("id"), "record " + i);
      if (i % 2 == 0) {
        assertEquals(seeded.get(i / 2), ids.get(i), "an existing row keeps its id: record " + i);
      }
      assertEquals(1000 + i, row.get("hits"), "record " + i);
      // a label left out: the existing row keeps its own, a new row gets NULL
      Object label = i % 3 != 0 ? "new " + i : i % 2 == 0 ? "old " + i / 2 : null;
      assertEquals(label, row.get("label"), "record " + i);
    }
    assertEquals(100L, Tables.count(db, "counters"));
    assertEquals(0L, temporaryTables(), "the temporary table does not outlive the transaction");
  }

  @Test
  void ignoreCountsSkipsAndIdsAcrossBatches() {
    List<?> seeded = seedFifty();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      // existing, new, and new repeated (n1 again as record 3: the first one wins, the later is skipped)
      String name = i % 4 == 0 ? "k" + i / 2 : i % 4 == 3 ? "n" + (i - 2) : "n" + i;
      records.add(counter(name, 500 + i, null));
    }
    for (boolean withColumns : new boolean[] {false, true}) {
      Tables.execute(db, "DELETE FROM counters WHERE name LIKE 'n%'");
      Map<String, Object> params = new HashMap<>(Map.of("records", records, "on_conflict", "ignore",
          "batch_size", 6));
      if (withColumns) {
        params.put("conflict_columns", List.of("name"));
      }
      Map<String, Object> out = run("CounterBulkCreateNode", params);
      assertEquals(40, out.get("inserted"));
      assertEquals(0, out.get("updated"));
      assertEquals(40, out.get("skipped"));
      List<?> ids = (List<?>) out.get("ids");
      for (int i = 0; i < 80; i++) {
        if (i % 4 == 0 || i % 4 == 3) {
          assertNull(ids.get(i), "record " + i + " is skipped");
        } else {
          assertEquals(byName("n" + i).get("id"), ids.get(i), "record " + i);
          assertEquals(500 + i, byName("n" + i).get("hits"), "the first record of a name wins: " + i);
        }
      }
      assertEquals(4, byName("k4").get("hits"), "an ignored record leaves the row alone (record 8)");
      assertEquals(seeded.get(4), byName("k4").get("id"));
      assertEquals(90L, Tables.count(db, "counters"));
    }
  }

  @Test
  void aRepeatedKeyUnderUpdateIsRefusedBeforeAnySqlAndOneThatOnlyPostgresSeesAsRepeatedUpdatesInOrder() {
    List<Map<String, Object>> records = List.of(counter("a", 1, null), counter("b", 2, null), counter("a", 3, null));
    List<String> before = Tables.snapshot(db, "counters");
    var e = assertThrows(Exception.class, () -> run("CounterBulkCreateNode", Map.of("records", records,
        "on_conflict", "update", "conflict_columns", List.of("name"))));
    assertTrue(e.getMessage().contains("records.2"), e.getMessage());
    assertEquals(before, Tables.snapshot(db, "counters"));

    // Two points in time that Java tells apart (their offsets differ) and PostgreSQL does not: one statement could
    // not update the row twice, so the batch is cut there and the later record updates what the earlier inserted,
    // as one-row upserts would.
    try (DataFlow fresh = TestDataFlow.fresh()) {
      Tables.execute(fresh, "CREATE UNIQUE INDEX all_types_scheduled_at ON all_types (scheduled_at)");
      OffsetDateTime utc = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);
      List<Map<String, Object>> same = new ArrayList<>(List.of(
          Map.of("text", "first", "score", 1.0, "scheduled_at", utc),
          Map.of("text", "other", "score", 2.0, "scheduled_at", utc.plusHours(1)),
          Map.of("text", "second", "score", 3.0, "scheduled_at", utc.withOffsetSameInstant(ZoneOffset.ofHours(5)))));
      for (int i = 0; i < FILLERS; i++) {
        same.add(Map.of("text", "filler", "score", 0.0, "scheduled_at", utc.plusDays(1 + i)));
      }
      Map<String, Object> out = new LocalRuntime(fresh).execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode",
          "n", Map.of("records", same, "on_conflict", "update", "conflict_columns", List.of("scheduled_at"),
              "batch_size", 100)).build()).get("n");
      assertEquals(2 + FILLERS, out.get("inserted"));
      assertEquals(1, out.get("updated"));
      List<?> ids = (List<?>) out.get("ids");
      assertEquals(ids.get(0), ids.get(2));
      assertEquals(2L + FILLERS, Tables.count(fresh, "all_types"));
      Map<String, Object> row = new LocalRuntime(fresh).execute(new WorkflowBuilder().addNode("AllTypesReadNode",
          "r", Map.of("id", ids.get(0))).build()).get("r");
      assertEquals("second", row.get("text"), "the later record wins");
    }
  }

  @Test
  void everyTypeAndHostileTextArriveThroughAnUpsertExactlyAsOneRowCreatesStoreThem() {
    List<Map<String, Object>> records = new ArrayList<>(CopyBulkCreateTest.records());
    for (int i = 0; i < FILLERS; i++) {
      records.add(records.size() - 1, Map.of("code", "filler" + i, "text", "filler", "score", (double) i));
    }
    List<Map<String, Object>> withCode = records.subList(0, records.size() - 1);
    try (DataFlow upserted = TestDataFlow.fresh(); DataFlow inserted = TestDataFlow.fresh()) {
      LocalRuntime bulk = new LocalRuntime(upserted);
      List<Map<String, Object>> old = new ArrayList<>();
      for (Map<String, Object> r : withCode) {
        old.add(Map.of("code", r.get("code"), "text", "old", "score", -1.0));
      }
      bulk.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "seed", Map.of("records", old)).build());
      WorkflowResult update = bulk.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "up",
          Map.of("records", withCode, "on_conflict", "update", "conflict_columns", List.of("code"),
              "batch_size", 4)).build());
      assertEquals(withCode.size(), update.get("up").get("updated"));
      WorkflowResult ignore = bulk.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "ig",
          Map.of("records", records, "on_conflict", "ignore", "batch_size", 4)).build());
      assertEquals(1, ignore.get("ig").get("inserted"), "only the record without a code is new");
      assertEquals(withCode.size(), ignore.get("ig").get("skipped"));

      LocalRuntime one = new LocalRuntime(inserted);
      for (Map<String, Object> r : records) {
        one.execute(new WorkflowBuilder().addNode("AllTypesCreateNode", "create", r).build());
      }
      // the ids differ (an upsert draws a key for every record it might insert), the rest is the same
      assertEquals(rowsWithoutIds(inserted), rowsWithoutIds(upserted));
      List<?> ids = (List<?>) ignore.get("ig").get("ids");
      Map<String, Object> sparse = new LocalRuntime(upserted).execute(new WorkflowBuilder().addNode(
          "AllTypesReadNode", "r", Map.of("id", ids.get(records.size() - 1))).build()).get("r");
      assertEquals("sparse", sparse.get("text"), "the new record's id, in record order");
      assertNull(ids.get(0));
    }
  }

  /** Every column but the key and the timestamps of the write, as PostgreSQL's JSON of the row, by code. */
  private static List<String> rowsWithoutIds(DataFlow db) {
    List<String> rows = new ArrayList<>();
    try (var c = db.dataSource().getConnection(); var s = c.createStatement();
        var rs = s.executeQuery("SELECT (to_jsonb(t) - 'id' - 'created_at' - 'updated_at')::text"
            + " FROM all_types t ORDER BY code NULLS LAST")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Test
  void aBadRecordLateInALargeInputLeavesNoRowAndIsNamed() {
    seedFifty();
    List<String> before = Tables.snapshot(db, "counters");
    List<Map<String, Object>> records = new ArrayList<>(100_000);
    for (int i = 0; i < 100_000; i++) {
      records.add(counter(i < 50 ? "k" + i : "r" + i, i, null));
    }
    // refused by the node while converting, before any SQL (an Iterable: literal records are checked at build)
    records.set(70_000, counter("r70000", "not a number", null));
    Iterable<Map<String, Object>> input = records::iterator;
    var e = assertThrows(WorkflowExecutionException.class, () -> run("CounterBulkCreateNode", Map.of(
        "records", input, "on_conflict", "update", "conflict_columns", List.of("name"), "batch_size", 5000)));
    assertEquals("records.70000.hits", assertInstanceOf(InvalidParameterException.class, e.getCause()).parameter());
    assertEquals(before, Tables.snapshot(db, "counters"));

    // refused by PostgreSQL in the COPY of the 15th batch (name is VARCHAR(40)): every batch before it taken back
    records.set(70_000, counter("x".repeat(41), 1, null));
    e = assertThrows(WorkflowExecutionException.class, () -> run("CounterBulkCreateNode", Map.of(
        "records", records, "on_conflict", "update", "conflict_columns", List.of("name"), "batch_size", 5000)));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("22001", cause.sqlState());
    assertTrue(cause.getMessage().contains("record 70000"), cause.getMessage());
    assertEquals(before, Tables.snapshot(db, "counters"));
    assertEquals(0L, temporaryTables());
  }

  @Test
  void aUniqueViolationOnAnotherColumnInALaterBatchRollsBackEveryBatch() {
    try (DataFlow fresh = TestDataFlow.fresh()) {
      Tables.execute(fresh, "CREATE UNIQUE INDEX all_types_big_number ON all_types (big_number)");
      LocalRuntime runtime = new LocalRuntime(fresh);
      runtime.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "seed", Map.of("records",
          List.of(Map.of("code", "c3", "text", "kept", "score", 1.0, "big_number", -1L)))).build());
      List<String> before = Tables.snapshot(fresh, "all_types");
      List<Map<String, Object>> records = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        records.add(Map.of("code", "c" + i, "text", SECRET + i, "score", (double) i,
            "big_number", i == 55 ? 4L : (long) i));
      }
      var e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(new WorkflowBuilder()
          .addNode("AllTypesBulkCreateNode", "n", Map.of("records", records, "on_conflict", "update",
              "conflict_columns", List.of("code"), "batch_size", 20)).build()));
      DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
      assertEquals("23505", cause.sqlState());
      assertTrue(cause.getMessage().contains("records 40..59"), cause.getMessage());
      assertTrue(cause.getMessage().contains("all_types_big_number"), cause.getMessage());
      assertFalse(UpsertTestMessages.of(e).contains(SECRET), UpsertTestMessages.of(e));
      assertEquals(before, Tables.snapshot(fresh, "all_types"));
    }
  }

  @Test
  void versionColumnsBehaveAsWithOneRowUpserts() {
    run("LedgerCreateNode", Map.of("owner", "alice", "balance", 10));
    List<Map<String, Object>> records = new ArrayList<>(List.of(Map.of("owner", "alice", "balance", 11),
        Map.of("owner", "bob", "balance", 20, "note", "new")));
    for (int i = 0; i < FILLERS; i++) {
      records.add(Map.of("owner", "filler" + i, "balance", i));
    }
    for (int round = 1; round <= 2; round++) {
      Map<String, Object> out = run("LedgerBulkCreateNode", Map.of("records", records, "on_conflict", "update",
          "conflict_columns", List.of("owner")));
      assertEquals(round == 1 ? 1 + FILLERS : 0, out.get("inserted"));
      Map<String, Object> alice = run("LedgerReadNode", Map.of("filters", Map.of("owner", "alice")));
      Map<String, Object> bob = run("LedgerReadNode", Map.of("filters", Map.of("owner", "bob")));
      assertEquals(1 + round, alice.get("version"), "every update bumps the version");
      assertEquals(round, bob.get("version"), "an insert starts at 1");
      assertEquals(11L, alice.get("balance"));
    }
  }

  private static List<Map<String, Object>> counters(int hits) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < FILLERS; i++) {
      records.add(counter("t" + i, hits, null));
    }
    return records;
  }

  @Test
  void twoUpsertsInOneWorkflowTransactionEachHaveTheirTemporaryTable() {
    List<Map<String, Object>> ledgers = new ArrayList<>();
    for (int i = 0; i < FILLERS; i++) {
      ledgers.add(Map.of("owner", "t" + i));
    }
    WorkflowResult result = runtime.execute(new WorkflowBuilder()
        .addNode("CounterBulkCreateNode", "one", Map.of("records", counters(1),
            "on_conflict", "update", "conflict_columns", List.of("name")))
        .addNode("LedgerBulkCreateNode", "two", Map.of("records", ledgers, "on_conflict", "ignore"))
        .addNode("CounterBulkCreateNode", "three", Map.of("records", counters(2),
            "on_conflict", "update", "conflict_columns", List.of("name")))
        .build(), ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW).build());
    assertEquals(FILLERS, result.get("one").get("inserted"));
    assertEquals(FILLERS, result.get("two").get("inserted"));
    assertEquals(FILLERS, result.get("three").get("updated"));
    assertEquals(2, byName("t1").get("hits"));
    assertEquals(0L, temporaryTables());
  }

  @Test
  void aPartitionedTableCountsInsertsAndUpdatesWithoutXmax() {
    Tables.execute(db, "TRUNCATE readings RESTART IDENTITY");
    java.time.Instant at = java.time.Instant.parse("2026-11-30T10:00:00Z");
    List<Map<String, Object>> existing = new ArrayList<>();
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < FILLERS; i++) {
      Map<String, Object> r = Map.of("sensor", "s-" + i % 2, "taken_at", at.plusSeconds(60L * i), "value", 2.0 * i);
      records.add(r);
      if (i % 2 == 0) {
        existing.add(Map.of("sensor", r.get("sensor"), "taken_at", r.get("taken_at"), "value", -1.0));
      }
    }
    run("ReadingBulkCreateNode", Map.of("records", existing));
    Map<String, Object> out = run("ReadingBulkCreateNode", Map.of("records", records, "on_conflict", "update",
        "conflict_columns", List.of("sensor", "taken_at"), "batch_size", 25));
    assertEquals(List.of(FILLERS / 2, FILLERS / 2, 0),
        List.of(out.get("inserted"), out.get("updated"), out.get("skipped")));
    assertEquals((long) FILLERS, Tables.count(db, "readings"));
    out = run("ReadingBulkCreateNode", Map.of("records", records, "on_conflict", "ignore",
        "conflict_columns", List.of("sensor", "taken_at")));
    assertEquals(List.of(0, 0, FILLERS), List.of(out.get("inserted"), out.get("updated"), out.get("skipped")));
  }

  /** Every message of a failure and its causes. */
  private static final class UpsertTestMessages {
    static String of(Throwable t) {
      StringBuilder sb = new StringBuilder();
      for (Throwable c = t; c != null; c = c.getCause()) {
        sb.append(c).append('\n');
      }
      return sb.toString();
    }
  }
}
