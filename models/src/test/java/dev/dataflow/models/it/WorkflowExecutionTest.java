package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.WorkflowValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** How {@link LocalRuntime} runs a workflow: order, overrides, connection paths, results, failures. */
class WorkflowExecutionTest extends DatabaseTest {

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE teams, members RESTART IDENTITY CASCADE");
  }

  @Test
  void overridesReplaceParametersForOneRun() {
    Workflow w = new WorkflowBuilder().addNode("TeamCreateNode", "team", Map.of("name", "default")).build();
    assertEquals("override", runtime.execute(w, Map.of("team", Map.of("name", "override"))).get("team").get("name"));
    assertEquals("default", runtime.execute(w).get("team").get("name"), "the workflow itself is unchanged");
  }

  @Test
  void badOverridesAreRefusedBeforeAnythingRuns() {
    Workflow w = new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamCountNode", "count", Map.of())
        .build();
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> runtime.execute(w, Map.of(
        "teem", Map.of("name", "x"), "team", Map.of("nmae", "x"))));
    assertTrue(e.getMessage().contains("node 'teem': override for unknown node. Did you mean 'team'?"),
        e.getMessage());
    assertTrue(e.getMessage().contains("parameter 'nmae': unknown parameter. Did you mean 'name'?"), e.getMessage());
    assertEquals(0L, Tables.count(db, "teams"));
  }

  /** An override's value is checked like a literal one, and so are the node's rules between its parameters. */
  @Test
  void overriddenValuesAndTheNodesOwnRulesAreChecked() {
    Workflow create = new WorkflowBuilder().addNode("TeamCreateNode", "team", Map.of("name", "t")).build();
    WorkflowValidationException bad = assertThrows(WorkflowValidationException.class,
        () -> runtime.execute(create, Map.of("team", Map.of("name", List.of("not", "text")))));
    assertEquals("name", bad.problems().get(0).parameter(), bad.getMessage());
    Workflow read = new WorkflowBuilder().addNode("TeamReadNode", "read", Map.of("id", 1L)).build();
    WorkflowValidationException both = assertThrows(WorkflowValidationException.class,
        () -> runtime.execute(read, Map.of("read", Map.of("filters", Map.of("name", "t")))));
    assertTrue(both.getMessage().contains("give either 'id' or 'filters', not both"), both.getMessage());
    assertEquals(0L, Tables.count(db, "teams"));
  }

  @Test
  void anOutputANodeNeverProducesIsRefusedAtBuildBeforeAnythingCommits() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addConnection("team", "idd", "member", "team_id")
        .build());
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("member", e.problems().get(0).nodeId());
    assertEquals("team_id", e.problems().get(0).parameter());
    String message = e.problems().get(0).message();
    assertTrue(message.contains("connection team.idd -> member.team_id starts from 'idd', which node 'team'"
        + " (TeamCreateNode) never outputs. Did you mean 'id'?"), message);
    assertTrue(message.contains("Its outputs are [id, name, "), message);
    assertTrue(message.contains("inserted, updated, skipped]"), message);
    assertEquals(0L, Tables.count(db, "teams"));
  }

  /** The one problem of connecting {@code from} of a node of {@code type} to a new member's team_id. */
  private static String pathProblem(String type, Map<String, ?> params, String from) {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode(type, "src", params)
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addConnection("src", from, "member", "team_id")
        .build());
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("member", e.problems().get(0).nodeId());
    assertEquals("team_id", e.problems().get(0).parameter());
    String message = e.problems().get(0).message();
    assertTrue(message.contains("connection src." + from + " -> member.team_id starts from '" + from + "', which node"
        + " 'src' (" + type + ") never outputs: "), message);
    return message;
  }

  private static void accepted(String type, Map<String, ?> params, String from) {
    new WorkflowBuilder()
        .addNode(type, "src", params)
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addConnection("src", from, "member", "team_id")
        .build();
  }

  @Test
  void pathsBelowAnOutputThatCanReachNoValueAreRefusedAtBuild() {
    Map<String, ?> list = Map.of();
    assertTrue(pathProblem("TeamListNode", list, "records.first.id")
        .contains("'records' is a list of rows; give an index, then a column, such as records.0.id; 'first' is not"
            + " an index"));
    String column = pathProblem("TeamListNode", list, "records.0.nmae");
    assertTrue(column.endsWith("a row of records has no 'nmae'. Did you mean 'name'? Team's columns are [id, name,"
        + " created_at, updated_at]."), column);
    assertTrue(pathProblem("TeamListNode", list, "records.0.id.value")
        .contains("'records.0.id' is a single value (BIGINT), so it has no 'value'; connect from 'records.0.id'"));
    assertTrue(pathProblem("TeamListNode", list, "count.value").contains("'count' is a single value"));
    assertTrue(pathProblem("TeamCreateNode", Map.of("name", "t"), "id.value")
        .contains("'id' is a single value (BIGINT), so it has no 'value'"));
    assertTrue(pathProblem("TeamCreateNode", Map.of("name", "t"), "inserted.x").contains("'inserted' is a single"));
    assertTrue(pathProblem("TeamReadNode", Map.of("id", 1), "found.x").contains("'found' is a single value"));
    assertTrue(pathProblem("TeamBulkCreateNode", Map.of("records", List.of()), "ids.first")
        .contains("'ids' is a list of ids; give an index, such as ids.0; 'first' is not an index"));
    assertTrue(pathProblem("TeamBulkCreateNode", Map.of("records", List.of()), "ids.0.id")
        .contains("'ids.0' is an id, so it has no 'id'"));
    assertTrue(pathProblem("TeamCountNode", Map.of("group_by", "name"), "groups.name")
        .contains("'groups' is a list of groups"));
    assertTrue(pathProblem("TeamDeleteNode", Map.of("id", 1), "id.x").contains("'id' is a single value (BIGINT)"));

    accepted("TeamListNode", list, "records.0.id");
    accepted("TeamListNode", list, "records.12");                      // a whole row: the target's check decides
    accepted("TeamBulkCreateNode", Map.of("records", List.of()), "ids.1");
    accepted("TeamCountNode", Map.of("group_by", "name"), "groups.0.count");   // group keys: the data's
    accepted("AllTypesReadNode", Map.of("id", 1), "attributes.team.id");       // inside JSONB: the data's
    accepted("AllTypesListNode", list, "records.0.tags.3");
  }

  @Test
  void aMissingOutputPathInsideAnOutputFailsTheTargetNodeAndNamesTheConnection() {
    Workflow w = new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamListNode", "others", Map.of("filters", Map.of("name", "nobody")))
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addDependency("team", "others")
        .addConnection("others", "records.0.id", "member", "team_id")   // a path build() accepts; no row at run time
        .build();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(w));
    assertEquals("member", e.nodeId());
    assertEquals("MemberCreateNode", e.nodeType());
    assertEquals("team_id", e.parameter());
    assertTrue(e.getMessage().contains("others.records.0.id -> member.team_id"), e.getMessage());
    assertTrue(e.getMessage().contains("has 0 element(s); index 0 is out of range"), e.getMessage());
    assertEquals(List.of("team", "others"), List.copyOf(e.completedOutputs().keySet()),
        "the team node committed before the failure");
    assertEquals(1L, Tables.count(db, "teams"));
    assertEquals(0L, Tables.count(db, "members"));
  }

  @Test
  void everyOutputADeclaringNodeReturnsIsDeclared() {
    Workflow w = new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("TeamReadNode", "read", Map.of())
        .addNode("TeamUpdateNode", "update", Map.of("fields", Map.of("name", "u")))
        .addNode("TeamExistsNode", "exists", Map.of())
        .addNode("TeamDeleteNode", "delete", Map.of())
        .addConnection("team", "id", "read", "id")
        .addConnection("read", "id", "update", "id")
        .addConnection("update", "id", "exists", "id")
        .addConnection("update", "id", "delete", "id")
        .addNode("TeamListNode", "list", Map.of("limit", 1, "total", true))
        .addNode("TeamCountNode", "count", Map.of("group_by", List.of("name")))
        .addNode("TeamBulkCreateNode", "bulk_create", Map.of("records", List.of(Map.of("name", "b"))))
        .addNode("TeamBulkUpdateNode", "bulk_update", Map.of("filters", Map.of("name", "b"), "fields",
            Map.of("name", "c")))
        .addDependency("exists", "delete")
        .addDependency("bulk_create", "list")
        .addDependency("bulk_create", "bulk_update")
        .build();
    WorkflowResult r = runtime.execute(w);
    for (String id : w.nodeIds()) {
      java.util.Set<String> declared = w.node(id).node().outputs();
      assertTrue(declared != null && !r.get(id).isEmpty(), id);
      assertTrue(declared.containsAll(r.get(id).keySet()), id + ": " + r.get(id).keySet() + " not in " + declared);
    }
  }

  @Test
  void nodesRunAfterTheNodesTheyTakeInputFromWhateverTheDeclarationOrder() {
    Workflow w = new WorkflowBuilder()
        .addNode("MemberCreateNode", "member", Map.of("name", "m"))
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addConnection("team", "id", "member", "team_id")
        .build();
    assertEquals(List.of("team", "member"), w.executionOrder());
    WorkflowResult r = runtime.execute(w);
    assertEquals(r.get("team").get("id"), r.get("member").get("team_id"));
    assertEquals(List.of("team", "member"), List.copyOf(r.outputs().keySet()));
  }

  @Test
  void resultGetOfAnUnknownNodeSuggests() {
    WorkflowResult r = runtime.execute(new WorkflowBuilder().addNode("TeamCountNode", "count", Map.of()).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.get("cuont"));
    assertTrue(e.getMessage().contains("Did you mean 'count'?"), e.getMessage());
    assertTrue(r.runId().matches("[0-9a-f-]{36}"), r.runId());
  }

  @Test
  void cascadeDeleteFollowsTheDeclaredForeignKeyAction() {
    WorkflowResult r = runtime.execute(new WorkflowBuilder()
        .addNode("TeamCreateNode", "team", Map.of("name", "t"))
        .addNode("MemberBulkCreateNode", "members", Map.of())
        .addNode("TeamDeleteNode", "delete", Map.of())
        .addConnection("team", "id", "members", "records.1.team_id")
        .addConnection("team", "id", "delete", "id")
        .build(), Map.of("members", Map.of("records", List.of(
            Map.of("name", "elsewhere", "team_id", other()), Map.of("name", "m1")))));
    assertEquals(2, r.get("members").get("inserted"));
    assertEquals(1, r.get("delete").get("deleted"));
    assertEquals(1L, Tables.count(db, "members"), "only the deleted team's member went with it");
  }

  private static Object other() {
    return runtime.execute(new WorkflowBuilder().addNode("TeamCreateNode", "t", Map.of("name", "other")).build())
        .get("t").get("id");
  }
}
