package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageBulkUpdateNode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * BulkUpdate by records side by side with the best raw statement, in one run on one table: {@code rows} messages,
 * each given a new {@code intent} and {@code confidence}; DataFlow's ConversationMessageBulkUpdateNode against one
 * hand-written {@code UPDATE ... FROM unnest(?::int8[], ?::text[], ?::float8[])} on one connection. Rounds alternate
 * which goes first; each round updates every row to new values. Prints rows per second (median) and the ratio.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.BulkUpdateComparison [rows] [rounds]
 * </pre>
 */
public final class BulkUpdateComparison {
  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("bulk-update");
      long first = db.insertMessages(session, rows);
      db.analyze();
      List<Double> dataflow = new ArrayList<>();
      List<Double> raw = new ArrayList<>();
      for (int round = 0; round <= rounds; round++) { // round 0 warms up
        String intent = "intent_" + round;
        double confidence = round / 10.0;
        for (int k = 0; k < 2; k++) {
          boolean dataflowTurn = (k + round) % 2 == 0;
          long started = System.nanoTime();
          if (dataflowTurn) {
            List<Map<String, Object>> records = new ArrayList<>(rows);
            for (int i = 0; i < rows; i++) {
              Map<String, Object> r = new LinkedHashMap<>();
              r.put("id", first + i);
              r.put("intent", intent + (dataflowTurn ? "d" : "r"));
              r.put("confidence", confidence);
              records.add(r);
            }
            Workflow w = new WorkflowBuilder().addNode(ConversationMessageBulkUpdateNode.class, "update",
                Map.of("records", records)).build();
            Object updated = db.runtime.execute(w).get("update").get("updated");
            if (!Integer.valueOf(rows).equals(updated)) {
              throw new IllegalStateException("updated " + updated);
            }
          } else {
            rawUpdate(db, first, rows, intent + "r", confidence);
          }
          double rate = rows / ((System.nanoTime() - started) / 1e9);
          if (round > 0) {
            (dataflowTurn ? dataflow : raw).add(rate);
          }
        }
        System.err.printf(Locale.ROOT, "round %d of %d done%n", round, rounds);
      }
      double d = Medians.of(dataflow);
      double r = Medians.of(raw);
      String raw1 = "UPDATE ... FROM unnest(arrays), one connection (raw)";
      String group = String.format(Locale.ROOT, "%,d rows", rows);
      new Report("bulk-update", String.format(Locale.ROOT, "%,d rows, median of %d rounds", rows, rounds),
          String.format(Locale.ROOT, "Bulk update of %,d rows: throughput ÷ the best raw statement", rows),
          "rows/s ÷ raw statement's (higher is faster)", "path", "rows/s", "ratio to raw")
          .row(group, raw1, 1.0, raw1, String.format(Locale.ROOT, "%,.0f", r))
          .row(group, "DataFlow BulkUpdate by records", d / r, "DataFlow BulkUpdate by records",
              String.format(Locale.ROOT, "%,.0f", d))
          .target(0.7, "target ≥ 0.7")
          .print();
    }
  }

  /** The best raw statement: the values as three arrays joined to the table by id, in one transaction. */
  private static void rawUpdate(BenchmarkDatabase db, long first, int rows, String intent, double confidence)
      throws Exception {
    Long[] ids = new Long[rows];
    String[] intents = new String[rows];
    Double[] confidences = new Double[rows];
    for (int i = 0; i < rows; i++) {
      ids[i] = first + i;
      intents[i] = intent;
      confidences[i] = confidence;
    }
    try (Connection c = db.dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement("update conversation_messages m set intent = v.intent,"
          + " confidence = v.confidence, updated_at = now() from unnest(?::int8[], ?::text[], ?::float8[])"
          + " as v(id, intent, confidence) where m.id = v.id")) {
        Array a = c.createArrayOf("int8", ids);
        Array b = c.createArrayOf("text", intents);
        Array d = c.createArrayOf("float8", confidences);
        ps.setArray(1, a);
        ps.setArray(2, b);
        ps.setArray(3, d);
        ps.executeUpdate();
      }
      c.commit();
    }
  }

}
