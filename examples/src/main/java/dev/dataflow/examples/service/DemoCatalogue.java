package dev.dataflow.examples.service;

import dev.dataflow.models.Outlet;
import dev.dataflow.models.OutletCountNode;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.models.Product;
import dev.dataflow.models.ProductBulkCreateNode;
import dev.dataflow.models.ProductCountNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.crud.CountNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo outlet and products the service starts with, so that a fresh database can take the seed's conversation:
 * outlet 1 ({@code DEMO-1}) and six products.
 *
 * <table>
 *   <caption>Demo products</caption>
 *   <tr><th>sku</th><th>name</th><th>size_inches</th><th>unit</th><th>price</th></tr>
 *   <tr><td>BOX-10</td><td>Pizza box, 10 inch</td><td>10</td><td>box</td><td>0.45</td></tr>
 *   <tr><td>BOX-12</td><td>Pizza box, 12 inch</td><td>12</td><td>box</td><td>0.55</td></tr>
 *   <tr><td>BOX-14</td><td>Pizza box, 14 inch</td><td>14</td><td>box</td><td>0.65</td></tr>
 *   <tr><td>NAPKIN-100</td><td>Napkins, pack of 100</td><td></td><td>pack</td><td>2.50</td></tr>
 *   <tr><td>DIPCUP-50</td><td>Dipping cups, pack of 50</td><td></td><td>pack</td><td>3.20</td></tr>
 *   <tr><td>SAVER-100</td><td>Pizza savers, pack of 100</td><td></td><td>pack</td><td>4.00</td></tr>
 * </table>
 */
public final class DemoCatalogue {
  /** The demo outlet's id. */
  public static final long OUTLET_ID = 1L;
  /** The demo outlet. */
  public static final Outlet OUTLET = new Outlet(OUTLET_ID, "Tria Pizza Central", "DEMO-1", null);
  /** The demo products, in the order of the table above. */
  public static final List<Product> PRODUCTS = List.of(
      product("BOX-10", "Pizza box, 10 inch", 10, "box", "0.45"),
      product("BOX-12", "Pizza box, 12 inch", 12, "box", "0.55"),
      product("BOX-14", "Pizza box, 14 inch", 14, "box", "0.65"),
      product("NAPKIN-100", "Napkins, pack of 100", null, "pack", "2.50"),
      product("DIPCUP-50", "Dipping cups, pack of 50", null, "pack", "3.20"),
      product("SAVER-100", "Pizza savers, pack of 100", null, "pack", "4.00"));

  private static final NodeRegistry REGISTRY =
      NodeRegistry.builder().addBuiltins().addClasspathModels().add(new OutletIdSequenceNode()).build();

  private DemoCatalogue() {}

  /**
   * Writes outlet 1 when {@code outlets} is empty and the demo products when {@code products} is empty; does nothing
   * to a table that has rows. Idempotent, and safe when several services start at once on one database: both writes
   * are upserts that skip a row whose key, {@code code} or {@code sku} exists ({@code on_conflict: "ignore"}), in one
   * transaction, so the losers of a race skip what the winner wrote. Because outlet 1 is written with its id, the
   * same transaction moves the outlets' id sequence past the largest id, so that outlets created later get new ids.
   *
   * @return how many rows it wrote: 0 on a database that has both
   */
  public static int applyIfEmpty(DataFlow db) {
    LocalRuntime runtime = new LocalRuntime(db);
    WorkflowResult counts = runtime.execute(new WorkflowBuilder(REGISTRY)
        .addNode("outlets", OutletCountNode.params())
        .addNode("products", ProductCountNode.params())
        .build());
    boolean noOutlets = (Long) counts.get("outlets").get(CountNode.COUNT) == 0;
    boolean noProducts = (Long) counts.get("products").get(CountNode.COUNT) == 0;
    if (!noOutlets && !noProducts) {
      return 0;
    }
    WorkflowBuilder write = new WorkflowBuilder(REGISTRY);
    if (noOutlets) {
      write.addNode("outlet", OutletCreateNode.params(OUTLET).onConflict("ignore"))
          .addNode(OutletIdSequenceNode.TYPE, "outlet_sequence", Map.of())
          .addDependency("outlet", "outlet_sequence");
    }
    if (noProducts) {
      write.addNode("products", ProductBulkCreateNode.params(PRODUCTS).onConflict("ignore"));
    }
    WorkflowResult written = runtime.execute(write.build(),
        ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW).build());
    int rows = 0;
    if (noOutlets) {
      rows += ((Number) written.get("outlet").get("inserted")).intValue();
    }
    if (noProducts) {
      rows += ((Number) written.get("products").get("inserted")).intValue();
    }
    return rows;
  }

  private static Product product(String sku, String name, Integer sizeInches, String unit, String price) {
    return new Product(null, sku, name, sizeInches, unit, new BigDecimal(price), true);
  }

  /**
   * Moves the {@code outlets.id} identity sequence to the largest id, so that an outlet created without an id after
   * {@code OUTLET} (written with id 1) does not collide with it.
   */
  static final class OutletIdSequenceNode implements Node {
    static final String TYPE = "DemoOutletIdSequenceNode";

    @Override
    public String type() {
      return TYPE;
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of();
    }

    @Override
    public Set<String> outputs() {
      return Set.of("synced");
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
      return context.transaction(connection -> {
        try (PreparedStatement ps = connection.prepareStatement("select setval(pg_get_serial_sequence('outlets',"
            + " 'id'), greatest((select max(id) from outlets), 1))")) {
          ps.execute();
        }
        return Map.of("synced", true);
      });
    }
  }
}
