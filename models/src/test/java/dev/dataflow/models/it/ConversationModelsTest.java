package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.ConversationMessageSchema;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.ConversationSessionSchema;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.models.UserInteractionSummarySchema;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.Retention;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.crud.CrudNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed's three conversation models (and Outlet): 27 nodes, the seed's tables and indexes, retention and scrubbing. */
class ConversationModelsTest extends DatabaseTest {

  @Test
  void threeConversationModelsGiveTwentySevenNodes() {
    NodeRegistry registry = NodeRegistry.classpath();
    Set<String> models = Set.of("ConversationSession", "ConversationMessage", "UserInteractionSummary");
    Set<String> held = new TreeSet<>();
    for (String type : registry.types()) {
      if (registry.node(type) instanceof CrudNode node && models.contains(node.model().modelName())) {
        held.add(type);
      }
    }
    assertEquals(27, held.size(), "model nodes the registry holds for the three models: " + held);
    Set<String> expected = new TreeSet<>();
    for (String model : models) {
      for (NodeKind kind : NodeKind.values()) {
        expected.add(model + kind.suffix());
      }
    }
    assertEquals(expected, held);
  }

  @Test
  void theSeedsEightModelsGiveSeventyTwoNodes() {
    NodeRegistry registry = NodeRegistry.classpath();
    Set<String> models = Set.of("ConversationSession", "ConversationMessage", "UserInteractionSummary", "Outlet",
        "Product", "Customer", "Order", "OrderItem");
    Set<String> held = new TreeSet<>();
    for (String type : registry.types()) {
      if (registry.node(type) instanceof CrudNode node && models.contains(node.model().modelName())) {
        held.add(type);
      }
    }
    assertEquals(72, held.size(), "model nodes the registry holds for the seed's eight models: " + held);
  }

  private static Set<String> query(String sql) throws Exception {
    Set<String> out = new TreeSet<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void tablesHaveTheSeedsIndexesAndConstraints() throws Exception {
    Set<String> indexes = query("SELECT tablename || ':' || indexdef FROM pg_indexes WHERE schemaname = 'public' "
        + "AND tablename IN ('conversation_sessions', 'conversation_messages', 'user_interaction_summaries')");
    String all = String.join("\n", indexes);
    Map<String, List<String>> expected = Map.of(
        "conversation_sessions", List.of("UNIQUE:session_id", "user_id", "outlet_id", "start_time", "created_at"),
        "conversation_messages", List.of("session_id", "\"timestamp\"", "role", "intent", "created_at",
            "session_id, \"timestamp\""),
        "user_interaction_summaries", List.of("UNIQUE:user_id", "outlet_id", "last_interaction", "created_at"));
    for (Map.Entry<String, List<String>> table : expected.entrySet()) {
      for (String index : table.getValue()) {
        boolean unique = index.startsWith("UNIQUE:");
        String columns = unique ? index.substring("UNIQUE:".length()) : index;
        boolean found = indexes.stream().anyMatch(def -> def.startsWith(table.getKey() + ":")
            && def.contains(unique ? "CREATE UNIQUE INDEX" : "CREATE INDEX")
            && def.endsWith("USING btree (" + columns + ")"));
        assertTrue(found, "missing index " + table.getKey() + " " + index + " in\n" + all);
      }
    }
    Set<String> foreignKeys = query("SELECT conrelid::regclass::text || '->' || confrelid::regclass::text || ':' || confdeltype::text "
        + "FROM pg_constraint WHERE contype = 'f'");
    assertTrue(foreignKeys.contains("conversation_sessions->outlets:n"), foreignKeys.toString());
    assertTrue(foreignKeys.contains("user_interaction_summaries->outlets:n"), foreignKeys.toString());
    Set<String> checks = query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE contype = 'c' "
        + "AND conrelid = 'conversation_messages'::regclass");
    assertTrue(checks.stream().anyMatch(c -> c.contains("'user'") && c.contains("'assistant'")), checks.toString());
  }

  @Test
  void deletingAnOutletKeepsItsSessions() {
    WorkflowResult r = runtime.execute(new WorkflowBuilder()
        .addNode("outlet", OutletCreateNode.params().name("Outlet A"))
        .addNode("session", ConversationSessionCreateNode.params().sessionId(UUID.randomUUID()).userId("u-fk"))
        .addConnection("outlet", "id", "session", "outlet_id")
        .build());
    assertEquals(r.get("outlet").get("id"), r.get("session").get("outlet_id"));
    runtime.execute(new WorkflowBuilder()
        .addNode("OutletDeleteNode", "del", Map.of("id", r.get("outlet").get("id"))).build());
    Map<String, Object> session = runtime.execute(new WorkflowBuilder()
        .addNode("ConversationSessionReadNode", "read", Map.of("id", r.get("session").get("id"))).build()).get("read");
    assertNull(session.get("outlet_id"));
    assertEquals("en", session.get("language"), "the column default applies when language is left out");
  }

