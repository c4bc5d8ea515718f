package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Captured;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TicketCreateNode;
import dev.dataflow.models.testing.TicketUpdateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every write path scrubs {@code @Pii(scrub = true)} text before it is stored and sets the {@code @PiiScrubbed} flag;
 * a caller cannot set the flag. Each path is run in one call with a write that fails after it (a unique violation or
 * a value too long), with parameter values logged, and the stored rows, the captured log and the failure's whole
 * exception chain are searched for the originals. The DataFlow has an application pattern, ORDER_REF.
 */
class ScrubOnWriteTest extends DatabaseTest {
  private static final String EMAIL = "jane.doe@example.com";
  private static final String PHONE = "+65 9123 4567";
  private static final String CARD = "4111 1111 1111 1111";
  private static final String NRIC = "S1234567D";
  private static final String ORDER = "ORD-12345678";
  private static final String BODY =
      "Call " + PHONE + " or mail " + EMAIL + ", card " + CARD + ", NRIC " + NRIC + ", re " + ORDER;
  private static final String SCRUBBED_BODY = "Call [PHONE] or mail [EMAIL], card [CARD], NRIC [NRIC], re [ORDER_REF]";
  private static final String NOTE = "ring 9123 4567 at noon";
  private static final String SCRUBBED_NOTE = "ring [PHONE] at noon";
  /** 31 characters, longer than the column's 24: only the scrubbed text, 18 characters, fits. */
  private static final String LONG_NOTE = "mail " + EMAIL + " today";
  private static final String SCRUBBED_LONG_NOTE = "mail [EMAIL] today";
  private static final List<String> ORIGINALS = List.of(EMAIL, "9123 4567", CARD, NRIC, ORDER, BODY, LONG_NOTE);
  /** Not personal data: it must show in the DEBUG log, which proves the log was captured. */
  private static final String MARKER = "status-marker-7";
  private static final String TOO_LONG_CODE = "c".repeat(40);
  private static final ExecutionOptions LOG_VALUES = ExecutionOptions.builder().logParameterValues(true).build();

