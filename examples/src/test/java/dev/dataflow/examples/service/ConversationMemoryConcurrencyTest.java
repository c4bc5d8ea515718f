package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Concurrent messages keep every counter equal to what is stored. One handler per thread on one database stands for
 * four service instances, so messages of one user really interleave (inside one handler they are serialised per
 * user): sessions may be started twice, orders extended concurrently (version conflicts, retried), and still every
 * count is exact. Every thread writes for the same user at about the same time, so a message meets at most three
 * competitors and {@link ConversationMemory#MAX_ATTEMPTS} always suffices.
 */
class ConversationMemoryConcurrencyTest {
  private static final int THREADS = 4;
  private static final int USERS = 20;
  private static final int MESSAGES_PER_THREAD = 100;
  private static final List<String> TEXTS = List.of("we need 40 boxes for 10 inch", "and 20 for 12 inch", "Hello",
      "5 packs of napkins", "how much are 14 inch boxes?", "where is my order?", "30 for 14 inch please");

  @Test
  void countersAndTotalsStayExactUnderConcurrentMessages() throws Exception {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).maximumPoolSize(8).build()) {
      DemoCatalogue.applyIfEmpty(db);
      // one handler per thread: four service instances, so nothing serialises one user's messages but the database
      AtomicInteger classified = new AtomicInteger();
      RuleBasedClassifier rules = new RuleBasedClassifier();
      MessageClassifier counting = (text, previous) -> {
        classified.incrementAndGet();
        return rules.classify(text, previous);
      };
      List<ConversationMemory> services = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        services.add(new ConversationMemory(db, counting, Clock.systemUTC()));
      }
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Integer>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(() -> {
          go.await();
          ConversationMemory service = services.get(thread % services.size());
          for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
            // every thread writes for the same user at about the same time
            String user = "6580000" + String.format("%03d", i % USERS);
            String text = TEXTS.get((i / USERS + thread) % TEXTS.size());
            service.handle(new IncomingMessage(user, DemoCatalogue.OUTLET_ID, text, null));
          }
          return MESSAGES_PER_THREAD;
        });
      }
      List<Future<Integer>> done = new ArrayList<>();
      try {
        for (Callable<Integer> w : work) {
          done.add(threads.submit(w));
        }
        go.countDown();
        for (Future<Integer> f : done) {
          f.get();   // a message that failed fails the test here
        }
      } finally {
        threads.shutdown();
      }

      int sent = THREADS * MESSAGES_PER_THREAD;
      System.out.println("concurrency: " + sent + " messages classified " + classified.get() + " times; sessions "
          + Db.count(db, "conversation_sessions") + ", orders " + Db.count(db, "orders"));
      assertEquals((long) sent, Db.count(db, "conversation_messages where role = 'user'"));
      assertEquals((long) sent, Db.count(db, "conversation_messages where role = 'assistant'"));
      List<Map<String, Object>> summaries = Db.rows(db, "select s.user_id, s.total_messages, s.total_conversations,"
          + " (select count(*) from conversation_messages m join conversation_sessions c using (session_id)"
          + "   where c.user_id = s.user_id) as stored_messages,"
          + " (select count(*) from conversation_sessions c where c.user_id = s.user_id) as sessions"
          + " from user_interaction_summaries s");
      assertEquals(USERS, summaries.size());
      for (Map<String, Object> s : summaries) {
        assertEquals(((Number) s.get("stored_messages")).intValue(), s.get("total_messages"), s.toString());
        assertEquals(((Number) s.get("sessions")).intValue(), s.get("total_conversations"), s.toString());
        String user = (String) s.get("user_id");
        Map<String, Integer> stored = new java.util.TreeMap<>();
        for (Map<String, Object> row : Db.rows(db, "select m.intent, count(*) as n from conversation_messages m"
            + " join conversation_sessions c using (session_id) where c.user_id = '" + user + "'"
            + " and m.role = 'user' group by m.intent")) {
          stored.put((String) row.get("intent"), ((Number) row.get("n")).intValue());
        }
        assertEquals(stored, new java.util.TreeMap<>(Db.intentFrequencies(db, user)), user);
      }
      assertEquals(0L, Db.count(db, "orders o where o.total <> (select coalesce(sum(quantity * unit_price), 0)"
          + " from order_items i where i.order_id = o.id)"));
      assertTrue(Db.count(db, "order_items") > 0);
    }
  }
}
