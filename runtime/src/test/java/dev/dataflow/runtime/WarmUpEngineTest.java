package dev.dataflow.runtime;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.ModelProvider;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.crud.CountNode;
import dev.dataflow.runtime.node.crud.ListNode;
import dev.dataflow.runtime.node.crud.ReadNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The workflows {@code DataFlow.build()} builds on its warm-up thread stay valid: else the warm-up does nothing. */
class WarmUpEngineTest {

  private static NodeRegistry registry(List<Node> nodes) {
    return NodeRegistry.builder().addModel(new ModelProvider() {
      @Override
      public ModelDescriptor descriptor() {
        return MODEL;
      }

      @Override
      public List<Node> nodes() {
        return nodes;
      }
    }).build();
  }

  @Test
  void buildsTheFirstModelsReadListAndCount() {
    NodeRegistry nodes = registry(List.of(new ReadNode(MODEL) {}, new ListNode(MODEL) {}, new CountNode(MODEL) {}));
    assertTrue(DataFlow.Builder.warmUpEngine(nodes, MODEL));
  }

  @Test
  void buildsNothingWithoutThoseNodes() {
    assertFalse(DataFlow.Builder.warmUpEngine(registry(List.of(new ReadNode(MODEL) {})), MODEL));
  }
}
