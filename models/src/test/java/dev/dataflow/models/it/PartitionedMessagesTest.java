package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationMessageSchema;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.lifecycle.PartitionMaintenance;
import dev.dataflow.runtime.lifecycle.RetentionEvent;
import dev.dataflow.runtime.model.Partitioning;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The partitioned {@code conversation_messages} (by month of {@code timestamp}) as {@code createMissingTables}
 * creates it: the current and next month's partitions and the default, rows routed by their time, and every one of
 * the model's nine nodes working on it; upserts on a partitioned model's unique index that includes the partition
 * column ({@code Reading}).
 */
class PartitionedMessagesTest extends DatabaseTest {

  private static List<String> query(String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static String monthPartition(Instant time) {
    Partitioning month = ConversationMessageSchema.DESCRIPTOR.partitioning();
    return month.partitionName("conversation_messages", month.start(Partitioning.utc(time)));
  }

  @Test
  void theTableIsPartitionedByMonthWithTheCurrentAndNextMonthAndADefault() throws Exception {
    assertEquals(new Partitioning("timestamp", Partitioning.Interval.MONTH),
        ConversationMessageSchema.DESCRIPTOR.partitioning());
    Instant now = Instant.now();
    LocalDateTime nextMonth = LocalDateTime.ofInstant(now, ZoneOffset.UTC).plusMonths(1);
    List<String> partitions = query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        + " WHERE i.inhparent = 'conversation_messages'::regclass ORDER BY 1");
    assertTrue(partitions.contains(monthPartition(now)), partitions.toString());
    assertTrue(partitions.contains(monthPartition(nextMonth.toInstant(ZoneOffset.UTC))), partitions.toString());
    assertTrue(partitions.contains("conversation_messages_default"), partitions.toString());
    assertEquals(List.of("PRIMARY KEY (id, \"timestamp\")"),
        query("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'pk_conversation_messages'"
            + " AND conrelid = 'conversation_messages'::regclass"));
  }

