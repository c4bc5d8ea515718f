package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.NotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bad input on each write node fails with a clear error and leaves the table exactly as it was. */
class WriteFailureTest extends DatabaseTest {
  private static final String SECRET = "secret-6591234567";
  private List<String> before;

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE all_types, members, teams RESTART IDENTITY CASCADE");
    run("AllTypesCreateNode", Map.of("text", "a", "score", 1.0, "code", SECRET));
    run("AllTypesCreateNode", Map.of("text", "b", "score", 2.0, "code", "other"));
    run("AllTypesCreateNode", Map.of("text", "c", "score", 3.0));
    before = Tables.snapshot(db, "all_types");
  }

  private WorkflowExecutionException failsAndChangesNothing(Workflow workflow) {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(workflow));
    assertEquals(before, Tables.snapshot(db, "all_types"), "the table must be unchanged");
    assertFalse(messages(e).contains(SECRET), "no value in messages: " + messages(e));
    return e;
  }

  private static String messages(Throwable t) {
    StringBuilder sb = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      sb.append(c).append('\n');
    }
    return sb.toString();
  }

  private static Workflow single(String type, Map<String, ?> params) {
    return new WorkflowBuilder().addNode(type, "n", params).build();
  }

  @Test
  void createWithADuplicateUniqueValue() {
    WorkflowExecutionException e = failsAndChangesNothing(
        single("AllTypesCreateNode", Map.of("text", "d", "score", 4.0, "code", SECRET)));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("23505", cause.sqlState());
    assertEquals("uq_all_types_code", cause.constraint());
    assertTrue(e.getMessage().contains("node 'n' (AllTypesCreateNode)"), e.getMessage());
  }

  @Test
  void createWithABadValueFromAConnection() {
    // The literal parameters are valid; the connected value is not a UUID and fails conversion at run time.
    WorkflowExecutionException e = failsAndChangesNothing(new WorkflowBuilder()
        .addNode("AllTypesReadNode", "src", Map.of("filters", Map.of("code", SECRET)))
        .addNode("AllTypesCreateNode", "n", Map.of("text", "d", "score", 4.0))
        .addConnection("src", "code", "n", "reference")
        .build());
    assertEquals("reference", e.parameter());
    assertInstanceOf(InvalidParameterException.class, e.getCause());
  }

  @Test
  void updateByIdToADuplicate() {
    failsAndChangesNothing(single("AllTypesUpdateNode", Map.of("id", 2, "fields", Map.of("code", SECRET))));
  }

  @Test
  void updateOfAMissingRow() {
    WorkflowExecutionException e = failsAndChangesNothing(
        single("AllTypesUpdateNode", Map.of("id", 99, "fields", Map.of("text", "x"))));
    assertInstanceOf(NotFoundException.class, e.getCause());
  }

  @Test
  void updateByFiltersThatViolatesUniquenessHalfWay() {
    failsAndChangesNothing(single("AllTypesUpdateNode",
        Map.of("filters", Map.of("score", Map.of("$gte", 2)), "fields", Map.of("code", "same"))));
  }

  @Test
  void deleteWithABadFilterValueFromAConnection() {
    WorkflowExecutionException e = failsAndChangesNothing(new WorkflowBuilder()
        .addNode("AllTypesReadNode", "src", Map.of("id", 1))
        .addNode("AllTypesDeleteNode", "n", Map.of())
        .addConnection("src", "text", "n", "filters.score")
        .build());
    assertTrue(e.parameter().startsWith("filters"), e.parameter());
  }

  @Test
  void deleteOfAReferencedRowIsRestrictedByForeignKey() {
    // members.team_id cascades, so use the conversation models: outlets are referenced with SET NULL, which succeeds.
    long team = (Long) run("TeamCreateNode", Map.of("name", "t")).get("id");
    run("MemberCreateNode", Map.of("team_id", team, "name", "m"));
    List<String> members = Tables.snapshot(db, "members");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(single("MemberCreateNode", Map.of("team_id", team + 1, "name", "orphan"))));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("23503", cause.sqlState());
    assertEquals(members, Tables.snapshot(db, "members"));
  }

  @Test
  void bulkCreateWithOneDuplicateWritesNoRow() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      records.add(Map.of("text", "bulk" + i, "score", (double) i, "code", i == 60 ? SECRET : "bulk" + i));
    }
    WorkflowExecutionException e = failsAndChangesNothing(
        single("AllTypesBulkCreateNode", Map.of("records", records, "batch_size", 25)));
    assertEquals("23505", assertInstanceOf(DatabaseException.class, e.getCause()).sqlState());
  }

  @Test
  void bulkCreateWithOneBadValueFromAConnectionWritesNoRow() {
    WorkflowExecutionException e = failsAndChangesNothing(new WorkflowBuilder()
        .addNode("AllTypesReadNode", "src", Map.of("id", 1))
        .addNode("AllTypesBulkCreateNode", "n", Map.of("records", List.of(
            Map.of("text", "ok", "score", 1.0), Map.of("text", "ok2", "score", 2.0))))
        .addConnection("src", "text", "n", "records")
        .build());
    assertInstanceOf(InvalidParameterException.class, e.getCause());
  }

  @Test
  void bulkUpdateWithAMissingIdUpdatesNothing() {
    WorkflowExecutionException e = failsAndChangesNothing(single("AllTypesBulkUpdateNode", Map.of("records", List.of(
        Map.of("id", 1, "text", "changed"), Map.of("id", 99, "text", "missing")))));
    assertInstanceOf(NotFoundException.class, e.getCause());
    assertTrue(e.getMessage().contains("records.1"), e.getMessage());
  }

  @Test
  void bulkUpdateByFiltersThatViolatesUniqueness() {
    failsAndChangesNothing(single("AllTypesBulkUpdateNode",
        Map.of("filters", Map.of("score", Map.of("$gte", 1)), "fields", Map.of("code", "same"))));
  }
}
