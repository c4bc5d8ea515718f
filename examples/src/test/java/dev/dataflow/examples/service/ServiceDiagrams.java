package dev.dataflow.examples.service;

import dev.dataflow.models.OrderItem;
import dev.dataflow.runtime.node.NodeRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The message workflows {@code docs/conversation_memory_system.md} draws, built by the handler's own
 * {@code messageWorkflow} from sample values (a drawing never shows values).
 */
public final class ServiceDiagrams {
  private ServiceDiagrams() {}

  /** Diagram name → Mermaid text: the seed's first message and its third. */
  public static Map<String, String> messageWorkflows() {
    NodeRegistry registry = ConversationMemory.registry(NodeRegistry.classpath());
    Map<String, String> diagrams = new LinkedHashMap<>();
    diagrams.put("message-new-order", ConversationMemory.messageWorkflow(registry, sample(true)).toMermaid());
    diagrams.put("message-extend-order", ConversationMemory.messageWorkflow(registry, sample(false)).toMermaid());
    return diagrams;
  }

  private static ConversationMemory.Write sample(boolean first) {
    ConversationMemory.Write w = new ConversationMemory.Write();
    w.userId = "6591234567";
    w.outletId = 1;
    w.content = first ? "Hi, we need 400 boxes for 10 inch pizzas" : "Yes, and 200 for 12 inch as well";
    w.now = Instant.parse("2026-11-30T09:00:00Z");
    w.classification = new Classification(Classification.ORDER_PLACEMENT, 0.95, "en",
        List.of(first ? new OrderRequest(400, 10, null) : new OrderRequest(200, 12, null)));
    w.newSession = first;
    w.sessionId = UUID.fromString("00000000-0000-0000-0000-000000000001");
    if (first) {
      w.orderNumber = "ORD-20261130-0000000A";
      w.total = new BigDecimal("180.00");
      w.items.add(new OrderItem(null, null, 1L, 400, new BigDecimal("0.45")));
    } else {
      w.orderId = 1L;
      w.orderVersion = 1L;
      w.total = new BigDecimal("290.00");
      w.items.add(new OrderItem(null, null, 2L, 200, new BigDecimal("0.55")));
    }
    w.reply = "I understand you need 400 boxes for 10-inch pizzas.";
    return w;
  }
}
