package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationSessionCountNode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.WorkflowValidationException.Problem;
import dev.dataflow.runtime.node.NodeRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every refusal of {@link WorkflowBuilder#build()}: each names the node, its type and the parameter. */
class WorkflowValidationTest {

  private static Problem onlyProblem(WorkflowBuilder builder) {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, builder::build);
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  private static Map<String, Object> session() {
    return Map.of("session_id", UUID.randomUUID(), "user_id", "u1");
  }

  @Test
  void unknownNodeTypeSuggestsTheClosest() {
    Problem p = onlyProblem(new WorkflowBuilder().addNode("ConversationSesionCreateNode", "create", session()));
    assertEquals("create", p.nodeId());
    assertTrue(p.message().contains("unknown node type 'ConversationSesionCreateNode'"), p.message());
    assertTrue(p.message().contains("Did you mean 'ConversationSessionCreateNode'?"), p.message());
  }

  @Test
  void unknownNodeTypeWithNoModelsAtAllAsksForTheProcessor() {
    NodeRegistry noModels = NodeRegistry.builder().addBuiltins().build();
    Problem p = onlyProblem(new WorkflowBuilder(noModels).addNode("ConversationSessionCreateNode", "create", session()));
    assertTrue(p.message().contains("unknown node type 'ConversationSessionCreateNode'"), p.message());
    assertTrue(p.message().contains("No models found on the class path: is dataflow-processor on the compiler's"
        + " annotationProcessorPaths"), p.message());
    Problem withModels = onlyProblem(new WorkflowBuilder().addNode("NoSuchNode", "create", session()));
    assertFalse(withModels.message().contains("No models found"), withModels.message());
  }

  @Test
  void orderByAnUnknownColumnListsTheColumnsAndSuggestsTheClosest() {
    Problem p = onlyProblem(new WorkflowBuilder()
        .addNode("ConversationMessageListNode", "history", Map.of("order_by", List.of("-timestmp"))));
    assertEquals("order_by", p.parameter());
    assertTrue(p.message().contains("unknown column 'timestmp' of ConversationMessage; columns are [id, session_id,"),
        p.message());
    assertTrue(p.message().contains("Did you mean 'timestamp'?"), p.message());
  }

  @Test
  void swappedTypeAndIdAreNamedAsSuch() {
    Problem p = onlyProblem(new WorkflowBuilder().addNode("history", "ConversationMessageListNode", Map.of()));
    assertTrue(p.message().contains("The arguments look swapped: addNode(nodeType, nodeId, params) takes the type"
        + " first, and 'ConversationMessageListNode' is a node type."), p.message());
  }

  @Test
  void duplicateNodeId() {
    Problem p = onlyProblem(new WorkflowBuilder()
        .addNode("ConversationSessionCreateNode", "create", session())
        .addNode("ConversationSessionCountNode", "create", Map.of()));
    assertEquals("create", p.nodeId());
    assertEquals("ConversationSessionCountNode", p.nodeType());
    assertTrue(p.message().contains("duplicate node id"), p.message());
  }

  @Test
  void connectionFromOrToUnknownNode() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("ConversationSessionCreateNode", "create", session())
        .addNode("ConversationMessageListNode", "history", Map.of())
        .addConnection("craete", "session_id", "history", "filters.session_id")
        .addConnection("create", "session_id", "histroy", "filters.session_id")
        .build());
    String message = e.getMessage();
    assertTrue(message.contains("unknown node 'craete'. Did you mean 'create'?"), message);
    assertTrue(message.contains("unknown node 'histroy'. Did you mean 'history'?"), message);
  }

  @Test
  void cycleNamesItsNodes() {
    Problem p = onlyProblem(new WorkflowBuilder()
        .addNode("ConversationSessionReadNode", "a", Map.of())
        .addNode("ConversationSessionReadNode", "b", Map.of())
        .addNode("ConversationSessionCountNode", "c", Map.of())
        .addConnection("a", "id", "b", "id")
        .addConnection("b", "id", "a", "id"));
    assertTrue(p.message().contains("cycle through nodes [a, b]"), p.message());
  }

  @Test
  void unknownParameterSuggestsTheClosest() {
    Map<String, Object> params = new java.util.HashMap<>(session());
    params.put("usr_id", "u2");
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("ConversationSessionCreateNode", "create", params).build());
    Problem p = e.problems().stream().filter(x -> "usr_id".equals(x.parameter())).findFirst().orElseThrow();
    assertEquals("create", p.nodeId());
    assertEquals("ConversationSessionCreateNode", p.nodeType());
    assertTrue(p.message().contains("Did you mean 'user_id'?"), p.message());
  }

  @Test
  void requiredParameterNeitherGivenNorConnected() {
    Problem p = onlyProblem(new WorkflowBuilder()
        .addNode("ConversationSessionCreateNode", "create", Map.of("user_id", "u1")));
    assertEquals("session_id", p.parameter());
    assertTrue(p.message().contains("required parameter is missing"), p.message());
    assertTrue(p.toString().contains("node 'create' (ConversationSessionCreateNode): parameter 'session_id'"),
        p.toString());
  }

  @Test
  void requiredParameterMayComeFromAConnection() {
    Workflow w = new WorkflowBuilder()
        .addNode("ConversationSessionReadNode", "read", Map.of("id", 1))
        .addNode("ConversationMessageCreateNode", "msg", Map.of("role", "user", "content", "hi"))
        .addConnection("read", "session_id", "msg", "session_id")
        .build();
    assertEquals(List.of("read", "msg"), w.executionOrder());
  }

  @Test
  void wrongTypeNamesParameterAndExpectedTypeButNotTheValue() {
    Problem p = onlyProblem(new WorkflowBuilder().addNode("ConversationSessionCreateNode", "create",
        Map.of("session_id", "not-a-uuid-secret-123", "user_id", "u1")));
    assertEquals("session_id", p.parameter());
    assertTrue(p.message().contains("UUID"), p.message());
    assertFalse(p.message().contains("secret-123"), "the value must not appear: " + p.message());
  }

  @Test
  void wrongTypesInsideFiltersFieldsAndRecords() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("ConversationSessionListNode", "list", Map.of("filters", Map.of("start_time", Map.of("$gte", "yesterday"))))
        .addNode("ConversationSessionUpdateNode", "upd", Map.of("id", 1, "fields", Map.of("outlet_id", "x")))
        .addNode("ConversationSessionBulkCreateNode", "bulk", Map.of("records", List.of(session(),
            Map.of("session_id", UUID.randomUUID(), "user_id", 5))))
        .addNode("ConversationSessionListNode", "bad_limit", Map.of("limit", -1))
        .build());
    List<String> parameters = e.problems().stream().map(Problem::parameter).toList();
    assertTrue(parameters.contains("filters.start_time.$gte"), parameters.toString());
    assertTrue(parameters.contains("fields.outlet_id"), parameters.toString());
    assertTrue(parameters.contains("records.1.user_id"), parameters.toString());
    assertTrue(parameters.contains("limit"), parameters.toString());
  }

  @Test
  void unknownFilterFieldAndOperator() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("ConversationSessionListNode", "a", Map.of("filters", Map.of("languag", "en")))
        .addNode("ConversationSessionListNode", "b", Map.of("filters", Map.of("language", Map.of("$regx", "e.*"))))
        .build());
    String message = e.getMessage();
    assertTrue(message.contains("languag") && message.contains("Did you mean 'language'?"), message);
    assertTrue(message.contains("$regx") && message.contains("$regex"), message);
  }

  @Test
  void idOrFiltersAndConfirmAll() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("ConversationSessionReadNode", "neither", Map.of())
        .addNode("ConversationSessionDeleteNode", "everything", Map.of("filters", Map.of()))
        .build());
    assertEquals(2, e.problems().size(), e.getMessage());
    assertTrue(e.getMessage().contains("give 'id' (one row by key) or 'filters'"), e.getMessage());
    assertTrue(e.getMessage().contains("confirm_all: true"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder()
        .addNode("NoSuchNode", "x", Map.of())
        .addNode("ConversationSessionCreateNode", "y", Map.of())
        .addConnection("x", "id", "z", "id")
        .build());
    assertTrue(e.problems().size() >= 3, e.getMessage());
  }

  @Test
  void typedNodeClassResolvesItsType() {
    Workflow w = new WorkflowBuilder().addNode(ConversationSessionCountNode.class, "count", Map.of()).build();
    assertEquals("ConversationSessionCountNode", w.node("count").type());
    assertNotNull(w.node("count").node());
  }
}
