package dev.dataflow.runtime.lifecycle;

import static dev.dataflow.runtime.lifecycle.RetentionTables.count;
import static dev.dataflow.runtime.lifecycle.RetentionTables.create;
import static dev.dataflow.runtime.lifecycle.RetentionTables.execute;
import static dev.dataflow.runtime.lifecycle.RetentionTables.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention sweeps on real PostgreSQL: the cutoff, batches, concurrent sweepers and inserts, foreign keys. */
class RetentionSweeperTest {
  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  /** 30 days before {@link #NOW}: the cutoff of every model here. */
  private static final String CUTOFF = "timestamptz '2026-05-02 12:00:00+00'";

  private DataSource db;
  private final List<RetentionEvent> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void freshDatabase() {
    db = TestPostgres.newDataSource();
  }

  private RetentionSweeper sweeper(int batchSize, ModelDescriptor... models) {
    return new RetentionSweeper(db, List.of(models), batchSize, heard::add);
  }

  @Test
  void deletesExactlyTheRowsPastTheCutoffWhileAnotherThreadInserts() throws Exception {
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, events);
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " - interval '1 second' - g * interval "
        + "'1 minute', 'due' FROM generate_series(0, 2999) g");
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " + interval '1 second' + g * interval "
        + "'1 minute', 'kept' FROM generate_series(0, 2999) g");
    execute(db, "INSERT INTO events (due_from, note) VALUES (" + CUTOFF + ", 'at cutoff')");
    execute(db, "INSERT INTO events (due_from, note) SELECT NULL, 'no time' FROM generate_series(1, 10)");

    try (Inserter inserter = new Inserter(db, "INSERT INTO events (due_from, note) VALUES (" + CUTOFF
        + " + interval '1 second', 'live')")) {
      inserter.awaitFirstRows();
      RetentionReport report = sweeper(250, events).sweep(NOW);
      inserter.stop();

      assertEquals(3000, report.deleted("events"));
      assertEquals(3000, report.total());
      assertEquals(13, report.event("events").batches(), "12 full batches of 250, then one that finds none");
      assertTrue(inserter.inserted() > 0);
      assertEquals(inserter.inserted(), count(db, "SELECT count(*) FROM events WHERE note = 'live'"),
          "every row inserted during the sweep is still there");
    }
    assertEquals(0, count(db, "SELECT count(*) FROM events WHERE note = 'due'"));
    assertEquals(3000, count(db, "SELECT count(*) FROM events WHERE note = 'kept'"), "one second after: kept");
    assertEquals(1, count(db, "SELECT count(*) FROM events WHERE note = 'at cutoff'"), "exactly at the cutoff: kept");
    assertEquals(10, count(db, "SELECT count(*) FROM events WHERE note = 'no time'"), "NULL is never past retention");

    RetentionEvent event = heard.get(0);
    assertEquals(List.of("events"), heard.stream().map(RetentionEvent::table).toList());
    assertEquals(Instant.parse("2026-05-02T12:00:00Z"), event.cutoff());
    assertEquals(3000, event.deleted());
    assertFalse(event.skipped());
    assertNull(event.failure());
  }

  @Test
  void eachTemporalTypeIsComparedAsItsOwnTypeInUtc() throws Exception {
    ModelDescriptor offsets = model("offsets", 30, JavaType.OFFSET_DATE_TIME, "TIMESTAMPTZ");
    ModelDescriptor locals = model("locals", 30, JavaType.LOCAL_DATE_TIME, "TIMESTAMP");
    ModelDescriptor dates = model("dates", 30, JavaType.LOCAL_DATE, "DATE");
    create(db, offsets, locals, dates);
    execute(db, "INSERT INTO offsets (due_from, note) VALUES ('2026-05-02 19:59:59+08', 'due'), "
        + "('2026-05-02 20:00:01+08', 'kept')");
    execute(db, "INSERT INTO locals (due_from, note) VALUES ('2026-05-02 11:59:59', 'due'), "
        + "('2026-05-02 12:00:01', 'kept')");
    // the cutoff's date is 2026-05-02: a day before it is past, the day itself is kept
    execute(db, "INSERT INTO dates (due_from, note) VALUES ('2026-05-01', 'due'), ('2026-05-02', 'kept')");

    RetentionReport report = sweeper(10, offsets, locals, dates).sweep(NOW);

    for (String table : List.of("offsets", "locals", "dates")) {
      assertEquals(1, report.deleted(table), table);
      assertEquals(0, count(db, "SELECT count(*) FROM " + table + " WHERE note = 'due'"), table);
      assertEquals(1, count(db, "SELECT count(*) FROM " + table + " WHERE note = 'kept'"), table);
    }
    assertEquals(3, report.total());
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> report.deleted("offset"));
    assertTrue(unknown.getMessage().contains("[offsets, locals, dates]"), unknown.getMessage());
  }

  @Test
  void twoSweepersAtOnceDeleteEachRowOnce() throws Exception {
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    ModelDescriptor logs = model("logs", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, events, logs);
    for (String table : List.of("events", "logs")) {
      execute(db, "INSERT INTO " + table + " (due_from, note) SELECT " + CUTOFF + " - g * interval '1 second', 'due'"
          + " FROM generate_series(1, 20000) g");
    }
    // two sweepers, as two application instances would have: each opens its own connections (no pool here), and
    // they start on different tables so that each then meets the other's table, mid-sweep or done
    RetentionSweeper first = new RetentionSweeper(db, List.of(events, logs), 500, heard::add);
    RetentionSweeper second = new RetentionSweeper(db, List.of(logs, events), 500, heard::add);
    List<RetentionReport> reports = sweepAtOnce(first, second);
    RetentionReport ra = reports.get(0);
    RetentionReport rb = reports.get(1);
    for (String table : List.of("events", "logs")) {
      assertEquals(20000, ra.deleted(table) + rb.deleted(table), table + ": " + ra + " " + rb);
      assertEquals(0, count(db, "SELECT count(*) FROM " + table));
      assertFalse(ra.event(table).skipped() && rb.event(table).skipped(), "someone swept " + table);
    }
    assertEquals(40000, ra.total() + rb.total());
    assertEquals(4, heard.size());
  }

  /** Both sweeps, started at the same moment on two threads, as two application instances would run them. */
  private static List<RetentionReport> sweepAtOnce(RetentionSweeper first, RetentionSweeper second)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<RetentionReport> a = pool.submit(() -> {
        start.await();
        return first.sweep(NOW);
      });
      Future<RetentionReport> b = pool.submit(() -> {
        start.await();
        return second.sweep(NOW);
      });
      return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void behindATransactionPoolerEachBatchLocksInItsTransactionAndTwoSweepersDeleteEachRowOnce() throws Exception {
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, events);
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " - g * interval '1 second', 'due'"
        + " FROM generate_series(1, 20000) g");
    RetentionSweeper first = new RetentionSweeper(db, List.of(events), 300, heard::add, true);
    RetentionSweeper second = new RetentionSweeper(db, List.of(events), 300, heard::add, true);
    List<RetentionReport> reports = sweepAtOnce(first, second);
    // a sweeper that loses the lock between batches stops; whoever holds it goes on to the end
    assertEquals(0, count(db, "SELECT count(*) FROM events"), reports.toString());
    assertEquals(20000, reports.get(0).deleted("events") + reports.get(1).deleted("events"), reports.toString());
    assertEquals(0, count(db, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"),
        "no advisory lock outlives its batch");

    // another instance sweeping the table (its session lock) makes this one skip it, as without a pooler
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " - g * interval '1 second', 'due'"
        + " FROM generate_series(1, 10) g");
    try (Connection otherInstance = db.getConnection();
        PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
      lock.setString(1, "dataflow.retention.events");
      lock.execute();
      assertEquals(List.of("events"), first.sweep(NOW).skipped());
      // released before the connection closes: the server lets go of a closed session's locks a moment later
      try (PreparedStatement unlock = otherInstance.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
        unlock.setString(1, "dataflow.retention.events");
        unlock.execute();
      }
    }
    assertEquals(10, first.sweep(NOW).deleted("events"));
  }

  @Test
  void aTableAnotherInstanceIsSweepingIsSkippedNotWaitedFor() throws Exception {
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, events);
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " - g * interval '1 second', 'due'"
        + " FROM generate_series(1, 100) g");
    RetentionSweeper sweeper = new RetentionSweeper(db, List.of(events), 1000, e -> {
      heard.add(e);
      throw new IllegalStateException("a broken listener changes nothing");
    });
    try (Connection otherInstance = db.getConnection();
        PreparedStatement lock = otherInstance.prepareStatement("SELECT pg_advisory_lock(hashtext(?))")) {
      lock.setString(1, "dataflow.retention.events");
      lock.execute();
      long started = System.nanoTime();
      RetentionReport report = sweeper.sweep(NOW);
      assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "did not wait for the lock");
      assertEquals(List.of("events"), report.skipped());
      assertEquals(0, report.deleted("events"));
      assertEquals(100, count(db, "SELECT count(*) FROM events"));
      assertTrue(heard.get(0).skipped());

      try (PreparedStatement unlock = otherInstance.prepareStatement("SELECT pg_advisory_unlock(hashtext(?))")) {
        unlock.setString(1, "dataflow.retention.events");
        unlock.execute();
      }
      assertEquals(100, sweeper.sweep(NOW).deleted("events"), "once the other instance is done, the table is swept");
    }
  }

  @Test
  void childrenAreSweptBeforeTheTablesTheyReference() throws Exception {
    ModelDescriptor threads = model("threads", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    ModelDescriptor posts = model("posts", 30, JavaType.INSTANT, "TIMESTAMPTZ", "threads", "NO ACTION");
    create(db, threads, posts);
    execute(db, "INSERT INTO threads (id, due_from) VALUES (1, " + CUTOFF + " - interval '1 day')");
    execute(db, "INSERT INTO posts (due_from, parent_id) VALUES (" + CUTOFF + " - interval '1 hour', 1)");

    RetentionReport report = sweeper(100, threads, posts).sweep(NOW);

    assertEquals(List.of("posts", "threads"), report.events().stream().map(RetentionEvent::table).toList());
    assertEquals(1, report.deleted("posts"));
    assertEquals(1, report.deleted("threads"));
    assertEquals(List.of(posts, threads), RetentionSweeper.childrenFirst(List.of(threads, posts)));
  }

  @Test
  void aReferenceThatForbidsTheDeleteFailsThatTableOnceAndTheOthersAreSwept() throws Exception {
    ModelDescriptor threads = model("threads", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    ModelDescriptor posts = model("posts", 30, JavaType.INSTANT, "TIMESTAMPTZ", "threads", "NO ACTION");
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, threads, posts, events);
    execute(db, "INSERT INTO threads (id, due_from) VALUES (1, " + CUTOFF + " - interval '1 day')");
    execute(db, "INSERT INTO posts (due_from, parent_id) VALUES (" + CUTOFF + " + interval '1 day', 1)");
    execute(db, "INSERT INTO events (due_from) VALUES (" + CUTOFF + " - interval '1 day')");

    RetentionException e = assertThrows(RetentionException.class,
        () -> sweeper(100, threads, posts, events).sweep(NOW));

    assertTrue(e.getMessage().contains("threads") && e.getMessage().contains("posts_parent_id_fkey")
        && e.getMessage().contains("SQLSTATE 23503"), e.getMessage());
    DatabaseException cause = (DatabaseException) e.getCause();
    assertEquals("posts_parent_id_fkey", cause.constraint());
    RetentionReport report = e.report();
    assertEquals(List.of("threads"), report.failed());
    assertEquals(1, report.event("threads").batches(), "one failed batch, no retry loop");
    assertEquals(0, report.deleted("posts"));
    assertEquals(1, report.deleted("events"), "the other tables are swept all the same");
    assertEquals(1, count(db, "SELECT count(*) FROM threads"));
  }

  @Test
  void aCascadeDeletesTheChildrenOfDueRowsWithoutCountingThem() throws Exception {
    ModelDescriptor threads = model("threads", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, threads);
    execute(db, "CREATE TABLE replies (id BIGSERIAL PRIMARY KEY, thread_id BIGINT REFERENCES threads (id) "
        + "ON DELETE CASCADE)");
    execute(db, "INSERT INTO threads (id, due_from) VALUES (1, " + CUTOFF + " - interval '1 day'), (2, " + CUTOFF
        + " + interval '1 day')");
    execute(db, "INSERT INTO replies (thread_id) VALUES (1), (1), (2)");

    RetentionReport report = sweeper(100, threads).sweep(NOW);

    assertEquals(1, report.total());
    assertEquals(1, count(db, "SELECT count(*) FROM replies"), "the due thread's replies went with it");
  }

  @Test
  void a200000RowTableIsSweptInBatchesWhileInsertsIntoItNeverWait() throws Exception {
    ModelDescriptor events = model("events", 30, JavaType.INSTANT, "TIMESTAMPTZ");
    create(db, events);
    execute(db, "INSERT INTO events (due_from, note) SELECT " + CUTOFF + " - g * interval '1 second', 'due'"
        + " FROM generate_series(1, 200000) g");
    execute(db, "ANALYZE events");

    RetentionReport report;
    long sweepNanos;
    try (Inserter inserter = new Inserter(db, "INSERT INTO events (due_from, note) VALUES (now(), 'live')")) {
      inserter.awaitFirstRows();
      long started = System.nanoTime();
      report = sweeper(1000, events).sweep(NOW);
      sweepNanos = System.nanoTime() - started;
      inserter.stop();
      RetentionEvent event = report.event("events");
      System.out.printf("retention 200k: %d rows in %d batches, %d ms, longest batch %d ms; %d inserts during it,"
              + " longest insert %d ms%n", event.deleted(), event.batches(), sweepNanos / 1_000_000,
          event.longestBatch().toMillis(), inserter.inserted(), inserter.longestNanos() / 1_000_000);
      assertEquals(200000, event.deleted());
      assertEquals(201, event.batches(), "200 full batches of 1000, then one that finds none");
      assertTrue(inserter.longestNanos() < TimeUnit.SECONDS.toNanos(1),
          "an insert waited " + inserter.longestNanos() / 1_000_000 + " ms");
      assertEquals(inserter.inserted(), count(db, "SELECT count(*) FROM events"));
    }
  }
}