  @SuppressWarnings("unchecked")
  @Test
  void allNineNodesWorkOnThePartitionedTable() throws Exception {
    UUID session = UUID.randomUUID();
    runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params().sessionId(session).userId("u-partitions"))
        .build());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Instant lastYear = now.minus(400, ChronoUnit.DAYS);

    Map<String, Object> created = run("ConversationMessageCreateNode",
        Map.of("session_id", session, "role", "user", "content", "hello", "timestamp", now));
    Object id = created.get("id");
    assertNotNull(id);
    Map<String, Object> bulk = run("ConversationMessageBulkCreateNode", Map.of("records", List.of(
        Map.of("session_id", session, "role", "assistant", "content", "hi", "timestamp", now.plusSeconds(1)),
        Map.of("session_id", session, "role", "user", "content", "old one", "timestamp", lastYear),
        Map.of("session_id", session, "role", "user", "content", "defaulted time"))));
    assertEquals(3, ((List<?>) bulk.get("ids")).size());

    assertEquals(List.of("hello: in its month", "hi: in its month", "old one: in the default partition",
            "defaulted time: in its month"),
        query("SELECT content || CASE tableoid::regclass::text"
            + " WHEN 'conversation_messages_p' || to_char(\"timestamp\" AT TIME ZONE 'UTC', 'YYYY_MM')"
            + " THEN ': in its month' WHEN 'conversation_messages_default' THEN ': in the default partition'"
            + " ELSE ': in ' || tableoid::regclass::text END FROM conversation_messages WHERE session_id = '"
            + session + "' ORDER BY id"), "each row in its month's partition; a month without one in the default");
    assertTrue(monthPartition(now).startsWith("conversation_messages_p"));

    assertEquals("hello", run("ConversationMessageReadNode", Map.of("id", id)).get("content"));
    assertEquals(true, run("ConversationMessageExistsNode", Map.of("id", id)).get("exists"));
    assertEquals("hello again",
        run("ConversationMessageUpdateNode", Map.of("id", id, "fields", Map.of("content", "hello again")))
            .get("content"));

    List<Object> paged = new ArrayList<>();
    String cursor = null;
    do {
      Map<String, Object> params = new HashMap<>(Map.of("filters", Map.of("session_id", session),
          "order_by", List.of("timestamp", "id"), "limit", 2));
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      Map<String, Object> page = run("ConversationMessageListNode", params);
      for (Map<String, Object> record : (List<Map<String, Object>>) page.get("records")) {
        paged.add(record.get("content"));
      }
      cursor = (String) page.get("next_cursor");
    } while (cursor != null);
    assertEquals(query("SELECT content FROM conversation_messages WHERE session_id = '" + session
        + "' ORDER BY \"timestamp\", id"), paged, "a cursor walks the rows of every partition in order");
    assertEquals(List.of("old one", "hello again"), paged.subList(0, 2));

    Map<String, Object> grouped = run("ConversationMessageCountNode",
        Map.of("filters", Map.of("session_id", session), "group_by", List.of("role")));
    assertEquals(4L, grouped.get("count"));
    assertEquals(List.of(Map.of("role", "assistant", "count", 1L), Map.of("role", "user", "count", 3L)),
        ((List<Map<String, Object>>) grouped.get("groups")).stream()
            .map(g -> Map.of("role", String.valueOf(g.get("role")), "count", g.get("count"))).sorted(
                (a, b) -> String.valueOf(a.get("role")).compareTo(String.valueOf(b.get("role")))).toList());

    assertEquals(4, ((Number) run("ConversationMessageBulkUpdateNode", Map.of(
        "filters", Map.of("session_id", session), "fields", Map.of("intent", "greeting"))).get("updated")).intValue());
    assertEquals(List.of("greeting"), query("SELECT DISTINCT intent FROM conversation_messages WHERE session_id = '"
        + session + "'"));

    run("ConversationMessageDeleteNode", Map.of("id", id));
    assertEquals(false, run("ConversationMessageExistsNode", Map.of("id", id)).get("exists"));
    assertEquals(3L, run("ConversationMessageCountNode", Map.of("filters", Map.of("session_id", session)))
        .get("count"));
  }

  @Test
  void sweepExpiredDropsAWholeExpiredMonthAndDeletesThePartlyExpiredRows() throws Exception {
    UUID session = UUID.randomUUID();
    runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params().sessionId(session).userId("u-sweep"))
        .build());
    Instant now = Instant.now();
    LocalDateTime sixMonthsAgo = LocalDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(6);
    try (Connection c = db.dataSource().getConnection()) {
      PartitionMaintenance.createAhead(c, ConversationMessageSchema.DESCRIPTOR, sixMonthsAgo); // months -6 to -4
    }
    Partitioning month = ConversationMessageSchema.DESCRIPTOR.partitioning();
    Instant expiredMonth = month.start(sixMonthsAgo).toInstant(ZoneOffset.UTC);
    Instant cutoff = now.minus(90, ChronoUnit.DAYS);
    run("ConversationMessageBulkCreateNode", Map.of("records", List.of(
        Map.of("session_id", session, "role", "user", "content", "six months ago", "timestamp", expiredMonth),
        Map.of("session_id", session, "role", "user", "content", "also", "timestamp", expiredMonth.plusSeconds(60)),
        Map.of("session_id", session, "role", "user", "content", "just due", "timestamp", cutoff.minusSeconds(60)),
        Map.of("session_id", session, "role", "user", "content", "kept", "timestamp", cutoff.plusSeconds(60)))));

    RetentionEvent swept = db.sweepExpired(now).event("conversation_messages");

    assertTrue(swept.partitionsDropped() >= 1, swept.toString());
    assertTrue(swept.rowsInDroppedPartitions() >= 2, swept.toString());
    assertTrue(swept.deleted() >= 1, "the row in the partly expired month: " + swept);
    assertEquals(List.of(), query("SELECT relname FROM pg_class WHERE relname = '"
        + month.partitionName("conversation_messages", month.start(sixMonthsAgo)) + "'"));
    assertEquals(List.of("kept"), query("SELECT content FROM conversation_messages WHERE session_id = '" + session
        + "'"));
  }

  @Test
  void upsertOnAUniqueIndexThatIncludesThePartitionColumn() throws Exception {
    Instant at = Instant.parse("2026-11-30T10:00:00Z");
    Map<String, Object> first = run("ReadingCreateNode", Map.of("sensor", "s-1", "taken_at", at, "value", 1.5,
        "on_conflict", "update", "conflict_columns", List.of("sensor", "taken_at")));
    Map<String, Object> second = run("ReadingCreateNode", Map.of("sensor", "s-1", "taken_at", at, "value", 2.5,
        "on_conflict", "update", "conflict_columns", List.of("sensor", "taken_at")));
    assertEquals(first.get("id"), second.get("id"), "the second create updated the first row");
    assertEquals(2.5, second.get("value"));
    assertEquals(1, first.get("inserted"));
    assertEquals(List.of(0, 1), List.of(second.get("inserted"), second.get("updated")),
        "told apart without xmax, which a partitioned table cannot return");
    assertEquals(List.of("1"), query("SELECT count(*) FROM readings"));
    Map<String, Object> ignored = run("ReadingCreateNode", Map.of("sensor", "s-1", "taken_at", at, "value", 9.0,
        "on_conflict", "ignore", "conflict_columns", List.of("sensor", "taken_at")));
    assertEquals(Map.of("inserted", 0, "updated", 0, "skipped", 1), ignored);
    assertEquals(List.of("2.5"), query("SELECT value FROM readings"));
  }
}
