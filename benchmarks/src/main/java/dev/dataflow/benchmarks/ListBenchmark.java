package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageListNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * 3. List with a filter, an order and a limit: the 20 newest user messages of one session (of 4 sessions with 500
 * messages each), through ConversationMessageListNode vs the same SELECT by hand.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ListBenchmark {
  /** The statement DataFlow renders, written by hand: the key is the last sort key, so pages are stable. */
  static final String SELECT = "select " + JdbcRows.MESSAGE_COLUMNS + " from conversation_messages"
      + " where session_id = ? and role = ? order by timestamp desc, id limit 20";

  BenchmarkDatabase db;
  UUID sessionId;
  Workflow workflow;

  @Setup(Level.Trial)
  public void start() {
    db = new BenchmarkDatabase();
    db.truncateAll();
    for (int i = 0; i < 4; i++) {
      UUID s = db.insertSession("bench-user-" + i);
      db.insertMessages(s, 500);
      if (i == 1) {
        sessionId = s;
      }
    }
    db.analyze();
    workflow = new WorkflowBuilder()
        .addNode(ConversationMessageListNode.class, "history", Map.of(
            "filters", Map.of("session_id", sessionId, "role", MessageRole.user.name()),
            "order_by", List.of("-timestamp"),
            "limit", 20))
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  @Benchmark
  public Map<String, Object> dataflow() {
    return db.runtime.execute(workflow).get("history");
  }

  @Benchmark
  public List<Map<String, Object>> jdbc() throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setObject(1, sessionId);
      ps.setString(2, MessageRole.user.name());
      try (ResultSet rs = ps.executeQuery()) {
        List<Map<String, Object>> rows = new ArrayList<>(20);
        while (rs.next()) {
          rows.add(JdbcRows.message(rs));
        }
        return rows;
      }
    }
  }
}
