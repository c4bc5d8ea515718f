package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.models.UserInteractionSummaryCreateNode;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.lifecycle.RetentionEvent;
import dev.dataflow.runtime.lifecycle.RetentionReport;
import dev.dataflow.runtime.testing.TestPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The seed's @Retain end to end: messages 90 days after timestamp, summaries 730 days after last_interaction. */
class RetentionTest extends DatabaseTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

  @Test
  void sweepExpiredDeletesTheSeedsRowsPastTheirPeriodToTheSecond() {
    Instant messageCutoff = NOW.minus(Duration.ofDays(90));
    Instant summaryCutoff = NOW.minus(Duration.ofDays(730));
    UUID session = UUID.randomUUID();
    runtime.execute(new WorkflowBuilder()
        .addNode("session", ConversationSessionCreateNode.params().sessionId(session).userId("u-retention"))
        .addNode("messages", ConversationMessageBulkCreateNode.params().records(List.of(
            message(session, "old", messageCutoff.minusSeconds(1)),
            message(session, "older", messageCutoff.minus(Duration.ofDays(3))),
            message(session, "at cutoff", messageCutoff),
            message(session, "recent", messageCutoff.plusSeconds(1)))))
        .addNode("old_user", UserInteractionSummaryCreateNode.params().userId("retention-old")
            .lastInteraction(summaryCutoff.minusSeconds(1)))
        .addNode("new_user", UserInteractionSummaryCreateNode.params().userId("retention-new")
            .lastInteraction(summaryCutoff.plusSeconds(1)))
        .addNode("no_interaction", UserInteractionSummaryCreateNode.params().userId("retention-none"))
        .build());

    RetentionReport report = db.sweepExpired(NOW);

    assertEquals(2, report.deleted("conversation_messages"));
    assertEquals(1, report.deleted("user_interaction_summaries"));
    assertEquals(3, report.total());
    List<String> messages = Tables.snapshot(db, "conversation_messages");
    assertEquals(2, messages.size(), messages.toString());
    assertTrue(messages.stream().anyMatch(r -> r.contains("\"recent\"")));
    assertTrue(messages.stream().anyMatch(r -> r.contains("\"at cutoff\"")));
    List<String> summaries = Tables.snapshot(db, "user_interaction_summaries");
    assertTrue(summaries.stream().noneMatch(r -> r.contains("retention-old")), summaries.toString());
    assertTrue(summaries.stream().anyMatch(r -> r.contains("retention-new")));
    assertTrue(summaries.stream().anyMatch(r -> r.contains("retention-none")),
        "a NULL last_interaction is never past retention");
    assertEquals(1, Tables.count(db, "conversation_sessions"), "sessions have no @Retain");

    assertEquals(0, db.sweepExpired(NOW).total(), "a second sweep finds nothing");
    IllegalArgumentException notRetained = assertThrows(IllegalArgumentException.class,
        () -> report.deleted("conversation_sessions"));
    assertTrue(notRetained.getMessage().contains("conversation_messages"), notRetained.getMessage());
  }

  private static Map<String, Object> message(UUID session, String content, Instant timestamp) {
    return Map.of("session_id", session, "role", MessageRole.user, "content", content, "timestamp", timestamp);
  }

  @Test
  void theScheduleSweepsInBatchesUntilCloseAndOutlivesAFailedSweep() throws Exception {
    List<RetentionEvent> heard = new CopyOnWriteArrayList<>();
    DataFlow scheduled = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).maximumPoolSize(2)
        .createMissingTables(true)
        .retentionSchedule(Duration.ofMillis(100))
        .retentionBatchSize(2)
        .retentionListener(heard::add)
        .build();
    try {
      LocalRuntime runtime = new LocalRuntime(scheduled);
      awaitEvent(heard, e -> e.table().equals("user_interaction_summaries"), "the first sweep runs at build");

      // a sweep that fails (the table is gone for a moment) is logged, and the schedule goes on
      Tables.execute(scheduled, "ALTER TABLE user_interaction_summaries RENAME TO summaries_away");
      heard.clear();
      awaitEvent(heard, RetentionEvent::failed, "a failing sweep");
      Tables.execute(scheduled, "ALTER TABLE summaries_away RENAME TO user_interaction_summaries");

      List<Map<String, Object>> old = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        old.add(Map.of("user_id", "old-" + i, "last_interaction", Instant.now().minus(Duration.ofDays(731))));
      }
      runtime.execute(new WorkflowBuilder()
          .addNode("UserInteractionSummaryBulkCreateNode", "old", Map.of("records", old)).build());
      heard.clear();
      RetentionEvent swept = awaitEvent(heard, e -> e.deleted() > 0, "a later sweep deletes the old summaries");
      assertEquals(5, swept.deleted());
      assertEquals(3, swept.batches(), "batches of 2: 2, 2, 1");
      assertEquals(0, Tables.count(scheduled, "user_interaction_summaries"));
    } finally {
      scheduled.close();
    }
    // The schedule's thread has finished its work when close() returns; the JVM marks it dead a moment later.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (retentionThreadAlive() && System.nanoTime() < deadline) {
      TimeUnit.MILLISECONDS.sleep(10);
    }
    assertFalse(retentionThreadAlive(), "close() stops the schedule");
    int after = heard.size();
    TimeUnit.MILLISECONDS.sleep(300);
    assertEquals(after, heard.size(), "no sweep after close()");
  }

  private static boolean retentionThreadAlive() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().equals("dataflow-retention") && t.isAlive());
  }

  private static RetentionEvent awaitEvent(List<RetentionEvent> heard, Predicate<RetentionEvent> wanted,
      String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      for (RetentionEvent e : heard) {
        if (wanted.test(e)) {
          return e;
        }
      }
      TimeUnit.MILLISECONDS.sleep(20);
    }
    throw new AssertionError("waited 30 s for " + what + "; heard " + heard);
  }
}
