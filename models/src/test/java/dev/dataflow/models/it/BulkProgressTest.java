package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.NodeEvent;
import dev.dataflow.runtime.NodeProgress;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bulk nodes tell listeners how far they are after every batch, between the node's start and its end. */
class BulkProgressTest extends DatabaseTest {

  /** Records progress reports, and "started"/"finished" marks to check their place. */
  private static final class Heard implements WorkflowListener {
    final List<Object> events = new CopyOnWriteArrayList<>();

    @Override
    public void nodeStarted(NodeEvent event) {
      events.add("started");
    }

    @Override
    public void nodeProgress(NodeProgress progress) {
      events.add(progress);
    }

    @Override
    public void nodeFinished(NodeEvent event) {
      events.add("finished");
    }

    List<Long> done() {
      return events.stream().filter(e -> e instanceof NodeProgress).map(e -> ((NodeProgress) e).done()).toList();
    }
  }

  @Test
  void bulkCreateReportsEachBatchWithItsTotalWhenKnown() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 12_500; i++) {
      records.add(Map.of("text", "p" + i, "score", 1.0));
    }
    Heard heard = new Heard();
    runtime.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "bulk",
        Map.of("records", records, "batch_size", 5000)).build(), ExecutionOptions.builder().listener(heard).build());
    assertEquals(List.of(5_000L, 10_000L, 12_500L), heard.done());
    assertEquals("started", heard.events.get(0));
    assertEquals("finished", heard.events.get(heard.events.size() - 1));
    NodeProgress last = (NodeProgress) heard.events.get(heard.events.size() - 2);
    assertEquals(12_500, last.total());
    assertEquals("bulk", last.nodeId());
    assertEquals("AllTypesBulkCreateNode", last.nodeType());
    assertTrue(!last.elapsed().isNegative());

    Heard streamed = new Heard();
    runtime.execute(new WorkflowBuilder().addNode("AllTypesBulkCreateNode", "bulk", Map.of("records",
        IntStream.range(0, 3000).mapToObj(i -> Map.<String, Object>of("text", "s" + i, "score", 1.0)),
        "batch_size", 1000)).build(), ExecutionOptions.builder().listener(streamed).build());
    assertEquals(List.of(1_000L, 2_000L, 3_000L), streamed.done());
    assertTrue(streamed.events.stream().filter(e -> e instanceof NodeProgress)
        .noneMatch(e -> ((NodeProgress) e).totalKnown()), "a Stream's total is unknown");
  }

  @Test
  void bulkUpdateReportsItsStatementsAndAThrowingListenerChangesNothing() {
    List<Map<String, Object>> records = new ArrayList<>();
    for (int i = 0; i < 6_000; i++) {
      records.add(Map.of("text", "u" + i, "score", 1.0));
    }
    List<?> ids = (List<?>) run("AllTypesBulkCreateNode", Map.of("records", records)).get("ids");
    List<Map<String, Object>> updates = new ArrayList<>();
    for (Object id : ids) {
      updates.add(Map.of("id", id, "score", 2.0));
    }
    Heard heard = new Heard();
    WorkflowListener broken = new WorkflowListener() {
      @Override
      public void nodeProgress(NodeProgress progress) {
        throw new IllegalStateException("a listener that throws");
      }
    };
    Map<String, Object> out = runtime.execute(new WorkflowBuilder().addNode("AllTypesBulkUpdateNode", "update",
        Map.of("records", updates)).build(), ExecutionOptions.builder().listener(broken).listener(heard).build())
        .get("update");
    assertEquals(6_000, out.get("updated"));
    assertEquals(List.of(5_000L, 6_000L), heard.done());
  }
}
