package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.ConversationMessageSchema;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.lifecycle.PartitionMaintenance;
import dev.dataflow.runtime.lifecycle.RetentionEvent;
import dev.dataflow.runtime.lifecycle.RetentionListener;
import dev.dataflow.runtime.lifecycle.RetentionSweeper;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Not a JMH benchmark: one timed run, printed, of what a partitioned {@code conversation_messages} buys at size.
 *
 * <ol>
 *   <li>BulkCreate (1,000 records a node run, through {@code LocalRuntime}) of {@code rows} messages spread evenly
 *       over the ten months before now into the partitioned table, whose monthly partitions are created first;
 *   <li>the same rows copied into a plain table {@code conversation_messages_plain} with the same columns and
 *       indexes;
 *   <li>the retention sweep (90 days) of the plain table: batched row deletes, 1,000 rows a batch, then the
 *       {@code VACUUM} that makes their space reusable (a dropped partition needs none);
 *   <li>the retention sweep of the partitioned table: whole months detached and dropped, then the batched deletes of
 *       the one partly expired month.
 * </ol>
 *
 * <pre>{@code
 * mvn -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.PartitionRetentionRun 5000000
 * }</pre>
 *
 * <p>Uses {@code DATABASE_URL} when set (and then drops and fills {@code conversation_messages}: a scratch database
 * only), else an embedded PostgreSQL.
 */
public final class PartitionRetentionRun {
  private static final int BATCH = 1000;
  private static final int MONTHS = 10;

  private PartitionRetentionRun() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0].replace("_", "").replace(",", "")) : 5_000_000;
    Instant now = Instant.now();
    try (BenchmarkDatabase db = new BenchmarkDatabase()) {
      db.truncateAll();
      UUID session = db.insertSession("u-partition-run");
      ModelDescriptor partitioned = ConversationMessageSchema.DESCRIPTOR;
      LocalDateTime first = LocalDateTime.ofInstant(now, ZoneOffset.UTC).minusMonths(MONTHS);
      try (Connection c = db.dataSource.getConnection()) {
        for (int back = MONTHS; back >= 0; back -= PartitionMaintenance.AHEAD + 1) {
          PartitionMaintenance.createAhead(c, partitioned, LocalDateTime.ofInstant(now, ZoneOffset.UTC)
              .minusMonths(back));
        }
      }
      Instant from = first.toInstant(ZoneOffset.UTC);
      long spanMicros = Duration.between(from, now).toNanos() / 1000;

      long started = System.nanoTime();
      List<Map<String, Object>> records = new ArrayList<>(BATCH);
      for (int i = 0; i < rows; i++) {
        Map<String, Object> record = new HashMap<>();
        record.put("session_id", session);
        record.put("role", i % 2 == 0 ? MessageRole.user : MessageRole.assistant);
        record.put("content", "message " + i);
        record.put("timestamp", from.plusNanos((long) ((double) spanMicros * i / rows) * 1000));
        records.add(record);
        if (records.size() == BATCH || i == rows - 1) {
          db.runtime.execute(new WorkflowBuilder()
              .addNode("bulk", ConversationMessageBulkCreateNode.params().records(List.copyOf(records))).build());
          records.clear();
        }
      }
      double bulkSeconds = seconds(started);
      execute(db, "analyze conversation_messages");
      System.out.printf(Locale.ROOT, "BulkCreate into the partitioned table: %,d rows in %.1f s (%,.0f rows/s),"
          + " %d partitions%n", rows, bulkSeconds, rows / bulkSeconds, count(db, "select count(*) from pg_inherits"
          + " where inhparent = 'conversation_messages'::regclass"));
      System.out.printf(Locale.ROOT, "  default partition: %,d rows; due (before %s): %,d rows%n",
          count(db, "select count(*) from conversation_messages_default"), now.minus(Duration.ofDays(90)),
          count(db, "select count(*) from conversation_messages where \"timestamp\" < now() - interval '90 days'"));

      started = System.nanoTime();
      execute(db, "create table conversation_messages_plain (like conversation_messages including defaults"
          + " including constraints including indexes)");
      execute(db, "insert into conversation_messages_plain select * from conversation_messages");
      execute(db, "analyze conversation_messages_plain");
      System.out.printf(Locale.ROOT, "Copied into the plain table (same columns and indexes) in %.1f s%n",
          seconds(started));

      ModelDescriptor plain = new ModelDescriptor(partitioned.modelName(), partitioned.modelClassName(),
          "conversation_messages_plain", partitioned.columns(), partitioned.primaryKey(),
          partitioned.referencedTables(), List.of(), partitioned.statements(), partitioned.retention(),
          partitioned.foreignKeys(), null);
      RetentionEvent rowDelete = sweep(db, plain, now);
      System.out.printf(Locale.ROOT, "Retention of the plain table (row deletes): %,d rows in %d batches, %.1f s,"
          + " longest batch %d ms%n", rowDelete.deleted(), rowDelete.batches(), rowDelete.duration().toMillis()
          / 1000.0, rowDelete.longestBatch().toMillis());
      started = System.nanoTime();
      execute(db, "vacuum conversation_messages_plain");
      System.out.printf(Locale.ROOT, "  then VACUUM of the plain table (the deleted rows' space): %.1f s%n",
          seconds(started));
      RetentionEvent drop = sweep(db, partitioned, now);
      System.out.printf(Locale.ROOT, "Retention of the partitioned table: %d partitions dropped (%,d rows) and"
          + " %,d rows deleted in %d batches, %.1f s, longest batch %d ms%n", drop.partitionsDropped(),
          drop.rowsInDroppedPartitions(), drop.deleted(), drop.batches(), drop.duration().toMillis() / 1000.0,
          drop.longestBatch().toMillis());
      System.out.printf(Locale.ROOT, "Left: plain %,d rows, partitioned %,d rows%n",
          count(db, "select count(*) from conversation_messages_plain"),
          count(db, "select count(*) from conversation_messages"));
      execute(db, "drop table conversation_messages_plain");
    }
  }

  private static RetentionEvent sweep(BenchmarkDatabase db, ModelDescriptor model, Instant now) {
    return new RetentionSweeper(db.dataSource, List.of(model), BATCH, RetentionListener.NONE).sweep(now)
        .event(model.table());
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void execute(BenchmarkDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static long count(BenchmarkDatabase db, String sql) throws SQLException {
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
