package dev.dataflow.benchmarks;

import dev.dataflow.models.ProductBulkCreateNode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * BulkCreate with {@code on_conflict} "update" side by side with its floor, in one run on one table: {@code rows}
 * products, half of them existing (the table holds {@code rows / 2} products before each turn, reseeded untimed) and
 * half new; DataFlow's ProductBulkCreateNode ({@code conflict_columns ["sku"]}, {@code batch_size} 5000, ids
 * returned) against a hand-written floor on one connection: one {@code COPY} into a temporary table and one
 * {@code INSERT ... SELECT ... ON CONFLICT (sku) DO UPDATE ... RETURNING id, (xmax = 0)}. Rounds alternate which
 * goes first; DataFlow's workflow is built untimed, as in BulkLoadComparison (the build checks every literal record,
 * about a second per 100,000 here). Prints rows per second (median) and the ratio.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkUpsertComparison [rows] [rounds]
 * </pre>
 *
 * <p>It empties {@code products} (and, through {@code cascade}, {@code order_items}): a scratch database only.
 */
public final class BulkUpsertComparison {
  private static final int BATCH_SIZE = 5000;

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      List<Double> dataflow = new ArrayList<>();
      List<Double> floor = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) { // round 0 warms up
        for (int k = 0; k < 2; k++) {
          boolean dataflowTurn = (k + round) % 2 == 0;
          seed(db, rows / 2);
          List<Map<String, Object>> records = records(rows, round, dataflowTurn);
          // built untimed, as BulkLoadComparison does: the build checks every literal record once
          Workflow workflow = dataflowTurn ? workflow(records) : null;
          long started = System.nanoTime();
          int[] counts = dataflowTurn ? viaDataFlow(db, workflow) : viaFloor(db, records);
          double rate = rows / ((System.nanoTime() - started) / 1e9);
          if (counts[0] != rows - rows / 2 || counts[1] != rows / 2) {
            throw new IllegalStateException((dataflowTurn ? "DataFlow" : "floor") + " inserted " + counts[0]
                + " and updated " + counts[1]);
          }
          if (round > 0) {
            (dataflowTurn ? dataflow : floor).add(rate);
          }
        }
        System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
      }
      double d = Medians.of(dataflow);
      double f = Medians.of(floor);
      System.out.printf(Locale.ROOT, "%,d rows (half new, half existing), median of %d rounds%n", rows, rounds);
      System.out.println("| path | rows/s | ratio to floor |");
      System.out.println("|---|---:|---:|");
      System.out.printf(Locale.ROOT, "| COPY into a temporary table + one INSERT ... SELECT ... ON CONFLICT DO UPDATE,"
          + " one connection (floor) | %,.0f | 1.00 |%n", f);
      System.out.printf(Locale.ROOT, "| DataFlow BulkCreate, on_conflict update | %,.0f | %.2f |%n", d, d / f);
    }
  }

  /** Empties products and stores {@code existing} of them (skus p0, p1, ...), untimed. */
  private static void seed(BenchmarkDatabase db, int existing) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("truncate table products restart identity cascade");
      s.execute("insert into products (sku, name, price) select 'p' || g, 'product ' || g, 1.00"
          + " from generate_series(0, " + (existing - 1) + ") g");
      s.execute("analyze products");
    }
  }

  /** Every other record an existing sku, the others new ones, all with a new name and price. */
  private static List<Map<String, Object>> records(int rows, int round, boolean dataflowTurn) {
    List<Map<String, Object>> records = new ArrayList<>(rows);
    int existing = 0;
    int fresh = rows / 2;
    for (int i = 0; i < rows; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("sku", "p" + (i % 2 == 0 && existing < rows / 2 ? existing++ : fresh++));
      r.put("name", "name " + i + " round " + round + (dataflowTurn ? "d" : "f"));
      r.put("price", BigDecimal.valueOf(i % 10_000, 2));
      records.add(r);
    }
    return records;
  }

  private static Workflow workflow(List<Map<String, Object>> records) {
    return new WorkflowBuilder().addNode(ProductBulkCreateNode.class, "upsert", Map.of("records", records,
        "on_conflict", "update", "conflict_columns", List.of("sku"), "batch_size", BATCH_SIZE)).build();
  }

  private static int[] viaDataFlow(BenchmarkDatabase db, Workflow workflow) {
    Map<String, Object> out = db.runtime.execute(workflow).get("upsert");
    return new int[] {(Integer) out.get("inserted"), (Integer) out.get("updated")};
  }

  /** The floor: one COPY of every record into a temporary table and one merge, in one transaction. */
  private static int[] viaFloor(BenchmarkDatabase db, List<Map<String, Object>> records) throws SQLException {
    int[] counts = new int[2];
    try (Connection c = db.dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("create temp table upsert_floor (sku varchar(32), name varchar(200), price numeric(12,2))"
            + " on commit drop");
      }
      CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy upsert_floor (sku, name, price) from stdin");
      StringBuilder text = new StringBuilder(1 << 17);
      for (Map<String, Object> r : records) {
        // skus, names and prices here hold no tab, newline or backslash: no escaping needed
        text.append(r.get("sku")).append('\t').append(r.get("name")).append('\t')
            .append(((BigDecimal) r.get("price")).toPlainString()).append('\n');
        if (text.length() >= 1 << 16) {
          byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
          in.writeToCopy(bytes, 0, bytes.length);
          text.setLength(0);
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      in.writeToCopy(bytes, 0, bytes.length);
      in.endCopy();
      try (PreparedStatement ps = c.prepareStatement("insert into products (sku, name, price, created_at,"
          + " updated_at) select sku, name, price, now(), now() from upsert_floor on conflict (sku) do update set"
          + " name = excluded.name, price = excluded.price, updated_at = now() returning id, (xmax = 0)");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rs.getLong(1);
          counts[rs.getBoolean(2) ? 0 : 1]++;
        }
      }
      c.commit();
    }
    return counts;
  }
}
