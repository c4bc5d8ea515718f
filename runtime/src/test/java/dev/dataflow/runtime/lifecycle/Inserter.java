package dev.dataflow.runtime.lifecycle;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/** Inserts one row after another on its own connection until stopped, while a sweep runs beside it. */
final class Inserter implements AutoCloseable {
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicLong inserted = new AtomicLong();
  private final AtomicLong longestNanos = new AtomicLong();
  private final CountDownLatch firstRows = new CountDownLatch(10);
  private final Thread thread;
  private volatile Exception failure;

  Inserter(DataSource db, String insert) {
    thread = new Thread(() -> {
      try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(insert)) {
        while (running.get()) {
          long started = System.nanoTime();
          ps.executeUpdate();
          longestNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
          inserted.incrementAndGet();
          firstRows.countDown();
        }
      } catch (Exception e) {
        failure = e;
        while (firstRows.getCount() > 0) {
          firstRows.countDown();
        }
      }
    }, "inserter");
    thread.start();
  }

  void awaitFirstRows() throws InterruptedException {
    assertTrue(firstRows.await(30, TimeUnit.SECONDS), "the inserter started");
  }

  /** Waits until ten more rows are in than now. */
  void awaitMoreRows() throws InterruptedException {
    long target = inserted.get() + 10;
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (inserted.get() < target && failure == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertTrue(inserted.get() >= target || failure != null, "the inserter went on");
  }

  long inserted() {
    return inserted.get();
  }

  /** The longest single insert so far. */
  long longestNanos() {
    return longestNanos.get();
  }

  /** Stops the thread; an insert that failed is rethrown. */
  void stop() throws SQLException {
    close();
  }

  /** Stops the thread; an insert that failed is rethrown, an interrupt is kept and reported. */
  @Override
  public void close() throws SQLException {
    running.set(false);
    try {
      thread.join(30_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while stopping the inserter", e);
    }
    if (failure instanceof SQLException sql) {
      throw sql;
    }
    if (failure instanceof RuntimeException unchecked) {
      throw unchecked;
    }
    if (failure != null) {
      throw new IllegalStateException("the inserter failed", failure);
    }
  }
}
