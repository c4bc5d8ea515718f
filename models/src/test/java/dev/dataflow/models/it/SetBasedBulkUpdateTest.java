package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dataflow.models.testing.Level;
import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * BulkUpdate by records sends records that set the same columns as one {@code UPDATE ... FROM unnest(...)}: the
 * rows end exactly as record-by-record Updates leave them, and a missing row or a stale version still fails the
 * whole call, naming the record.
 */
class SetBasedBulkUpdateTest {

  private static Map<String, Object> run(DataFlow db, String type, Map<String, ?> params) {
    return new LocalRuntime(db).execute(new WorkflowBuilder().addNode(type, "n", params).build()).get("n");
  }

  /** Every row without the time of its last write, by id. */
  private static List<String> rows(DataFlow db, String table) {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT (to_jsonb(t) - 'updated_at' - 'created_at')::text FROM " + table
            + " t ORDER BY id")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return rows;
  }

  private static void seed(DataFlow db, int n) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      records.add(Map.of("text", "t" + i, "score", (double) i, "count", i));
    }
    run(db, "AllTypesBulkCreateNode", Map.of("records", records));
  }

  /** Shapes that go set-based, one that goes alone, $inc, NULLs and every kind of value. */
  private static List<Map<String, Object>> updates(int n) {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("id", (long) i + 1);
      switch (i % 4) {
        case 0, 1 -> {
          r.put("text", "tab\there " + i);
          r.put("level", Level.values()[i % 3]);
          r.put("happened_at", Instant.parse("2026-11-30T09:15:00.000001Z").plusSeconds(i));
          r.put("attributes", Map.of("n", i, "s", "x\ny"));
          r.put("count", i % 8 == 0 ? null : i);
        }
        case 2 -> {
          r.put("score", i * 0.25);
          r.put("payload", new byte[] {1, 2, (byte) i});
        }
        default -> r.put("count", Map.of("$inc", 10));
      }
      records.add(r);
    }
    records.get(n - 1).clear(); // a record with a column set of its own
    records.get(n - 1).put("id", (long) n);
    records.get(n - 1).put("ratio", 0.5f);
    return records;
  }

  @Test
  void rowsEndAsRecordByRecordUpdatesLeaveThem() {
    int n = 2_003;
    try (DataFlow setBased = TestDataFlow.fresh(); DataFlow oneByOne = TestDataFlow.fresh()) {
      seed(setBased, n);
      seed(oneByOne, n);
      List<Map<String, Object>> records = updates(n);
      assertEquals(n, run(setBased, "AllTypesBulkUpdateNode", Map.of("records", records)).get("updated"));
      for (Map<String, Object> r : records) {
        Map<String, Object> fields = new LinkedHashMap<>(r);
        Object id = fields.remove("id");
        run(oneByOne, "AllTypesUpdateNode", Map.of("id", id, "fields", fields));
      }
      assertEquals(rows(oneByOne, "all_types"), rows(setBased, "all_types"));
    }
  }

  @Test
  void aRepeatedKeyKeepsRecordOrderTheLastRecordWins() {
    try (DataFlow db = TestDataFlow.fresh()) {
      seed(db, 3);
      run(db, "AllTypesBulkUpdateNode", Map.of("records", List.of(
          Map.of("id", 1L, "text", "first"), Map.of("id", 2L, "text", "other"), Map.of("id", 1L, "text", "last"))));
      assertTrue(rows(db, "all_types").get(0).contains("\"text\": \"last\""), rows(db, "all_types").get(0));
    }
  }

  @Test
  void aMissingRowFailsTheCallNamingItsRecordAndNothingIsWritten() {
    try (DataFlow db = TestDataFlow.fresh()) {
      seed(db, 10);
      List<String> before = rows(db, "all_types");
      List<Map<String, Object>> records = new ArrayList<>();
      for (long id = 1; id <= 10; id++) {
        records.add(Map.of("id", id == 7 ? 999L : id, "text", "changed"));
      }
      WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
          () -> run(db, "AllTypesBulkUpdateNode", Map.of("records", records)));
      assertTrue(e.getMessage().contains("records.6: no AllTypes with the given id"), e.getMessage());
      assertEquals(before, rows(db, "all_types"));
    }
  }

  @Test
  void aStaleVersionFailsTheCallNamingItsRecordAndTheOthersKeepTheirVersions() {
    try (DataFlow db = TestDataFlow.fresh()) {
      List<Map<String, Object>> owners = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        owners.add(Map.of("owner", "o" + i, "balance", 100));
      }
      run(db, "LedgerBulkCreateNode", Map.of("records", owners));
      run(db, "LedgerUpdateNode", Map.of("id", 4L, "version", 1, "fields", Map.of("note", "moved on")));
      List<String> before = rows(db, "ledgers");
      List<Map<String, Object>> records = new ArrayList<>();
      for (long id = 1; id <= 6; id++) {
        records.add(Map.of("id", id, "version", 1, "balance", 50));
      }
      WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
          () -> run(db, "LedgerBulkUpdateNode", Map.of("records", records)));
      assertTrue(e.getMessage().contains("records.3.version: the Ledger changed since it was read: version 1 was"
          + " given, the row is now at version 2"), e.getMessage());
      assertEquals(before, rows(db, "ledgers"));

      records.set(3, Map.of("id", 4L, "version", 2, "balance", 50));
      assertEquals(6, run(db, "LedgerBulkUpdateNode", Map.of("records", records)).get("updated"));
      for (String row : rows(db, "ledgers")) {
        assertTrue(row.contains("\"balance\": 50"), row);
        assertTrue(row.contains("\"version\": " + (row.contains("\"id\": 4,") ? 3 : 2)), row);
      }
    }
  }
}
