package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageCreateNode;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/** 1. Single-row create: a one-node ConversationMessageCreateNode workflow vs INSERT ... RETURNING. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class CreateBenchmark {
  static final String CONTENT = "Hi, we need 400 pizza boxes delivered on Friday";
  static final String INSERT = "insert into conversation_messages (session_id, role, content, intent, confidence)"
      + " values (?, ?, ?, ?, ?) returning " + JdbcRows.MESSAGE_COLUMNS;

  BenchmarkDatabase db;
  UUID sessionId;
  Workflow workflow;

  @Setup(Level.Trial)
  public void start() {
    db = new BenchmarkDatabase();
    db.truncateAll();
    sessionId = db.insertSession("bench-user");
    workflow = new WorkflowBuilder()
        .addNode("create", ConversationMessageCreateNode.params().sessionId(sessionId).role(MessageRole.user)
            .content(CONTENT).intent("order_placement").confidence(0.93))
        .build();
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
    return db.runtime.execute(workflow).get("create");
  }

  @Benchmark
  public Map<String, Object> jdbc() throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setObject(1, sessionId);
      ps.setString(2, MessageRole.user.name());
      ps.setString(3, CONTENT);
      ps.setString(4, "order_placement");
      ps.setDouble(5, 0.93);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return JdbcRows.message(rs);
      }
    }
  }
}
