package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessageReadNode;
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

/**
 * 2. Read by id: a one-node ConversationMessageReadNode workflow vs SELECT ... WHERE id = ?. Two more DataFlow
 * variants show what the ways of giving a per-call id cost: a per-run override, and building the workflow per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBenchmark {
  static final String SELECT = "select " + JdbcRows.MESSAGE_COLUMNS + " from conversation_messages where id = ?";

  BenchmarkDatabase db;
  long id;
  Workflow workflow;
  Map<String, Map<String, Object>> override;

  @Setup(Level.Trial)
  public void start() {
    db = new BenchmarkDatabase();
    db.truncateAll();
    UUID sessionId = db.insertSession("bench-user");
    id = db.insertMessages(sessionId, 1000) + 500;
    db.analyze();
    workflow = new WorkflowBuilder().addNode("read", ConversationMessageReadNode.params().id(id)).build();
    override = Map.of("read", Map.of("id", id));
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  /** The workflow built once, with the id in it. */
  @Benchmark
  public Map<String, Object> dataflow() {
    return db.runtime.execute(workflow).get("read");
  }

  /** The workflow built once; the id given per run as an override (checked like a workflow parameter). */
  @Benchmark
  public Map<String, Object> dataflowOverride() {
    return db.runtime.execute(workflow, override).get("read");
  }

  /** A new workflow per call, built (and validated) with the id, then run. */
  @Benchmark
  public Map<String, Object> dataflowBuildEach() {
    Workflow w = new WorkflowBuilder().addNode("read", ConversationMessageReadNode.params().id(id)).build();
    return db.runtime.execute(w).get("read");
  }

  @Benchmark
  public Map<String, Object> jdbc() throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(SELECT)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? JdbcRows.message(rs) : null;
      }
    }
  }
}
