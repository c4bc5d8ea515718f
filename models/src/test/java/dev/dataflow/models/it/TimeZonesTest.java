package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Captured;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Times as people write them, on a real PostgreSQL: one database, three {@code DataFlow}s on it in UTC (the
 * default), Asia/Singapore (UTC+8, no daylight saving) and Europe/Berlin (daylight saving). A date-time without
 * offset given for a TIMESTAMPTZ column ({@code happened_at} is an {@code Instant}, {@code scheduled_at} an
 * {@code OffsetDateTime}) is read in the zone of the {@code DataFlow} that runs the workflow, in values, records,
 * filters, upserts and overrides; a TIMESTAMP column ({@code local_time}) refuses offsets and instants.
 */
class TimeZonesTest {
  private static final ZoneId SINGAPORE = ZoneId.of("Asia/Singapore");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String WRITTEN = "2026-11-30T09:15:00";
  private static DataFlow utc;
  private static DataFlow singapore;
  private static DataFlow berlin;

  @BeforeAll
  static void start() {
    String url = TestPostgres.newDatabase();
    utc = DataFlow.builder().databaseUrl(url).maximumPoolSize(2).createMissingTables(true).build();
    singapore = DataFlow.builder().databaseUrl(url).maximumPoolSize(2).zone(SINGAPORE).build();
    berlin = DataFlow.builder().databaseUrl(url).maximumPoolSize(2).zone(BERLIN).build();
  }

  @AfterAll
  static void stop() {
    for (DataFlow db : new DataFlow[] {utc, singapore, berlin}) {
      if (db != null) {
        db.close();
      }
    }
  }

  @BeforeEach
  void empty() {
    Tables.execute(utc, "TRUNCATE all_types RESTART IDENTITY");
  }

  private static Map<String, Object> run(DataFlow db, String type, Map<String, ?> params) {
    return new LocalRuntime(db).execute(new WorkflowBuilder().addNode(type, "n", params).build()).get("n");
  }

