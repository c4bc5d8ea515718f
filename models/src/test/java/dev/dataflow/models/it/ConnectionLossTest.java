package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.sql.DatabaseException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Killing the connection in the middle of a 100,000-row BulkCreate (its COPY) leaves none of its rows. */
class ConnectionLossTest {

  @Test
  void terminatedBackendDuringBulkCreateLeavesNoRow() throws Exception {
    try (DataFlow db = TestDataFlow.fresh()) {
      List<Map<String, Object>> records = new ArrayList<>(100_000);
      for (int i = 0; i < 100_000; i++) {
        records.add(Map.of("text", "row" + i, "score", (double) i));
      }
      AtomicBoolean terminated = new AtomicBoolean();
      CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
          while (!terminated.get() && System.nanoTime() < deadline) {
            // The bulk insert's backend: in a transaction that has run at least one insert into all_types.
            try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                + "WHERE pid <> pg_backend_pid() AND datname = current_database() AND backend_xid IS NOT NULL "
                + "AND (query LIKE 'insert into \"all_types\"%' OR query LIKE 'copy \"all_types\"%')")) {
              while (rs.next()) {
                terminated.set(terminated.get() || rs.getBoolean(1));
              }
            }
            Thread.sleep(2);
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> new LocalRuntime(db)
          .execute(new WorkflowBuilder()
              .addNode("AllTypesBulkCreateNode", "bulk", Map.of("records", records, "batch_size", 500))
              .build()));
      killer.get(35, TimeUnit.SECONDS);
      assertTrue(terminated.get(), "the backend was terminated during the insert");
      DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
      assertTrue(cause.connectionLost(), "SQLSTATE " + cause.sqlState());
      assertTrue(e.getMessage().contains("connection to the database was lost"), e.getMessage());
      assertEquals(0L, Tables.count(db, "all_types"));
    }
  }
}
