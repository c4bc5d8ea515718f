package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The demo catalogue is written once, whoever applies it and however often. */
class DemoCatalogueTest {

  @Test
  void writesOutletOneAndTheProductsOnceAndLaterOutletsGetNewIds() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      assertEquals(7, DemoCatalogue.applyIfEmpty(db));
      assertEquals(0, DemoCatalogue.applyIfEmpty(db));
      assertEquals(List.of(java.util.Map.of("id", 1L, "name", "Tria Pizza Central", "code", "DEMO-1")),
          Db.rows(db, "select id, name, code from outlets"));
      assertEquals(List.of("BOX-10", "BOX-12", "BOX-14", "DIPCUP-50", "NAPKIN-100", "SAVER-100"),
          Db.rows(db, "select sku from products order by sku").stream().map(r -> r.get("sku")).toList());
      assertEquals(List.of(10, 12, 14), Db.rows(db, "select size_inches from products where size_inches is not null"
          + " order by 1").stream().map(r -> r.get("size_inches")).toList());
      Object id = new LocalRuntime(db).execute(new WorkflowBuilder()
          .addNode("outlet", OutletCreateNode.params().name("Second outlet")).build()).get("outlet").get("id");
      assertEquals(2L, id);
    }
  }

  @Test
  void servicesStartingTogetherWriteItOnce() throws Exception {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(4);
      try {
        List<Callable<Integer>> starts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
          starts.add(() -> DemoCatalogue.applyIfEmpty(db));
        }
        int written = 0;
        for (Future<Integer> f : threads.invokeAll(starts)) {
          written += f.get();
        }
        assertEquals(7, written);
      } finally {
        threads.shutdown();
      }
      assertEquals(1L, Db.count(db, "outlets"));
      assertEquals(6L, Db.count(db, "products"));
    }
  }

  @Test
  void aTableWithRowsIsLeftAlone() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      Db.execute(db, "insert into products (sku, name, unit, price) values ('CUSTOM-1', 'Our own box', 'box', 1.00)");
      assertEquals(1, DemoCatalogue.applyIfEmpty(db));   // the outlet only
      assertEquals(List.of("CUSTOM-1"), Db.rows(db, "select sku from products").stream().map(r -> r.get("sku"))
          .toList());
      assertEquals(1L, Db.count(db, "outlets"));
    }
  }
}
