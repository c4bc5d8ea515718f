package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageBulkCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * 4. Bulk create of 1,000 messages in one transaction: ConversationMessageBulkCreateNode vs one multi-row
 * INSERT ... RETURNING id (what a competent developer writes for 1,000 rows; faster than executeBatch without
 * reWriteBatchedInserts).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BulkCreateBenchmark {
  static final int ROWS = 1000;

  BenchmarkDatabase db;
  UUID sessionId;
  List<Map<String, Object>> records;
  Workflow workflow;
  String insert;

  @Setup(Level.Trial)
  public void start() {
    db = new BenchmarkDatabase();
    db.truncateAll();
    sessionId = db.insertSession("bench-user");
    records = new ArrayList<>(ROWS);
    for (int i = 0; i < ROWS; i++) {
      Map<String, Object> r = new LinkedHashMap<>();
      r.put("session_id", sessionId);
      r.put("role", i % 2 == 0 ? MessageRole.user : MessageRole.assistant);
      r.put("content", "message " + i);
      r.put("intent", "order_placement");
      r.put("confidence", 0.5);
      records.add(r);
    }
    workflow = new WorkflowBuilder()
        .addNode(ConversationMessageBulkCreateNode.class, "bulk", Map.of("records", records))
        .build();
    StringBuilder sql = new StringBuilder(
        "insert into conversation_messages (session_id, role, content, intent, confidence) values ");
    for (int i = 0; i < ROWS; i++) {
      sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?)");
    }
    insert = sql.append(" returning id").toString();
  }

  /** Every iteration starts on an empty table, so the table and its indexes do not grow without bound. */
  @Setup(Level.Iteration)
  public void emptyTable() {
    db.truncateMessages();
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  @Benchmark
  public Map<String, Object> dataflow() {
    return db.runtime.execute(workflow).get("bulk");
  }

  @Benchmark
  public List<Long> jdbc() throws SQLException {
    try (Connection c = db.dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps = c.prepareStatement(insert)) {
        int p = 1;
        for (Map<String, Object> r : records) {
          ps.setObject(p++, r.get("session_id"));
          ps.setString(p++, ((MessageRole) r.get("role")).name());
          ps.setString(p++, (String) r.get("content"));
          ps.setString(p++, (String) r.get("intent"));
          ps.setDouble(p++, (Double) r.get("confidence"));
        }
        List<Long> ids = new ArrayList<>(ROWS);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            ids.add(rs.getLong(1));
          }
        }
        c.commit();
        return ids;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }
}
