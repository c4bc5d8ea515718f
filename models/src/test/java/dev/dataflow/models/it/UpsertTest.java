package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.node.InvalidParameterException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Create and BulkCreate with {@code on_conflict} "error", "ignore" and "update", and honest counts. */
class UpsertTest extends DatabaseTest {
  private static final String SECRET = "secret-6591234567";
  private long a;
  private long b;

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE counters RESTART IDENTITY");
    a = (Long) run("CounterCreateNode", Map.of("name", "a", "hits", 1, "label", "old a")).get("id");
    b = (Long) run("CounterCreateNode", Map.of("name", SECRET, "hits", 2, "label", "old b")).get("id");
  }

  private static Map<String, Object> byName(String name) {
    return run("CounterReadNode", Map.of("filters", Map.of("name", name)));
  }

  private static Map<String, Object> record(String name, int hits, String label) {
    Map<String, Object> record = new LinkedHashMap<>();
    record.put("name", name);
    record.put("hits", hits);
    record.put("label", label);
    return record;
  }

  private static List<WorkflowValidationException.Problem> problems(String type, Map<String, ?> params) {
    return assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder().addNode(type, "n", params).build()).problems();
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  // ----------------------------------------------------------------------------------------------------- Create

  @Test
  void createWithUpdateInsertsANewRow() {
    Map<String, Object> out = run("CounterCreateNode", Map.of("name", "c", "hits", 3,
        "on_conflict", "update", "conflict_columns", List.of("name")));
    assertEquals(1, out.get("inserted"));
    assertEquals(0, out.get("updated"));
    assertEquals(0, out.get("skipped"));
    assertEquals("c", out.get("name"));
    assertEquals(3, out.get("hits"));
    assertEquals(3L, out.get("id"), "ids 1 and 2 are the seeded rows");
  }

  @Test
  void createWithUpdateChangesOnlyTheGivenColumnsOfTheExistingRow() throws Exception {
    Instant before = (Instant) byName("a").get("updated_at");
    Thread.sleep(5);
    Map<String, Object> out = run("CounterCreateNode", Map.of("name", "a", "hits", 10,
        "on_conflict", "update", "conflict_columns", List.of("name")));
    assertEquals(0, out.get("inserted"));
    assertEquals(1, out.get("updated"));
    assertEquals(0, out.get("skipped"));
    assertEquals(a, out.get("id"), "the existing row, not a new one");
    assertEquals(10, out.get("hits"));
    assertEquals("old a", out.get("label"), "a column the create did not give keeps its value");
    assertTrue(((Instant) out.get("updated_at")).isAfter(before));
    assertEquals(2L, Tables.count(db, "counters"));
  }

  @Test
  void createWithIgnoreReportsASkipAndNoRow() {
    Map<String, Object> out = run("CounterCreateNode", Map.of("name", "a", "hits", 10, "on_conflict", "ignore"));
    assertEquals(Map.of("inserted", 0, "updated", 0, "skipped", 1), out);
    assertEquals(1, byName("a").get("hits"));
    out = run("CounterCreateNode", Map.of("name", "z", "on_conflict", "ignore", "conflict_columns", List.of("name")));
    assertEquals(1, out.get("inserted"));
    assertEquals(0, out.get("skipped"));
    assertEquals("z", out.get("name"));
  }

  @Test
  void createWithTheDefaultFailsOnADuplicateAndWritesNothing() {
    List<String> before = Tables.snapshot(db, "counters");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> run("CounterCreateNode", Map.of("name", SECRET, "on_conflict", "error")));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("23505", cause.sqlState());
    assertEquals("uq_counters_name", cause.constraint());
    assertEquals(before, Tables.snapshot(db, "counters"));
    assertFalse(messages(e).contains(SECRET), messages(e));
  }

  @Test
  void conflictColumnsWithoutAUniqueConstraintIsTheDatabasesNo() {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> run("CounterCreateNode", Map.of("name", "q", "label", "l", "on_conflict", "update",
            "conflict_columns", List.of("label"))));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("42P10", cause.sqlState());
    assertTrue(cause.getMessage().contains("conflict_columns must be exactly the columns of a unique constraint"),
        cause.getMessage());
  }

  // ------------------------------------------------------------------------------------------------- BulkCreate

  @Test
  void bulkUpdateCountsNewAndExistingRowsExactly() {
    List<Map<String, Object>> records = List.of(
        record("new1", 11, "n1"), record("a", 12, "a2"), record("new2", 13, null), record(SECRET, 14, "b2"));
    Map<String, Object> out = run("CounterBulkCreateNode", Map.of("records", records,
        "on_conflict", "update", "conflict_columns", List.of("name"), "batch_size", 3));
    assertEquals(2, out.get("inserted"));
    assertEquals(2, out.get("updated"));
    assertEquals(0, out.get("skipped"));
    List<?> ids = (List<?>) out.get("ids");
    assertEquals(4, ids.size());
    assertEquals(a, ids.get(1));
    assertEquals(b, ids.get(3));
    assertEquals(ids.get(0), byName("new1").get("id"));
    assertEquals(ids.get(2), byName("new2").get("id"));
    assertEquals(12, byName("a").get("hits"));
    assertEquals("a2", byName("a").get("label"));
    assertEquals(14, byName(SECRET).get("hits"));
    assertEquals(13, byName("new2").get("hits"));
    assertEquals(4L, Tables.count(db, "counters"));
  }

  @Test
  void bulkIgnoreSkipsExistingRowsAndLaterDuplicatesAndLeavesThemAlone() {
    List<Map<String, Object>> records = new ArrayList<>();
    records.add(record("a", 99, "changed?"));
    records.add(record("n1", 1, null));
    records.add(Map.of("name", "n2")); // another shape: its own batch, still in record order
    records.add(record("n1", 2, "dup"));
    records.add(record(SECRET, 99, null));
    Map<String, Object> out = run("CounterBulkCreateNode", Map.of("records", records, "on_conflict", "ignore"));
    assertEquals(2, out.get("inserted"));
    assertEquals(0, out.get("updated"));
    assertEquals(3, out.get("skipped"));
    List<?> ids = (List<?>) out.get("ids");
    assertNull(ids.get(0));
    assertNotNull(ids.get(1));
    assertNotNull(ids.get(2));
    assertNull(ids.get(3), "the second n1 of the batch is skipped: the first was inserted");
    assertNull(ids.get(4));
    assertEquals(1, byName("a").get("hits"));
    assertEquals("old a", byName("a").get("label"));
    assertEquals(1, byName("n1").get("hits"));
    assertEquals(ids.get(2), byName("n2").get("id"));
    assertEquals(4L, Tables.count(db, "counters"));
  }

  @Test
  void bulkIgnoreWithConflictColumnsCountsTheSame() {
    Map<String, Object> out = run("CounterBulkCreateNode", Map.of(
        "records", List.of(record("a", 5, null), record("x", 5, null)),
        "on_conflict", "ignore", "conflict_columns", List.of("name")));
    assertEquals(1, out.get("inserted"));
    assertEquals(1, out.get("skipped"));
    assertEquals(0, out.get("updated"));
  }

  @Test
  void plainBulkCreateReportsZeroUpdatedAndSkipped() {
    Map<String, Object> out = run("CounterBulkCreateNode", Map.of("records", List.of(Map.of("name", "p"))));
    assertEquals(1, out.get("inserted"));
    assertEquals(0, out.get("updated"));
    assertEquals(0, out.get("skipped"));
  }

  @Test
  void aDuplicateConflictKeyInOneUpdateCallFailsBeforeAnySql() {
    List<String> before = Tables.snapshot(db, "counters");
    List<Map<String, Object>> records = List.of(record("n1", 1, null), record(SECRET, 2, null),
        record("n2", 3, null), record(SECRET, 4, null));
    // The records arrive through a connection (from a JSON column), so that the run, not the build, meets the
    // duplicate.
    Tables.execute(db, "TRUNCATE all_types RESTART IDENTITY");
    run("AllTypesCreateNode", Map.of("text", "t", "score", 1.0, "tags", records));
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder()
            .addNode("AllTypesReadNode", "src", Map.of("id", 1))
            .addNode("CounterBulkCreateNode", "n", Map.of("on_conflict", "update", "conflict_columns", List.of("name")))
            .addConnection("src", "tags", "n", "records")
            .build()));
    InvalidParameterException cause = assertInstanceOf(InvalidParameterException.class, e.getCause());
    assertEquals("records.3", cause.parameter());
    assertTrue(cause.getMessage().contains("as records.1"), cause.getMessage());
    assertTrue(cause.getMessage().contains("Nothing was written"), cause.getMessage());
    assertFalse(messages(e).contains(SECRET), messages(e));
    assertEquals(before, Tables.snapshot(db, "counters"));
  }

  @Test
  void aConflictWithTheDefaultFailsTheWholeBulkCreate() {
    List<String> before = Tables.snapshot(db, "counters");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> run("CounterBulkCreateNode",
        Map.of("records", List.of(record("n1", 1, null), record(SECRET, 2, null)), "on_conflict", "error")));
    assertEquals("23505", assertInstanceOf(DatabaseException.class, e.getCause()).sqlState());
    assertEquals(before, Tables.snapshot(db, "counters"));
    assertFalse(messages(e).contains(SECRET), messages(e));
  }

  @Test
  void aFailureInsideAnUpsertBatchRollsBackEveryRecord() {
    List<String> before = Tables.snapshot(db, "counters");
    Map<String, Object> tooLong = record("x".repeat(41), 1, null); // name is VARCHAR(40)
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> run("CounterBulkCreateNode",
        Map.of("records", List.of(record("n1", 1, null), record("a", 50, null), tooLong),
            "on_conflict", "update", "conflict_columns", List.of("name"))));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("22001", cause.sqlState());
    assertEquals(before, Tables.snapshot(db, "counters"));
  }

  // ---------------------------------------------------------------------------------------------------- checks

  @Test
  void anUnknownOnConflictValueIsRefusedWithTheChoices() {
    List<WorkflowValidationException.Problem> problems = problems("CounterCreateNode", Map.of("name", "x", "on_conflict", "upsert"));
    assertEquals("on_conflict", problems.get(0).parameter());
    assertTrue(problems.get(0).message().contains("[error, ignore, update]"), problems.get(0).message());
    assertEquals("on_conflict", problems("CounterBulkCreateNode",
        Map.of("records", List.of(), "on_conflict", true)).get(0).parameter());
  }

  @Test
  void updateNeedsConflictColumns() {
    List<WorkflowValidationException.Problem> problems = problems("CounterCreateNode", Map.of("name", "x", "on_conflict", "update"));
    assertEquals("conflict_columns", problems.get(0).parameter());
    assertTrue(problems.get(0).message().contains("needs conflict_columns"), problems.get(0).message());
    assertEquals("conflict_columns", problems("CounterBulkCreateNode",
        Map.of("records", List.of(), "on_conflict", "update")).get(0).parameter());
  }

  @Test
  void conflictColumnsWithoutOnConflictIsRefused() {
    List<WorkflowValidationException.Problem> problems = problems("CounterCreateNode",
        Map.of("name", "x", "conflict_columns", List.of("name")));
    assertEquals("conflict_columns", problems.get(0).parameter());
  }

  @Test
  void anUnknownConflictColumnGetsASuggestion() {
    List<WorkflowValidationException.Problem> problems = problems("CounterBulkCreateNode", Map.of("records", List.of(),
        "on_conflict", "update", "conflict_columns", List.of("nmae")));
    assertEquals("conflict_columns.0", problems.get(0).parameter());
    assertTrue(problems.get(0).message().contains("Did you mean 'name'?"), problems.get(0).message());
  }

  @Test
  void generatedAndRepeatedConflictColumnsAreRefused() {
    assertEquals("conflict_columns.0", problems("CounterCreateNode", Map.of("name", "x",
        "on_conflict", "update", "conflict_columns", List.of("id"))).get(0).parameter());
    assertEquals("conflict_columns.1", problems("CounterCreateNode", Map.of("name", "x",
        "on_conflict", "ignore", "conflict_columns", List.of("name", "name"))).get(0).parameter());
    assertEquals("conflict_columns", problems("CounterCreateNode", Map.of("name", "x",
        "on_conflict", "ignore", "conflict_columns", List.of())).get(0).parameter());
  }

  @Test
  void aRecordWithoutTheConflictColumnIsRefused() {
    List<WorkflowValidationException.Problem> problems = problems("CounterBulkCreateNode", Map.of(
        "records", List.of(Map.of("name", "x"), Map.of("label", "no name")),
        "on_conflict", "update", "conflict_columns", List.of("name")));
    assertEquals("records.1.name", problems.get(0).parameter());
    problems = problems("CounterCreateNode", Map.of("label", "l", "hits", 1,
        "on_conflict", "ignore", "conflict_columns", List.of("label", "hits", "name")));
    assertEquals("name", problems.get(0).parameter());
  }

  @Test
  void aDuplicateConflictKeyInLiteralRecordsIsRefusedAtBuildTime() {
    List<WorkflowValidationException.Problem> problems = problems("CounterBulkCreateNode", Map.of(
        "records", List.of(Map.of("name", "x"), Map.of("name", "y"), Map.of("name", "x", "hits", 2)),
        "on_conflict", "update", "conflict_columns", List.of("name")));
    assertEquals("records.2", problems.get(0).parameter());
    assertTrue(problems.get(0).message().contains("as records.0"), problems.get(0).message());
  }
}
