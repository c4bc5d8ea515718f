package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeEvent;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowListener;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application's own node takes part in everything the engine does for the generated ones, through the public
 * {@link Node} interface alone: its declared parameter checks refuse bad values when the workflow is built, and the
 * rows it reports reach the {@link WorkflowListener}.
 */
class UserNodeContractTest extends DatabaseTest {

  /** Deletes the teams whose name starts with {@code prefix}; the prefix must be 2 to 20 characters. */
  static final class TeamPurgeNode implements Node {
    @Override
    public String type() {
      return "TeamPurgeNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("prefix", ParamType.ANY, true, "the start of the names to purge")
          .withCheck((value, parameter) -> {
            if (!(value instanceof String s) || s.length() < 2 || s.length() > 20) {
              throw new InvalidParameterException(parameter, "expected a name prefix of 2 to 20 characters, such as"
                  + " \"tmp-\"; a shorter one would purge too much");
            }
          }),
          ParamSpec.of("limit", ParamType.INTEGER, false, "ignored; shows the type's own check"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
      int deleted = context.autoCommit(connection -> {
        try (PreparedStatement ps = connection.prepareStatement("DELETE FROM teams WHERE name LIKE ? || '%'")) {
          ps.setString(1, (String) params.get("prefix"));
          return ps.executeUpdate();
        }
      });
      context.addRowsAffected(deleted);
      return Map.of("deleted", deleted);
    }
  }

  private static final NodeRegistry REGISTRY = TestNodes.registry(new TeamPurgeNode());

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE teams, members RESTART IDENTITY CASCADE");
  }

  @Test
  void aDeclaredCheckRefusesABadValueWhenTheWorkflowIsBuilt() {
    WorkflowValidationException e = assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder(REGISTRY)
        .addNode("TeamPurgeNode", "purge", Map.of("prefix", "t", "limit", -1))
        .build());
    assertEquals(2, e.problems().size(), e.getMessage());
    WorkflowValidationException.Problem prefix = e.problems().get(0);
    assertEquals(List.of("purge", "TeamPurgeNode", "prefix"),
        List.of(prefix.nodeId(), prefix.nodeType(), prefix.parameter()));
    assertTrue(prefix.message().startsWith("expected a name prefix of 2 to 20 characters"), prefix.message());
    assertEquals("limit", e.problems().get(1).parameter());
    assertTrue(e.getMessage().contains("purge"), e.getMessage());
  }

  @Test
  void aConnectedValueIsCheckedBeforeTheNodeRuns() {
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder(REGISTRY)
            .addNode("TeamCreateNode", "team", Map.of("name", "x"))
            .addNode("TeamPurgeNode", "purge", Map.of())
            .addConnection("team", "name", "purge", "prefix")
            .build()));
    assertEquals(List.of("purge", "TeamPurgeNode", "prefix"), List.of(e.nodeId(), e.nodeType(), e.parameter()));
    assertTrue(e.getMessage().contains("expected a name prefix of 2 to 20 characters"), e.getMessage());
    assertEquals(1L, Tables.count(db, "teams"), "the purge never ran");
  }

  @Test
  void theRowsANodeReportsReachTheListener() {
    List<String> finished = Collections.synchronizedList(new ArrayList<>());
    WorkflowListener listener = new WorkflowListener() {
      @Override
      public void nodeFinished(NodeEvent e) {
        finished.add(e.nodeId() + " rows=" + e.rowsAffected());
      }
    };
    Map<String, Object> out = runtime.execute(new WorkflowBuilder(REGISTRY)
        .addNode("TeamBulkCreateNode", "teams", Map.of("records",
            List.of(Map.of("name", "tmp-a"), Map.of("name", "tmp-b"), Map.of("name", "keep"))))
        .addNode("TeamPurgeNode", "purge", Map.of("prefix", "tmp-"))
        .addNode("TeamCountNode", "left", Map.of())
        .addConnection("teams", "inserted", "purge", "limit")
        .addConnection("purge", "deleted", "left", "filters.id.$gte")
        .build(), ExecutionOptions.builder().listener(listener).build()).get("purge");
    assertEquals(2, out.get("deleted"));
    assertEquals(List.of("teams rows=3", "purge rows=2", "left rows=0"), finished);
    assertEquals(1L, Tables.count(db, "teams"));
  }
}