  @Test
  void theModelsDeclareTheSeedsRetentionAndScrubbing() {
    assertEquals(new Retention(90, "timestamp"), ConversationMessageSchema.DESCRIPTOR.retention());
    assertEquals(new Retention(730, "last_interaction"), UserInteractionSummarySchema.DESCRIPTOR.retention());
    assertNull(ConversationSessionSchema.DESCRIPTOR.retention());
    assertEquals(List.of("content"),
        ConversationMessageSchema.DESCRIPTOR.scrubbedColumns().stream().map(ColumnDescriptor::name).toList());
    assertEquals("pii_scrubbed", ConversationMessageSchema.DESCRIPTOR.piiScrubbedFlagColumn().name());
    assertEquals(List.of(), UserInteractionSummarySchema.DESCRIPTOR.scrubbedColumns(),
        "user_id identifies the summary: personal data, never scrubbed");
  }

  @Test
  void messagesAreStoredScrubbedAndMarked() {
    UUID session = UUID.randomUUID();
    runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params().sessionId(session).userId("u-scrub"))
        .addNode("messages", ConversationMessageBulkCreateNode.params().records(List.of(
            Map.of("session_id", session, "role", "user", "content", "my phone is 6591234567"),
            Map.of("session_id", session, "role", "assistant", "content", "noted"))))
        .build());
    List<String> rows = Tables.snapshot(db, "conversation_messages");
    assertTrue(rows.stream().noneMatch(r -> r.contains("6591234567")), rows.toString());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> messages = (List<Map<String, Object>>) run("ConversationMessageListNode",
        Map.of("filters", Map.of("session_id", session), "order_by", List.of("id"))).get("records");
    assertEquals(List.of("my phone is [PHONE]", "noted"), messages.stream().map(m -> m.get("content")).toList());
    assertEquals(List.of(true, true), messages.stream().map(m -> m.get("pii_scrubbed")).toList());
  }

  @Test
  void deletingASessionDeletesItsMessagesAndAMessageNeedsAnExistingSession() {
    UUID session = UUID.randomUUID();
    WorkflowResult created = runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params().sessionId(session).userId("u-cascade"))
        .addNode("messages", ConversationMessageBulkCreateNode.params().records(List.of(
            Map.of("session_id", session, "role", "user", "content", "hello"),
            Map.of("session_id", session, "role", "assistant", "content", "hi"))))
        .build());
    Map<String, Object> count = Map.of("filters", Map.of("session_id", session));
    assertEquals(2L, run("ConversationMessageCountNode", count).get("count"));
    run("ConversationSessionDeleteNode", Map.of("id", created.get("session").get("id")));
    assertEquals(0L, run("ConversationMessageCountNode", count).get("count"));

    dev.dataflow.runtime.WorkflowExecutionException orphan = org.junit.jupiter.api.Assertions.assertThrows(
        dev.dataflow.runtime.WorkflowExecutionException.class,
        () -> run("ConversationMessageCreateNode", Map.of("session_id", UUID.randomUUID(), "role", "user",
            "content", "orphan")));
    assertTrue(orphan.getMessage().contains("fk_conversation_messages_session_id"), orphan.getMessage());
  }

  /**
   * A create that leaves out every column with a default, one that gives some, and one that gives all take three
   * different statements (the build-time insert without the defaulted columns, a rendered one, the full build-time
   * insert): each stores the defaults of exactly the columns it left out.
   */
  @Test
  void aCreateStoresTheDefaultsOfTheColumnsItLeavesOut() {
    Instant before = Instant.now().minusSeconds(60);
    Map<String, Object> none = run("ConversationSessionCreateNode", Map.of("session_id", UUID.randomUUID(),
        "user_id", "defaults-none"));
    assertEquals("en", none.get("language"));
    assertTrue(((Instant) none.get("start_time")).isAfter(before), "start_time defaults to now()");

    Map<String, Object> some = run("ConversationSessionCreateNode", Map.of("session_id", UUID.randomUUID(),
        "user_id", "defaults-some", "language", "ms"));
    assertEquals("ms", some.get("language"));
    assertTrue(((Instant) some.get("start_time")).isAfter(before));

    Instant started = Instant.parse("2026-03-04T05:06:07Z");
    Map<String, Object> all = run("ConversationSessionCreateNode", Map.of("session_id", UUID.randomUUID(),
        "user_id", "defaults-all", "language", "ta", "start_time", started));
    assertEquals("ta", all.get("language"));
    assertEquals(started, all.get("start_time"));
    assertNull(all.get("end_time"), "a plain column left out binds NULL in the full insert");

    Map<String, Object> message = run("ConversationMessageCreateNode", Map.of("session_id", none.get("session_id"),
        "role", "user", "content", "hello"));
    assertTrue(((Instant) message.get("timestamp")).isAfter(before), "timestamp defaults to now()");
    assertEquals(true, message.get("pii_scrubbed"), "the flag is bound even where its default is left to the database");
  }
}
