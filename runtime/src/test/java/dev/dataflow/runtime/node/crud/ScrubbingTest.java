package dev.dataflow.runtime.node.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Statements;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.scrub.PiiScrubber;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The scrubbing step on converted rows: which values are replaced, when the {@code @PiiScrubbed} flag is set, and the
 * refusal of a flag given by the caller. {@code ScrubOnWriteTest} (models) proves the same on PostgreSQL.
 */
class ScrubbingTest {
  private static final ModelDescriptor TICKETS = new ModelDescriptor("Ticket", "x.Ticket", "tickets", List.of(
      ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated(),
      ColumnDescriptor.column("body", "body", JavaType.STRING, "TEXT").notNull().asPii().asScrubbed(),
      ColumnDescriptor.column("note", "note", JavaType.STRING, "TEXT").asScrubbed(),
      ColumnDescriptor.column("status", "status", JavaType.STRING, "TEXT"),
      ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").notNull()
          .asPiiScrubbedFlag()),
      "id", List.of(), List.of(), new Statements("", List.of(), "", "", List.of(), "", ""));
  private static final PiiScrubber SCRUBBER = PiiScrubber.defaults();

  @Test
  void anInsertScrubsTheScrubbedColumnsOnlyAndAlwaysSetsTheFlag() {
    Map<String, Object> row = RowValues.forCreate(TICKETS,
        Map.of("body", "mail jane@example.com", "status", "call 9123 4567"), "");
    Scrubbing.beforeInsert(TICKETS, row, SCRUBBER);
    assertEquals(Map.of("body", "mail [EMAIL]", "status", "call 9123 4567", "pii_scrubbed", true), row,
        "status is not scrubbed; the flag needs no value from the caller although it is NOT NULL without default");
  }

  @Test
  void anUpdateSetsTheFlagOnlyWhenItWritesEveryScrubbedColumn() {
    Map<String, Object> some = RowValues.forUpdate(TICKETS, Map.of("body", Map.of("$set", "S1234567D")), "fields");
    Scrubbing.beforeUpdate(TICKETS, some, SCRUBBER);
    assertEquals(Map.of("body", "[NRIC]"), some);

    Map<String, Object> every = new LinkedHashMap<>();
    every.put("body", "4111 1111 1111 1111");
    every.put("note", null);
    Map<String, Object> all = RowValues.forUpdate(TICKETS, every, "fields");
    Scrubbing.beforeUpdate(TICKETS, all, SCRUBBER);
    assertEquals("[CARD]", all.get("body"));
    assertEquals(true, all.get("pii_scrubbed"));

    Map<String, Object> other = RowValues.forUpdate(TICKETS, Map.of("status", "x"), "fields");
    Scrubbing.beforeUpdate(TICKETS, other, SCRUBBER);
    assertFalse(other.containsKey("pii_scrubbed"));
  }

  @Test
  void anUpsertUpdateKeepsTheFlagUnlessTheRowGivesEveryScrubbedColumn() {
    assertEquals(List.of("pii_scrubbed"), Scrubbing.keptOnUpsertUpdate(TICKETS, Map.of("body", "b")));
    assertEquals(List.of(), Scrubbing.keptOnUpsertUpdate(TICKETS, Map.of("body", "b", "note", "n")));
  }

  @Test
  void theFlagIsRefusedFromTheCallerNamingTheColumn() {
    InvalidParameterException create = assertThrows(InvalidParameterException.class,
        () -> RowValues.forCreate(TICKETS, Map.of("body", "b", "pii_scrubbed", true), "records.2"));
    assertEquals("records.2.pii_scrubbed", create.parameter());
    assertEquals("pii_scrubbed is set by DataFlow when it scrubs body, note (true on every create, and on an update"
        + " that writes all of them); leave it out", create.reason());
    InvalidParameterException update = assertThrows(InvalidParameterException.class,
        () -> RowValues.forUpdate(TICKETS, Map.of("pii_scrubbed", false), "fields"));
    assertEquals("fields.pii_scrubbed", update.parameter());
  }

  @Test
  void aScrubbedColumnIsPersonalData() {
    assertTrue(TICKETS.column("note").pii(), "scrub = true implies @Pii, so the value is logged as <pii>");
    assertFalse(TICKETS.column("pii_scrubbed").givenByCaller());
    assertFalse(TICKETS.column("pii_scrubbed").requiredOnCreate());
    assertTrue(TICKETS.column("pii_scrubbed").writable(), "the statements still write it");
  }
}
