package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.AllTypes;
import dev.dataflow.models.testing.AllTypesCreateNode;
import dev.dataflow.models.testing.Level;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.node.NotFoundException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each of the nine generated nodes on {@link AllTypes}, a model with a column of every supported type. */
class CrudNodesTest extends DatabaseTest {

  private static final Instant HAPPENED = Instant.parse("2026-01-02T03:04:05.123456Z");
  private static final UUID REFERENCE = UUID.fromString("0b6a4e0e-6a7e-4c8e-9d0a-1c2b3d4e5f60");

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE all_types RESTART IDENTITY");
  }

  private static Map<String, Object> fullRow(String text, String code) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("text", text);
    row.put("code", code);
    row.put("small_number", (short) 7);
    row.put("count", 42);
    row.put("big_number", 1L << 40);
    row.put("ratio", 0.5f);
    row.put("score", 98.25);
    row.put("price", new BigDecimal("1234.50"));
    row.put("active", true);
    row.put("reference", REFERENCE);
    row.put("happened_at", HAPPENED);
    row.put("scheduled_at", OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(8)));
    row.put("local_time", LocalDateTime.of(2026, 1, 1, 12, 30));
    row.put("day", LocalDate.of(2026, 2, 28));
    row.put("payload", new byte[] {1, 2, 3, (byte) 0xff});
    row.put("level", Level.HIGH);
    row.put("attributes", Map.of("source", "whatsapp", "nested", Map.of("n", 1)));
    row.put("tags", List.of("a", "b"));
    return row;
  }

  @Test
  void createReturnsTheStoredRowWithJavaTypes() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(1);
    Map<String, Object> row = run("AllTypesCreateNode", fullRow("hello", "c1"));
    assertEquals(1L, row.get("id"));
    assertEquals("hello", row.get("text"));
    assertEquals((short) 7, row.get("small_number"));
    assertEquals(42, row.get("count"));
    assertEquals(1L << 40, row.get("big_number"));
    assertEquals(0.5f, row.get("ratio"));
    assertEquals(98.25, row.get("score"));
    assertEquals(new BigDecimal("1234.50"), row.get("price"));
    assertEquals(true, row.get("active"));
    assertEquals(REFERENCE, row.get("reference"));
    assertEquals(HAPPENED, row.get("happened_at"));
    assertEquals(OffsetDateTime.of(2026, 5, 5, 23, 8, 9, 0, ZoneOffset.UTC), row.get("scheduled_at"));
    assertEquals(LocalDateTime.of(2026, 1, 1, 12, 30), row.get("local_time"));
    assertEquals(LocalDate.of(2026, 2, 28), row.get("day"));
    assertArrayEquals(new byte[] {1, 2, 3, (byte) 0xff}, (byte[]) row.get("payload"));
    assertEquals(Level.HIGH, row.get("level"));
    assertEquals(Map.of("source", "whatsapp", "nested", Map.of("n", 1)), row.get("attributes"));
    assertEquals(List.of("a", "b"), row.get("tags"));
    Instant created = assertInstanceOf(Instant.class, row.get("created_at"));
    assertTrue(created.isAfter(before), "created_at is set by the insert");
    assertEquals(created, row.get("updated_at"));
  }

  @Test
  void createAcceptsStringFormsAndAppliesDefaults() {
    Map<String, Object> row = run("AllTypesCreateNode", Map.of(
        "text", "t", "score", "1.5", "reference", REFERENCE.toString(), "happened_at", "2026-01-02T03:04:05.123456Z",
        "day", "2026-02-28", "level", "LOW", "count", "12"));
    assertEquals((short) 0, row.get("small_number"), "omitted column with a default gets the default");
    assertEquals(1.5, row.get("score"));
    assertEquals(REFERENCE, row.get("reference"));
    assertEquals(HAPPENED, row.get("happened_at"));
    assertEquals(LocalDate.of(2026, 2, 28), row.get("day"));
    assertEquals(Level.LOW, row.get("level"));
    assertEquals(12, row.get("count"));
    assertNull(row.get("attributes"));
  }

  @Test
  void typedParamsBuildTheSameNode() {
    Map<String, Object> row = runtime.execute(new WorkflowBuilder()
        .addNode("n", AllTypesCreateNode.params().text("typed").score(2.0).level(Level.MEDIUM).code("x"))
        .build()).get("n");
    assertEquals("typed", row.get("text"));
    assertEquals(Level.MEDIUM, row.get("level"));
  }

  @Test
  void readByIdAndByFilters() {
    long id = (Long) run("AllTypesCreateNode", fullRow("findme", "c1")).get("id");
    Map<String, Object> byId = run("AllTypesReadNode", Map.of("id", id));
    assertEquals(true, byId.get("found"));
    assertEquals("findme", byId.get("text"));
    assertEquals(REFERENCE, byId.get("reference"));

    Map<String, Object> byFilter = run("AllTypesReadNode", Map.of("filters", Map.of("code", "c1")));
    assertEquals(id, byFilter.get("id"));

    assertEquals(Map.of("found", false),
        run("AllTypesReadNode", Map.of("id", id + 100, "raise_on_not_found", false)));
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> run("AllTypesReadNode", Map.of("id", id + 100)));
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertEquals("n", e.nodeId());
    assertEquals("AllTypesReadNode", e.nodeType());
  }

  @Test
  void updateByIdReturnsTheRowAndBumpsUpdatedAt() throws Exception {
    Map<String, Object> created = run("AllTypesCreateNode", fullRow("old", "c1"));
    Thread.sleep(5);
    Map<String, Object> updated = run("AllTypesUpdateNode", Map.of(
        "id", created.get("id"), "fields", Map.of("text", "new", "level", "LOW", "attributes", Map.of("k", "v"))));
    assertEquals(true, updated.get("updated"));
    assertEquals("new", updated.get("text"));
    assertEquals(Level.LOW, updated.get("level"));
    assertEquals(Map.of("k", "v"), updated.get("attributes"));
    assertEquals(42, updated.get("count"), "columns not in fields keep their values");
    assertEquals(created.get("created_at"), updated.get("created_at"));
    assertTrue(((Instant) updated.get("updated_at")).isAfter((Instant) created.get("updated_at")));
  }

  @Test
  void aPartialUpdateShapeReusedWithOtherValuesBindsTheNewValues() {
    long id = (Long) run("AllTypesCreateNode", fullRow("old", "c1")).get("id");
    // The first call renders the shape; the later ones reuse its SQL and bind their own values.
    for (int i = 0; i < 3; i++) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("text", "v" + i);
      fields.put("level", i % 2 == 0 ? Level.LOW : Level.HIGH);
      fields.put("attributes", Map.of("round", i));
      fields.put("payload", new byte[] {(byte) i});
      fields.put("count", Map.of("$inc", 10));
      fields.put("reference", i == 1 ? null : UUID.randomUUID());
      Map<String, Object> row = run("AllTypesUpdateNode", Map.of("id", id, "fields", fields));
      assertEquals("v" + i, row.get("text"));
      assertEquals(i % 2 == 0 ? Level.LOW : Level.HIGH, row.get("level"));
      assertEquals(Map.of("round", i), row.get("attributes"));
      assertArrayEquals(new byte[] {(byte) i}, (byte[]) row.get("payload"));
      assertEquals(42 + 10 * (i + 1), row.get("count"));
      assertEquals(i == 1, row.get("reference") == null);
    }
  }

  @Test
  void updateOfEveryColumnUsesTheFixedStatement() {
    Map<String, Object> created = run("AllTypesCreateNode", fullRow("old", "c1"));
    Map<String, Object> fields = fullRow("every", "c2");
    fields.put("count", 43);
    Map<String, Object> updated = run("AllTypesUpdateNode", Map.of("id", created.get("id"), "fields", fields));
    assertEquals("every", updated.get("text"));
    assertEquals("c2", updated.get("code"));
    assertEquals(43, updated.get("count"));
  }

  @Test
  void updateByFiltersCountsRows() {
    run("AllTypesCreateNode", fullRow("a", "c1"));
    run("AllTypesCreateNode", fullRow("b", "c2"));
    run("AllTypesCreateNode", Map.of("text", "c", "score", 1.0, "level", "LOW"));
    Map<String, Object> out = run("AllTypesUpdateNode", Map.of(
        "filters", Map.of("level", "HIGH"), "fields", Map.of("active", false)));
    assertEquals(Map.of("updated", 2), out);
    assertEquals(2L, run("AllTypesCountNode", Map.of("filters", Map.of("active", false))).get("count"));
  }

  @Test
  void deleteByIdAndByFilters() {
    long a = (Long) run("AllTypesCreateNode", fullRow("a", "c1")).get("id");
    run("AllTypesCreateNode", fullRow("b", "c2"));
    run("AllTypesCreateNode", Map.of("text", "c", "score", 1.0));
    assertEquals(Map.of("deleted", 1, "id", a), run("AllTypesDeleteNode", Map.of("id", a)));
    assertEquals(Map.of("deleted", 0, "id", a), run("AllTypesDeleteNode", Map.of("id", a)));
    assertEquals(Map.of("deleted", 1), run("AllTypesDeleteNode", Map.of("filters", Map.of("code", "c2"))));
    assertEquals(1L, Tables.count(db, "all_types"));
    assertEquals(Map.of("deleted", 1), run("AllTypesDeleteNode", Map.of("filters", Map.of(), "confirm_all", true)));
    assertEquals(0L, Tables.count(db, "all_types"));
  }

  @Test
  void listFiltersOrdersAndPages() {
    for (int i = 0; i < 5; i++) {
      run("AllTypesCreateNode", Map.of("text", "row" + i, "score", (double) i, "level", i % 2 == 0 ? "LOW" : "HIGH"));
    }
    Map<String, Object> page = run("AllTypesListNode", Map.of(
        "filters", Map.of("score", Map.of("$gte", 1)), "order_by", List.of("-score"), "limit", 2, "offset", 1));
    assertEquals(2, page.get("count"));
    assertEquals(2, page.get("limit"));
    assertEquals(1, page.get("offset"));
    List<?> records = (List<?>) page.get("records");
    assertEquals(List.of("row3", "row2"), records.stream().map(r -> ((Map<?, ?>) r).get("text")).toList());

    Map<String, Object> all = run("AllTypesListNode", Map.of());
    assertEquals(5, all.get("count"));
    assertEquals(100, all.get("limit"));
  }

  @Test
  void countAndExists() {
    long id = (Long) run("AllTypesCreateNode", fullRow("a", "c1")).get("id");
    run("AllTypesCreateNode", Map.of("text", "b", "score", 2.0));
    assertEquals(2L, run("AllTypesCountNode", Map.of()).get("count"));
    assertEquals(1L, run("AllTypesCountNode", Map.of("filters", Map.of("attributes",
        Map.of("$contains", Map.of("source", "whatsapp"))))).get("count"));
    assertEquals(Map.of("exists", true), run("AllTypesExistsNode", Map.of("id", id)));
    assertEquals(Map.of("exists", false), run("AllTypesExistsNode", Map.of("id", id + 10)));
    assertEquals(Map.of("exists", true), run("AllTypesExistsNode", Map.of("filters", Map.of("text", "b"))));
    assertEquals(Map.of("exists", false), run("AllTypesExistsNode", Map.of("filters", Map.of("text", "zzz"))));
  }

  @Test
  void bulkCreateReturnsIdsInRecordOrderAcrossBatchesAndShapes() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      records.add(i % 3 == 0
          ? Map.of("text", "r" + i, "score", (double) i)
          : Map.of("text", "r" + i, "score", (double) i, "small_number", i, "level", "MEDIUM"));
    }
    Map<String, Object> out = run("AllTypesBulkCreateNode", Map.of("records", records, "batch_size", 4));
    assertEquals(25, out.get("inserted"));
    List<?> ids = (List<?>) out.get("ids");
    assertEquals(25, ids.size());
    for (int i = 0; i < 25; i++) {
      Map<String, Object> row = run("AllTypesReadNode", Map.of("id", ids.get(i)));
      assertEquals("r" + i, row.get("text"), "id " + i + " belongs to record " + i);
    }
  }

  @Test
  void bulkUpdateByRecordsAndByFilters() {
    List<?> ids = (List<?>) run("AllTypesBulkCreateNode", Map.of("records", List.of(
        Map.of("text", "a", "score", 1.0), Map.of("text", "b", "score", 2.0), Map.of("text", "c", "score", 3.0))))
        .get("ids");
    Map<String, Object> out = run("AllTypesBulkUpdateNode", Map.of("records", List.of(
        Map.of("id", ids.get(0), "text", "A"), Map.of("id", ids.get(2), "text", "C", "count", 9))));
    assertEquals(Map.of("updated", 2), out);
    assertEquals("A", run("AllTypesReadNode", Map.of("id", ids.get(0))).get("text"));
    assertEquals("b", run("AllTypesReadNode", Map.of("id", ids.get(1))).get("text"));
    assertEquals(9, run("AllTypesReadNode", Map.of("id", ids.get(2))).get("count"));

    assertEquals(Map.of("updated", 2), run("AllTypesBulkUpdateNode", Map.of(
        "filters", Map.of("score", Map.of("$lt", 2.5)), "fields", Map.of("level", "HIGH"))));
    assertEquals(2L, run("AllTypesCountNode", Map.of("filters", Map.of("level", Level.HIGH))).get("count"));
  }

  @Test
  void connectionsPassOutputsToInputs() {
    var result = runtime.execute(new WorkflowBuilder()
        .addNode("AllTypesBulkCreateNode", "seed", Map.of("records", List.of(
            Map.of("text", "first", "score", 1.0), Map.of("text", "second", "score", 2.0))))
        .addNode("AllTypesReadNode", "read_second", Map.of())
        .addNode("AllTypesListNode", "by_text", Map.of())
        .addConnection("seed", "ids.1", "read_second", "id")
        .addConnection("read_second", "text", "by_text", "filters.text")
        .build());
    assertEquals("second", result.get("read_second").get("text"));
    assertEquals(1, result.get("by_text").get("count"));
    assertNotNull(result.runId());
    assertEquals(List.of("seed", "read_second", "by_text"), List.copyOf(result.outputs().keySet()));
    assertFalse(result.outputs().isEmpty());
  }
}