  private static Map<String, Object> read(long id) {
    return run(utc, "AllTypesReadNode", Map.of("id", id));
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("text", "t");
    row.put("score", 1.0);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  /** Rows whose happened_at and scheduled_at are 00:15, 01:15 (09:15 in Singapore) and 02:15 UTC; ids 1, 2, 3. */
  private static void seedThreeInstants() {
    for (String instant : List.of("2026-11-30T00:15:00Z", "2026-11-30T01:15:00Z", "2026-11-30T02:15:00Z")) {
      run(utc, "AllTypesCreateNode", row("happened_at", instant, "scheduled_at", instant, "code", instant));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Long> ids(Map<String, Object> listOutput) {
    List<Long> ids = new ArrayList<>();
    for (Map<String, Object> r : (List<Map<String, Object>>) listOutput.get("records")) {
      ids.add((Long) r.get("id"));
    }
    return ids;
  }

  // ------------------------------------------------------------------------------------------------ the setting

  @Test
  void theDefaultZoneIsUtcAndNullIsRefused() {
    assertEquals(ZoneOffset.UTC, utc.zone());
    assertEquals(SINGAPORE, singapore.zone());
    NullPointerException e = assertThrows(NullPointerException.class, () -> DataFlow.builder().zone(null));
    assertTrue(e.getMessage().contains("zone") && e.getMessage().contains("ZoneId"), e.getMessage());
  }

  // ------------------------------------------------------------------------------------------------- values

  @Test
  void theSameOffsetLessTimeUnderTwoZonesIsStoredEightHoursApart() {
    for (Object written : new Object[] {WRITTEN, LocalDateTime.parse(WRITTEN)}) {
      Map<String, Object> values = row("happened_at", written, "scheduled_at", written, "local_time", written);
      long inUtc = (Long) run(utc, "AllTypesCreateNode", values).get("id");
      long inSingapore = (Long) run(singapore, "AllTypesCreateNode", values).get("id");

      Instant utcInstant = (Instant) read(inUtc).get("happened_at");
      Instant singaporeInstant = (Instant) read(inSingapore).get("happened_at");
      assertEquals(Instant.parse("2026-11-30T09:15:00Z"), utcInstant, written.getClass().getSimpleName());
      assertEquals(Instant.parse("2026-11-30T01:15:00Z"), singaporeInstant, written.getClass().getSimpleName());
      assertEquals(Duration.ofHours(8), Duration.between(singaporeInstant, utcInstant));
      assertEquals(utcInstant, ((OffsetDateTime) read(inUtc).get("scheduled_at")).toInstant());
      assertEquals(singaporeInstant, ((OffsetDateTime) read(inSingapore).get("scheduled_at")).toInstant());
      // the TIMESTAMP column stores the local time as written, whatever the zone
      assertEquals(LocalDateTime.parse(WRITTEN), read(inUtc).get("local_time"));
      assertEquals(LocalDateTime.parse(WRITTEN), read(inSingapore).get("local_time"));
    }
    Tables.execute(utc, "DELETE FROM all_types WHERE happened_at <> '2026-11-30T01:15:00+00' AND happened_at <>"
        + " '2026-11-30T09:15:00+00'");
    assertEquals(4, Tables.count(utc, "all_types"), "PostgreSQL holds exactly the two instants, twice each");
  }

  @Test
  void offsetsKeepTheirOwnWhateverTheZone() {
    for (Object given : new Object[] {"2026-11-30T09:15:00Z", "2026-11-30T17:15:00+08:00",
        Instant.parse("2026-11-30T09:15:00Z"), OffsetDateTime.parse("2026-11-30T10:15:00+01:00")}) {
      long id = (Long) run(singapore, "AllTypesCreateNode", row("happened_at", given, "scheduled_at", given))
          .get("id");
      assertEquals(Instant.parse("2026-11-30T09:15:00Z"), read(id).get("happened_at"), String.valueOf(given));
      assertEquals(Instant.parse("2026-11-30T09:15:00Z"),
          ((OffsetDateTime) read(id).get("scheduled_at")).toInstant(), String.valueOf(given));
    }
  }

  @Test
  void oneWorkflowReadsItsTimesInTheZoneOfTheDataFlowThatRunsIt() {
    Workflow workflow = new WorkflowBuilder()
        .addNode("AllTypesCreateNode", "create", row("happened_at", WRITTEN))
        .build();
    long inUtc = (Long) new LocalRuntime(utc).execute(workflow).get("create").get("id");
    long inSingapore = (Long) new LocalRuntime(singapore).execute(workflow).get("create").get("id");
    assertEquals(Instant.parse("2026-11-30T09:15:00Z"), read(inUtc).get("happened_at"));
    assertEquals(Instant.parse("2026-11-30T01:15:00Z"), read(inSingapore).get("happened_at"));

    long overridden = (Long) new LocalRuntime(singapore).execute(workflow,
        Map.of("create", Map.of("happened_at", "2026-12-01T08:00:00"))).get("create").get("id");
    assertEquals(Instant.parse("2026-12-01T00:00:00Z"), read(overridden).get("happened_at"), "overrides too");
  }

  @Test
  void updatesBulkWritesAndUpsertsReadTheZone() {
    long id = (Long) run(utc, "AllTypesCreateNode", row("code", "a")).get("id");
    run(singapore, "AllTypesUpdateNode", Map.of("id", id, "fields", Map.of("happened_at", WRITTEN,
        "scheduled_at", Map.of("$set", LocalDateTime.parse(WRITTEN)))));
    assertEquals(Instant.parse("2026-11-30T01:15:00Z"), read(id).get("happened_at"));
    assertEquals(Instant.parse("2026-11-30T01:15:00Z"), ((OffsetDateTime) read(id).get("scheduled_at")).toInstant());

    run(singapore, "AllTypesUpdateNode", Map.of("filters", Map.of("happened_at", WRITTEN),
        "fields", Map.of("happened_at", "2026-11-30T10:15:00")));
    assertEquals(Instant.parse("2026-11-30T02:15:00Z"), read(id).get("happened_at"), "update by filters");

    Map<String, Object> bulk = run(singapore, "AllTypesBulkCreateNode", Map.of("records", List.of(
        row("code", "b", "happened_at", WRITTEN), row("code", "c", "happened_at", LocalDateTime.parse(WRITTEN)))));
    @SuppressWarnings("unchecked")
    List<Long> created = (List<Long>) bulk.get("ids");
    for (long each : created) {
      assertEquals(Instant.parse("2026-11-30T01:15:00Z"), read(each).get("happened_at"), "bulk create");
    }

    run(singapore, "AllTypesBulkUpdateNode", Map.of("records", List.of(
        Map.of("id", created.get(0), "happened_at", "2026-11-30T11:15:00"))));
    assertEquals(Instant.parse("2026-11-30T03:15:00Z"), read(created.get(0)).get("happened_at"), "bulk update");
    run(singapore, "AllTypesBulkUpdateNode", Map.of("filters", Map.of("happened_at", WRITTEN),
        "fields", Map.of("scheduled_at", WRITTEN)));
    assertEquals(Instant.parse("2026-11-30T01:15:00Z"),
        ((OffsetDateTime) read(created.get(1)).get("scheduled_at")).toInstant(), "bulk update by filters");

    Map<String, Object> upserted = run(singapore, "AllTypesCreateNode", row("code", "a", "happened_at",
        "2026-11-30T12:15:00", "on_conflict", "update", "conflict_columns", List.of("code")));
    assertEquals(1, upserted.get("updated"));
    assertEquals(Instant.parse("2026-11-30T04:15:00Z"), read(id).get("happened_at"), "upsert");
    run(singapore, "AllTypesBulkCreateNode", Map.of("records", List.of(row("code", "b", "happened_at",
        "2026-11-30T13:15:00")), "on_conflict", "update", "conflict_columns", List.of("code")));
    assertEquals(Instant.parse("2026-11-30T05:15:00Z"), read(created.get(0)).get("happened_at"), "bulk upsert");
  }

  // ----------------------------------------------------------------------------------------------- filters

  @Test
  void offsetLessFiltersSelectTheRowsOfTheZone() {
    seedThreeInstants();
    Map<String, Object> fromNine = Map.of("happened_at", Map.of("$gte", WRITTEN));
    assertEquals(List.of(2L, 3L), ids(run(singapore, "AllTypesListNode", Map.of("filters", fromNine))));
    assertEquals(List.of(), ids(run(utc, "AllTypesListNode", Map.of("filters", fromNine))), "09:15Z is after all");
    assertEquals(2L, run(singapore, "AllTypesCountNode", Map.of("filters", fromNine)).get("count"));
    assertEquals(List.of(1L), ids(run(singapore, "AllTypesListNode", Map.of("filters",
        Map.of("scheduled_at", Map.of("$lt", LocalDateTime.parse(WRITTEN)))))));
    assertEquals(List.of(1L, 3L), ids(run(singapore, "AllTypesListNode", Map.of("filters",
        Map.of("happened_at", Map.of("$in", List.of("2026-11-30T08:15:00", "2026-11-30T10:15:00")))))));
    assertEquals(true, run(singapore, "AllTypesExistsNode", Map.of("filters", Map.of("happened_at", WRITTEN)))
        .get("exists"));
    assertEquals(false, run(utc, "AllTypesExistsNode", Map.of("filters", Map.of("happened_at", WRITTEN)))
        .get("exists"));
    assertEquals(2L, run(singapore, "AllTypesReadNode", Map.of("filters", Map.of("happened_at", WRITTEN)))
        .get("id"));
    run(singapore, "AllTypesDeleteNode", Map.of("filters", Map.of("happened_at", Map.of("$gt", WRITTEN))));
    assertEquals(2, Tables.count(utc, "all_types"), "row 3 (10:15 in Singapore) deleted");
  }

  @Test
  void cursorsPageThroughRowsSelectedInTheZone() {
    seedThreeInstants();
    run(utc, "AllTypesCreateNode", row("happened_at", "2026-11-29T23:00:00Z"));
    Map<String, Object> params = new LinkedHashMap<>(Map.of("filters",
        Map.of("happened_at", Map.of("$gte", "2026-11-30T08:00:00")), "order_by", List.of("-happened_at"),
        "limit", 2));
    Map<String, Object> first = run(singapore, "AllTypesListNode", params);
    assertEquals(List.of(3L, 2L), ids(first));
    params.put("cursor", first.get("next_cursor"));
    Map<String, Object> second = run(singapore, "AllTypesListNode", params);
    assertEquals(List.of(1L), ids(second), "row 4 (07:00 in Singapore) is before the filter");
    assertNull(second.get("next_cursor"));
  }

  // --------------------------------------------------------------------------------------------- daylight saving

  @Test
  void aLocalTimeInTheSpringGapMovesForwardAndOneInTheAutumnOverlapTakesTheEarlierOffset() {
    for (Object gap : new Object[] {"2026-03-29T02:30:00", LocalDateTime.parse("2026-03-29T02:30:00")}) {
      long id = (Long) run(berlin, "AllTypesCreateNode", row("happened_at", gap, "scheduled_at", gap,
          "local_time", gap)).get("id");
      // 02:00 CET jumps to 03:00 CEST: 02:30 is read as 03:30+02:00
      assertEquals(Instant.parse("2026-03-29T01:30:00Z"), read(id).get("happened_at"));
      assertEquals(Instant.parse("2026-03-29T01:30:00Z"), ((OffsetDateTime) read(id).get("scheduled_at"))
          .toInstant());
      assertEquals(LocalDateTime.parse("2026-03-29T02:30:00"), read(id).get("local_time"), "TIMESTAMP as written");
    }
    for (Object overlap : new Object[] {"2026-10-25T02:30:00", LocalDateTime.parse("2026-10-25T02:30:00")}) {
      long id = (Long) run(berlin, "AllTypesCreateNode", row("happened_at", overlap)).get("id");
      // 03:00 CEST falls back to 02:00 CET: the first 02:30 (+02:00) is taken
      assertEquals(Instant.parse("2026-10-25T00:30:00Z"), read(id).get("happened_at"));
    }
    assertEquals(2L, run(berlin, "AllTypesCountNode", Map.of("filters",
        Map.of("happened_at", Map.of("$gt", "2026-10-25T02:00:00", "$lt", "2026-10-25T02:45:00")))).get("count"),
        "filters read overlap times the same way (both rows)");
    assertEquals(0L, run(berlin, "AllTypesCountNode", Map.of("filters",
        Map.of("happened_at", Map.of("$gt", "2026-10-25T02:00:00+01:00")))).get("count"),
        "none is at the later 02:30");
    assertEquals(2L, run(berlin, "AllTypesCountNode", Map.of("filters",
        Map.of("happened_at", "2026-03-29T03:30:00"))).get("count"), "03:30 is the instant 02:30 was moved to");
  }

  // -------------------------------------------------------------------------------------- TIMESTAMP columns

  @Test
  void aTimestampColumnRefusesOffsetsAtBuildNamingNodeParameterAndFix() {
    for (String given : List.of("2026-11-30T09:15:00Z", "2026-11-30T09:15:00+08:00")) {
      WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
          .addNode("AllTypesCreateNode", "log_time", row("local_time", given)).build());
      assertEquals(1, e.problems().size(), e.getMessage());
      WorkflowValidationException.Problem p = e.problems().get(0);
      assertEquals("log_time", p.nodeId());
      assertEquals("AllTypesCreateNode", p.nodeType());
      assertEquals("local_time", p.parameter());
      assertTrue(p.message().contains("holding an offset"), p.message());
      assertTrue(p.message().contains("give the local date-time, such as 2024-05-01T09:30:00"), p.message());
      assertTrue(p.message().contains("make the field an Instant (TIMESTAMPTZ)"), p.message());
      assertTrue(e.getMessage().contains("node 'log_time' (AllTypesCreateNode): parameter 'local_time'"),
          e.getMessage());
      assertFalse(Captured.everythingSaid(e).contains(given), "no value in the message");
    }
    WorkflowValidationException filter = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("AllTypesListNode", "recent", Map.of("filters",
            Map.of("local_time", Map.of("$gte", "2026-11-30T09:15:00Z")))).build());
    assertEquals("filters.local_time.$gte", filter.problems().get(0).parameter());
    assertTrue(filter.problems().get(0).message().contains("make the field an Instant"), filter.getMessage());
    WorkflowValidationException update = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("AllTypesUpdateNode", "u", Map.of("id", 1, "fields", Map.of("local_time", "2026-11-30T09:15:00Z")))
        .build());
    assertEquals("fields.local_time", update.problems().get(0).parameter());
  }

  @Test
  void aTimestampColumnRefusesAnInstantFromAConnectionAtRunTime() {
    long id = (Long) run(utc, "AllTypesCreateNode", row("happened_at", "2026-11-30T09:15:00Z")).get("id");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> new LocalRuntime(singapore).execute(new WorkflowBuilder()
            .addNode("AllTypesReadNode", "source", Map.of("id", id))
            .addNode("AllTypesCreateNode", "copy", row())
            .addConnection("source", "happened_at", "copy", "local_time")
            .build()));
    assertEquals("copy", e.nodeId());
    assertEquals("AllTypesCreateNode", e.nodeType());
    assertEquals("local_time", e.parameter());
    assertTrue(e.getMessage().contains("is an instant") && e.getMessage().contains("make the field an Instant"),
        e.getMessage());
    assertEquals(1, Tables.count(utc, "all_types"), "nothing copied");
  }

  @Test
  void aDateWithoutTimeIsStillRefusedForATimestamptzColumn() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("AllTypesCreateNode", "n", row("happened_at", "2026-11-30")).build());
    assertEquals("happened_at", e.problems().get(0).parameter());
    assertTrue(e.problems().get(0).message().contains("without a time of day"), e.getMessage());
  }
}