  /** A terse server log (see PiiTest), and the application's own pattern next to the built-in detectors. */
  @BeforeAll
  static void onATerseDatabaseWithAnOrderPattern() throws Exception {
    db.close();
    String url = TestPostgres.newDatabase();
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE \"" + name + "\" SET log_error_verbosity = 'terse'");
    }
    db = DataFlow.builder().databaseUrl(url).maximumPoolSize(4).createMissingTables(true)
        .piiScrubber(PiiScrubber.builder().add("ORDER_REF", Pattern.compile("\\bORD-\\d{8}\\b")).build())
        .build();
    runtime = new LocalRuntime(db);
  }

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE tickets RESTART IDENTITY");
  }

  // ---- each write path ----

  @Test
  void createScrubsEveryScrubbedColumnAndSetsTheFlag() {
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketCreateNode", "open", Map.of("code", "t1", "body", BODY, "note", LONG_NOTE, "status", MARKER))
        .addNode("TicketCreateNode", "again", Map.of("code", "t1", "body", BODY)), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"),
        "the scrubbed note fits VARCHAR(24), where the original would not");
    assertNoOriginals(said);
  }

  @Test
  void createWithoutTheOptionalScrubbedColumnStillSetsTheFlag() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "no personal data here"));
    assertEquals(Arrays.asList("no personal data here", null, true), stored("t1"));
  }

  @Test
  void createUpsertScrubsOnUpdateAndIgnore() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "old"));
    Tables.execute(db, "UPDATE tickets SET pii_scrubbed = false"); // as a row stored before scrubbing on write
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketCreateNode", "update", Map.of("code", "t1", "body", BODY, "note", NOTE, "status", MARKER,
            "on_conflict", "update", "conflict_columns", List.of("code")))
        .addNode("TicketCreateNode", "ignore", Map.of("code", "t1", "body", BODY + " again",
            "on_conflict", "ignore", "conflict_columns", List.of("code")))
        .addNode("TicketCreateNode", "insert", Map.of("code", "t2", "body", BODY,
            "on_conflict", "ignore", "conflict_columns", List.of("code")))
        .addNode("TicketCreateNode", "tooLong", Map.of("code", TOO_LONG_CODE, "body", BODY,
            "on_conflict", "update", "conflict_columns", List.of("code"))), "22001");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_NOTE, true), stored("t1"),
        "the update wrote every scrubbed column, so the flag is set; ignore left the row alone");
    assertEquals(Arrays.asList(SCRUBBED_BODY, null, true), stored("t2"));
    assertNoOriginals(said);
  }

  @Test
  void anUpsertUpdateOfSomeScrubbedColumnsLeavesTheFlagAsItWas() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "old", "note", "old note"));
    Tables.execute(db, "UPDATE tickets SET pii_scrubbed = false");
    run("TicketCreateNode", Map.of("code", "t1", "body", BODY, "on_conflict", "update",
        "conflict_columns", List.of("code")));
    assertEquals(List.of(SCRUBBED_BODY, "old note", false), stored("t1"),
        "note was not written, so the row is not known to be scrubbed");
    run("TicketBulkCreateNode", Map.of("records", List.of(Map.of("code", "t2", "body", BODY)),
        "on_conflict", "update", "conflict_columns", List.of("code")));
    assertEquals(Arrays.asList(SCRUBBED_BODY, null, true), stored("t2"), "an inserted row is scrubbed whole");
  }

  @Test
  void updateByIdScrubs() {
    Object id = run("TicketCreateNode", Map.of("code", "t1", "body", "old")).get("id");
    run("TicketCreateNode", Map.of("code", "t2", "body", "other"));
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketUpdateNode", "edit", Map.of("id", id, "fields",
            Map.of("body", BODY, "note", NOTE, "status", MARKER)))
        .addNode("TicketUpdateNode", "clash", Map.of("id", id, "fields", Map.of("code", "t2", "body", BODY))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_NOTE, true), stored("t1"));
    assertNoOriginals(said);
  }

  @Test
  void updateByFiltersScrubs() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "old", "status", "open"));
    run("TicketCreateNode", Map.of("code", "t2", "body", "old", "status", "open"));
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketUpdateNode", "edit", Map.of("filters", Map.of("status", "open"),
            "fields", Map.of("body", BODY, "note", LONG_NOTE)))
        .addNode("TicketUpdateNode", "clash", Map.of("filters", Map.of("code", "t2"),
            "fields", Map.of("code", "t1", "body", BODY, "status", MARKER))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"));
    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t2"));
    assertNoOriginals(said);
  }

  @Test
  void setOperatorScrubs() {
    Object id = run("TicketCreateNode", Map.of("code", "t1", "body", "old")).get("id");
    run("TicketCreateNode", Map.of("code", "t2", "body", "other"));
    String said = failingCall(new WorkflowBuilder()
        .addNode("edit", TicketUpdateNode.params().id((Long) id).fields(Map.of("body", Map.of("$set", BODY),
            "note", Map.of("$set", LONG_NOTE), "status", Map.of("$set", MARKER))))
        .addNode("TicketBulkUpdateNode", "clash", Map.of("filters", Map.of("code", "t2"),
            "fields", Map.of("code", Map.of("$set", "t1"), "body", Map.of("$set", BODY)))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"));
    assertNoOriginals(said);
  }

  @Test
  void bulkCreateScrubsEveryRecord() {
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketBulkCreateNode", "open", Map.of("records", List.of(
            Map.of("code", "t1", "body", BODY, "note", LONG_NOTE, "status", MARKER),
            Map.of("code", "t2", "body", "plain text"))))
        .addNode("TicketBulkCreateNode", "again", Map.of("records", List.of(
            Map.of("code", "t3", "body", BODY), Map.of("code", "t1", "body", BODY, "note", NOTE)))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"));
    assertEquals(Arrays.asList("plain text", null, true), stored("t2"));
    assertEquals(2, Tables.count(db, "tickets"), "the failed bulk create wrote none of its records");
    assertNoOriginals(said);
  }

  @Test
  void bulkCreateUpsertScrubsInsertedAndUpdatedRecords() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "old"));
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketBulkCreateNode", "upsert", Map.of("records", List.of(
            Map.of("code", "t1", "body", BODY, "note", NOTE, "status", MARKER),
            Map.of("code", "t2", "body", BODY, "note", LONG_NOTE)),
            "on_conflict", "update", "conflict_columns", List.of("code")))
        .addNode("TicketBulkCreateNode", "tooLong", Map.of("records", List.of(
            Map.of("code", TOO_LONG_CODE, "body", BODY)),
            "on_conflict", "ignore", "conflict_columns", List.of("code"))), "22001");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_NOTE, true), stored("t1"));
    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t2"));
    assertNoOriginals(said);
  }

  @Test
  void bulkUpdateByRecordsScrubsEachRecord() {
    Object first = run("TicketCreateNode", Map.of("code", "t1", "body", "old")).get("id");
    Object second = run("TicketCreateNode", Map.of("code", "t2", "body", "old")).get("id");
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketBulkUpdateNode", "edit", Map.of("records", List.of(
            Map.of("id", first, "body", BODY, "note", LONG_NOTE, "status", MARKER),
            Map.of("id", second, "body", BODY, "note", NOTE))))
        .addNode("TicketBulkUpdateNode", "clash", Map.of("records", List.of(
            Map.of("id", first, "body", BODY + "!"), Map.of("id", second, "code", "t1", "body", BODY)))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"),
        "the failed call's first record was rolled back with the second");
    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_NOTE, true), stored("t2"));
    assertNoOriginals(said);
  }

  @Test
  void bulkUpdateByFiltersScrubs() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "old", "status", "open"));
    run("TicketCreateNode", Map.of("code", "t2", "body", "old", "status", "open"));
    String said = failingCall(new WorkflowBuilder()
        .addNode("TicketBulkUpdateNode", "edit", Map.of("filters", Map.of("status", "open"),
            "fields", Map.of("body", BODY, "note", LONG_NOTE, "status", MARKER)))
        .addNode("TicketBulkUpdateNode", "clash", Map.of("filters", Map.of("status", MARKER),
            "fields", Map.of("code", "t1", "body", BODY))), "23505");

    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t1"));
    assertEquals(List.of(SCRUBBED_BODY, SCRUBBED_LONG_NOTE, true), stored("t2"));
    assertNoOriginals(said);
  }

  // ---- the flag ----

  @Test
  void anUpdateSetsTheFlagOnlyWhenItWritesEveryScrubbedColumn() {
    Object id = run("TicketCreateNode", Map.of("code", "t1", "body", "old", "note", "old note")).get("id");
    Tables.execute(db, "UPDATE tickets SET pii_scrubbed = false");

    run("TicketUpdateNode", Map.of("id", id, "fields", Map.of("status", "closed")));
    assertEquals(List.of("old", "old note", false), stored("t1"), "no scrubbed column written");
    run("TicketUpdateNode", Map.of("id", id, "fields", Map.of("body", BODY)));
    assertEquals(List.of(SCRUBBED_BODY, "old note", false), stored("t1"), "note may still hold personal data");
    run("TicketBulkUpdateNode", Map.of("records", List.of(Map.of("id", id, "body", "b", "note", NOTE))));
    assertEquals(List.of("b", SCRUBBED_NOTE, true), stored("t1"));
    run("TicketUpdateNode", Map.of("id", id, "fields", Map.of("status", "open")));
    assertEquals(true, stored("t1").get(2), "an update of other columns leaves the flag as it was");
  }

  @Test
  void filtersCompareWithTheStoredScrubbedText() {
    run("TicketCreateNode", Map.of("code", "t1", "body", "mail " + EMAIL));
    assertEquals(0L, run("TicketCountNode", Map.of("filters", Map.of("body", "mail " + EMAIL))).get("count"));
    assertEquals(1L, run("TicketCountNode", Map.of("filters", Map.of("body", "mail [EMAIL]"))).get("count"));
  }

  // ---- the flag cannot be set by hand ----

  @Test
  void settingTheFlagIsRefusedAtBuildOnEveryWritePath() {
    List<WorkflowBuilder> attempts = List.of(
        new WorkflowBuilder().addNode("TicketCreateNode", "n",
            Map.of("code", "t1", "body", "b", "pii_scrubbed", true)),
        new WorkflowBuilder().addNode("TicketUpdateNode", "n",
            Map.of("id", 1, "fields", Map.of("pii_scrubbed", true))),
        new WorkflowBuilder().addNode("TicketUpdateNode", "n",
            Map.of("filters", Map.of("code", "t1"), "fields", Map.of("pii_scrubbed", Map.of("$set", false)))),
        new WorkflowBuilder().addNode("TicketBulkCreateNode", "n",
            Map.of("records", List.of(Map.of("code", "t1", "body", "b", "pii_scrubbed", false)))),
        new WorkflowBuilder().addNode("TicketBulkUpdateNode", "n",
            Map.of("records", List.of(Map.of("id", 1, "pii_scrubbed", true)))),
        new WorkflowBuilder().addNode("TicketBulkUpdateNode", "n",
            Map.of("filters", Map.of("code", "t1"), "fields", Map.of("pii_scrubbed", true))));
    for (WorkflowBuilder attempt : attempts) {
      WorkflowValidationException e = assertThrows(WorkflowValidationException.class, attempt::build);
      assertTrue(e.getMessage().contains("pii_scrubbed is set by DataFlow when it scrubs body, note")
          && e.getMessage().contains("leave it out"), e.getMessage());
    }
  }

  @Test
  void settingTheFlagThroughAConnectionIsRefusedAndWritesNothing() {
    Object id = run("TicketCreateNode", Map.of("code", "t1", "body", "old")).get("id");
    Tables.execute(db, "UPDATE tickets SET pii_scrubbed = false");
    List<String> before = Tables.snapshot(db, "tickets");

    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder()
            .addNode("TicketReadNode", "read", Map.of("id", id))
            .addNode("edit", TicketUpdateNode.params().id((Long) id).fields(Map.of("status", "x")))
            .addConnection("read", "id", "edit", "fields.pii_scrubbed")
            .build()));
    InvalidParameterException cause = assertInstanceOf(InvalidParameterException.class, e.getCause());
    assertEquals("fields.pii_scrubbed", cause.parameter());
    assertTrue(cause.getMessage().contains("pii_scrubbed is set by DataFlow when it scrubs"), cause.getMessage());
    assertEquals(before, Tables.snapshot(db, "tickets"));

    WorkflowValidationException intoCreate = assertThrows(WorkflowValidationException.class, () ->
        new WorkflowBuilder()
            .addNode("TicketReadNode", "read", Map.of("id", id))
            .addNode("create", TicketCreateNode.params().code("t2").body("b"))
            .addConnection("read", "pii_scrubbed", "create", "pii_scrubbed")
            .build());
    assertTrue(intoCreate.getMessage().contains("pii_scrubbed is set by DataFlow"), intoCreate.getMessage());
    assertEquals(before, Tables.snapshot(db, "tickets"));
  }

  @Test
  void theTypedBuildersHaveNoSetterForTheFlag() {
    for (Class<?> params : List.of(TicketCreateNode.Params.class, TicketUpdateNode.Params.class,
        dev.dataflow.models.testing.TicketBulkUpdateNode.Params.class)) {
      for (var method : params.getMethods()) {
        assertFalse(method.getName().equals("piiScrubbed"), params + " has " + method);
      }
    }
  }

  // ---- helpers ----

  /** body, note and pii_scrubbed of the row with this code, read straight from the table. */
  private static List<Object> stored(String code) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT body, note, pii_scrubbed FROM tickets WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "no ticket " + code);
        return Arrays.asList(rs.getString(1), rs.getString(2), rs.getBoolean(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Runs the workflow, whose last node fails with {@code sqlState}, with parameter values logged; returns the log and
   * everything the failure says. Checks the log was captured and the stored rows hold none of the originals.
   */
  private static String failingCall(WorkflowBuilder workflow, String sqlState) {
    Workflow built = workflow.build();
    WorkflowExecutionException[] failure = new WorkflowExecutionException[1];
    String log = Captured.err(() -> failure[0] =
        assertThrows(WorkflowExecutionException.class, () -> runtime.execute(built, LOG_VALUES)));
    assertNotNull(failure[0]);
    DatabaseException cause = assertInstanceOf(DatabaseException.class, failure[0].getCause(),
        () -> Captured.everythingSaid(failure[0]));
    assertEquals(sqlState, cause.sqlState());
    assertTrue(log.contains("parameters:") && log.contains("body=<pii>"), "values are logged:\n" + log);
    assertTrue(log.contains("failed"), "the failure is logged:\n" + log);
    assertTrue(log.contains(MARKER), "a value that is not personal data is logged as given:\n" + log);
    assertNoOriginals(String.join("\n", Tables.snapshot(db, "tickets")));
    return log + "\n" + Captured.everythingSaid(failure[0]);
  }

  private static void assertNoOriginals(String text) {
    for (String original : ORIGINALS) {
      assertFalse(text.contains(original), "'" + original + "' leaked into:\n" + text);
    }
  }
}
