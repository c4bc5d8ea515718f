package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;

/** Application instances starting at the same time on one database apply each migration exactly once. */
class ConcurrentStartTest {

  @RepeatedTest(3)
  void twoInstancesStartingTogetherApplyEachMigrationOnce() throws Exception {
    String url = TestPostgres.newDatabase();
    CountDownLatch ready = new CountDownLatch(2);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      List<Future<DataFlow>> starts = List.of(
          threads.submit(() -> startTogether(url, ready, go)),
          threads.submit(() -> startTogether(url, ready, go)));
      assertTrue(ready.await(30, TimeUnit.SECONDS), "both threads ready");
      go.countDown();
      for (Future<DataFlow> start : starts) {
        try (DataFlow db = start.get(120, TimeUnit.SECONDS)) {
          assertNotNull(db);
          assertEquals(2, db.models().size());
        }
      }
    } finally {
      threads.shutdownNow();
    }
    assertEquals(List.of("1:V1__create_authors.sql", "2:V2__create_books.sql"), Databases.history(url));
    assertEquals(List.of("1:true", "2:true"), Databases.allHistory(url));
  }

  private static DataFlow startTogether(String url, CountDownLatch ready, CountDownLatch go) throws Exception {
    ready.countDown();
    go.await();
    return ApplyMigrationsTest.start(url, BASIC);
  }
}
