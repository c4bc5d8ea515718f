package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationMessageSchema;
import dev.dataflow.models.ConversationSessionSchema;
import dev.dataflow.models.UserInteractionSummarySchema;
import dev.dataflow.models.testing.Captured;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.PatientSchema;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No bound value appears in messages or logs by default, and the value of a {@code @Pii} field never does, even with
 * {@code logParameterValues(true)}. slf4j-simple (configured in {@code simplelogger.properties}) writes to whatever
 * {@code System.err} is at the time of the write, so the log is captured by swapping it.
 */
class PiiTest extends DatabaseTest {
  private static final String EMAIL = "jane.doe.6591234567@example.com";
  private static final String NAME = "Jane Secret-Doe";
  private static final String OTHER_NAME = "Janet Hidden-Roe";
  /** Not personal data: it must show in the DEBUG log, which proves the log was captured. */
  private static final String WARD = "ward-marker-42";

  /**
   * The embedded PostgreSQL server's own log goes to System.err in this JVM too, and the server writes an error's
   * DETAIL (which quotes the duplicate key) to its log unless {@code log_error_verbosity} is terse. That log is the
   * database operator's to configure, not DataFlow's output, so this class's database gets the terse setting before
   * DataFlow connects; everything else captured is what DataFlow itself says.
   */
  @BeforeAll
  static void onATerseDatabase() throws Exception {
    db.close();
    String url = TestPostgres.newDatabase();
    String name = url.substring(url.lastIndexOf('/') + 1).replaceAll("\\?.*", "");
    try (Connection c = TestPostgres.server().getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("ALTER DATABASE \"" + name + "\" SET log_error_verbosity = 'terse'");
    }
    db = DataFlow.builder().databaseUrl(url).maximumPoolSize(4).createMissingTables(true).build();
    runtime = new LocalRuntime(db);
  }

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE patients RESTART IDENTITY");
    run("PatientCreateNode", Map.of("email", EMAIL, "full_name", NAME, "ward", "ward-1"));
  }

  private static Workflow duplicateInsert() {
    return new WorkflowBuilder()
        .addNode("PatientCreateNode", "admit", Map.of("email", EMAIL, "full_name", OTHER_NAME, "ward", WARD))
        .build();
  }

  private static void assertNoPii(String text) {
    for (String value : List.of(EMAIL, NAME, OTHER_NAME, "6591234567")) {
      assertFalse(text.contains(value), "personal data '" + value + "' leaked into:\n" + text);
    }
  }

  @Test
  void aFailedInsertWithValueLoggingOnLogsNoPersonalData() {
    ExecutionOptions options = ExecutionOptions.builder().logParameterValues(true).build();
    WorkflowExecutionException[] failure = new WorkflowExecutionException[1];
    String log = Captured.err(() -> failure[0] =
        assertThrows(WorkflowExecutionException.class, () -> runtime.execute(duplicateInsert(), options)));

    DatabaseException cause = assertInstanceOf(DatabaseException.class, failure[0].getCause());
    assertEquals("23505", cause.sqlState());
    assertTrue(log.contains(WARD), "the non-PII value is logged at DEBUG:\n" + log);
    assertTrue(log.contains("email=<pii>") && log.contains("full_name=<pii>"), log);
    assertTrue(log.contains("failed"), "the failure is logged too:\n" + log);
    assertNoPii(log);
    assertNoPii(Captured.everythingSaid(failure[0]));
  }

  @Test
  void withoutValueLoggingNoValueAppearsAtAll() {
    WorkflowExecutionException[] failure = new WorkflowExecutionException[1];
    String log = Captured.err(() -> failure[0] =
        assertThrows(WorkflowExecutionException.class, () -> runtime.execute(duplicateInsert())));

    assertTrue(log.contains("failed"), "the failure is logged, so the log was captured:\n" + log);
    assertFalse(log.contains(WARD), log);
    assertFalse(log.contains("parameters:"), log);
    assertNoPii(log);
    String said = Captured.everythingSaid(failure[0]);
    assertNoPii(said);
    assertFalse(said.contains(WARD), said);
  }

  @Test
  void personalDataIsHiddenWhereverItSitsInTheParameters() {
    ExecutionOptions options = ExecutionOptions.builder().logParameterValues(true).build();
    Workflow workflow = new WorkflowBuilder()
        .addNode("PatientListNode", "find", Map.of("filters", Map.of("$or", List.of(
            Map.of("email", Map.of("$ilike", EMAIL)),
            Map.of("$not", Map.of("full_name", Map.of("$in", List.of(NAME)))),
            Map.of("$and", List.of(Map.of("ward", WARD)))))))
        .addNode("PatientUpdateNode", "rename", Map.of("filters", Map.of("email", EMAIL),
            "fields", Map.of("full_name", OTHER_NAME, "ward", "ward-2")))
        .addNode("PatientBulkCreateNode", "admit", Map.of("records", List.of(
            Map.of("email", "x." + EMAIL, "full_name", NAME, "ward", "ward-3")),
            "on_conflict", "ignore"))
        .addNode("PatientReadNode", "read", Map.of("filters", Map.of("email", EMAIL)))
        .build();
    String log = Captured.err(() -> runtime.execute(workflow, options));

    assertTrue(log.contains(WARD) && log.contains("ward-2") && log.contains("ward-3"), log);
    assertTrue(log.contains("$ilike") || log.contains("email=<pii>"), log);
    assertNoPii(log);
    assertEquals(OTHER_NAME, run("PatientReadNode", Map.of("filters", Map.of("email", EMAIL))).get("full_name"),
        "the values were used, only hidden from the log");
  }

  @Test
  void theSeedMarksItsPersonalData() {
    assertTrue(ConversationSessionSchema.DESCRIPTOR.column("user_id").pii());
    assertTrue(ConversationMessageSchema.DESCRIPTOR.column("content").pii());
    assertTrue(UserInteractionSummarySchema.DESCRIPTOR.column("user_id").pii());
    assertFalse(ConversationSessionSchema.DESCRIPTOR.column("session_id").pii());
    assertTrue(PatientSchema.DESCRIPTOR.column("email").pii());
    assertFalse(PatientSchema.DESCRIPTOR.column("ward").pii());
  }
}
