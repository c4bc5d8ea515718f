package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Level;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * BulkCreate's plain inserts go through {@code COPY ... FROM STDIN}: every supported type and hostile text arrive
 * exactly as one-row Creates store them, records may stream, and a bad record anywhere leaves nothing.
 */
class CopyBulkCreateTest {
  private static final List<String> HOSTILE = List.of(
      "tab\there", "new\nline", "cr\rand crlf\r\n", "back\\slash", "\\N", "\\.", "ends with a backslash\\",
      "copy\tend\n\\.\n", "", " leading and trailing ", "quotes ' \" `", "é ü ß 中文 😀", "\\x41", "a\u0001b");

  static List<Map<String, Object>> records() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < HOSTILE.size(); i++) {
      String text = HOSTILE.get(i);
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("text", text);
      r.put("code", "c" + i);
      r.put("small_number", (short) -i);
      r.put("count", i % 3 == 0 ? null : i * 1000);
      r.put("big_number", Long.MIN_VALUE + i);
      r.put("ratio", i == 0 ? Float.MAX_VALUE : 1.0f / (i + 3));
      r.put("score", i == 1 ? 1e-300 : -i * 1.5);
      r.put("price", new BigDecimal(i == 2 ? "-99999999.99" : i + ".05"));
      r.put("active", i % 2 == 0);
      r.put("reference", new UUID(i, -i));
      r.put("happened_at", Instant.parse("2026-11-30T09:15:00.123456Z").plusSeconds(i * 86_400L));
      r.put("scheduled_at", OffsetDateTime.of(2026, 1, 1 + i, 23, 59, 59, 999_999_000, ZoneOffset.ofHours(i - 7)));
      r.put("local_time", LocalDateTime.of(1999, 12, 31, 23, 0).plusMinutes(i));
      r.put("day", i == 3 ? LocalDate.of(-44, 3, 15) : LocalDate.of(2000, 2, 29).plusDays(i));
      r.put("payload", new byte[] {0, (byte) i, '\t', '\n', '\\', (byte) 0xff});
      r.put("level", Level.values()[i % 3]);
      r.put("attributes", Map.of("text", text, "n", i, "nested", Map.of("list", List.of(text, i))));
      r.put("tags", List.of(text, "tag" + i));
      records.add(r);
    }
    Map<String, Object> sparse = new HashMap<>(); // only what is required: every other column its default or NULL
    sparse.put("text", "sparse");
    sparse.put("score", 2.0);
    records.add(sparse);
    return records;
  }

  /** Every column but the timestamps of the write itself, as PostgreSQL's JSON of the row, by id. */
  private static List<String> rows(DataFlow db) {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (to_jsonb(t) - 'created_at' - 'updated_at')::text"
            + " FROM all_types t ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  @Test
  void everyTypeAndHostileTextArriveExactlyAsOneRowCreatesStoreThem() {
    List<Map<String, Object>> records = records();
    try (DataFlow copied = TestDataFlow.fresh(); DataFlow inserted = TestDataFlow.fresh()) {
      WorkflowResult bulk = new LocalRuntime(copied).execute(new WorkflowBuilder()
          .addNode("AllTypesBulkCreateNode", "bulk", Map.of("records", records, "batch_size", 4)).build());
      assertEquals(records.size(), bulk.get("bulk").get("inserted"));
      LocalRuntime one = new LocalRuntime(inserted);
      for (Map<String, Object> r : records) {
        one.execute(new WorkflowBuilder().addNode("AllTypesCreateNode", "create", r).build());
      }
      List<String> viaCopy = rows(copied);
      assertEquals(rows(inserted), viaCopy);
      assertEquals(records.size(), viaCopy.size());
      // and the ids came back in record order
      List<?> ids = (List<?>) bulk.get("bulk").get("ids");
      for (int i = 0; i < records.size(); i++) {
        Map<String, Object> read = new LocalRuntime(copied).execute(new WorkflowBuilder()
            .addNode("AllTypesReadNode", "read", Map.of("id", ids.get(i))).build()).get("read");
        assertEquals(records.get(i).get("text"), read.get("text"), "record " + i);
      }
    }
  }

  @Test
  void aBadRecordAt70001Of100000LeavesNoRowAndIsNamed() {
    try (DataFlow db = TestDataFlow.fresh()) {
      List<Map<String, Object>> records = new ArrayList<>(100_000);
      for (int i = 0; i < 100_000; i++) {
        records.add(Map.of("text", "row" + i, "score", (double) i, "code", i == 70_000 ? "dup" : "c" + i));
      }
      records.set(12, Map.of("text", "row12", "score", 12.0, "code", "dup")); // the unique code, taken early
      WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> new LocalRuntime(db)
          .execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "bulk",
              Map.of("records", records, "batch_size", 5000)).build()));
      assertTrue(e.getMessage().contains("record 70000"), e.getMessage());
      assertTrue(e.getMessage().contains("uq_all_types_code"), e.getMessage());
      assertFalse(e.getMessage().contains("dup"), "no value in the message: " + e.getMessage());
      assertEquals(0L, Tables.count(db, "all_types"));

      // a record the node itself refuses, far into a stream: nothing written either, the index named
      Stream<Map<String, Object>> stream = IntStream.range(0, 100_000).mapToObj(i -> i == 70_000
          ? Map.<String, Object>of("text", "bad", "score", "not a number")
          : Map.<String, Object>of("text", "row" + i, "score", (double) i));
      e = assertThrows(WorkflowExecutionException.class, () -> new LocalRuntime(db).execute(new WorkflowBuilder()
          .addNode("AllTypesBulkCreateNode", "bulk", Map.of("records", stream, "batch_size", 5000)).build()));
      assertTrue(e.getMessage().contains("records.70000.score"), e.getMessage());
      assertEquals(0L, Tables.count(db, "all_types"));
    }
  }

  @Test
  void aStreamIsReadOnceInBatchesAndClosed() {
    try (DataFlow db = TestDataFlow.fresh()) {
      AtomicInteger read = new AtomicInteger();
      AtomicBoolean closed = new AtomicBoolean();
      Stream<Map<String, Object>> stream = IntStream.range(0, 25_000)
          .mapToObj(i -> {
            read.incrementAndGet();
            return Map.<String, Object>of("text", "s" + i, "score", (double) i);
          })
          .onClose(() -> closed.set(true));
      Workflow workflow = new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "bulk",
          Map.of("records", stream, "batch_size", 1000, "return_ids", false)).build();
      WorkflowResult result = new LocalRuntime(db).execute(workflow);
      assertEquals(25_000, result.get("bulk").get("inserted"));
      assertFalse(result.get("bulk").containsKey("ids"), "return_ids false: no ids");
      assertEquals(25_000, read.get(), "each record read once");
      assertTrue(closed.get(), "the stream is closed");
      assertEquals(25_000L, Tables.count(db, "all_types"));

      WorkflowExecutionException again = assertThrows(WorkflowExecutionException.class,
          () -> new LocalRuntime(db).execute(workflow));
      assertTrue(again.getMessage().contains("the Stream of records was read already"), again.getMessage());

      // any Iterable works too, and can run again
      Iterable<Map<String, Object>> iterable = () -> IntStream.range(0, 3)
          .mapToObj(i -> Map.<String, Object>of("text", "i" + i, "score", 1.0)).iterator();
      Workflow twice = new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "bulk",
          Map.of("records", iterable)).build();
      assertEquals(3, ((List<?>) new LocalRuntime(db).execute(twice).get("bulk").get("ids")).size());
      assertEquals(3, new LocalRuntime(db).execute(twice).get("bulk").get("inserted"));
      assertEquals(25_006L, Tables.count(db, "all_types"));
    }
  }

  @Test
  void recordsThatAreNoListIterableOrStreamAreRefusedAtBuild() {
    var e = assertThrows(dev.dataflow.runtime.WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("AllTypesBulkCreateNode", "bulk", Map.of("records", "text")).build());
    assertTrue(e.getMessage().contains("expected a list (or an Iterable or a Stream) of records, got a String"),
        e.getMessage());
  }
}
