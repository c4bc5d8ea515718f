package dev.dataflow.benchmarks;

import dev.dataflow.models.UserInteractionSummaryUpdateNode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
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
 * 5. {@code $inc} update by id: {@code {"total_messages": {"$inc": 1}}} on one UserInteractionSummary through
 * UserInteractionSummaryUpdateNode vs UPDATE ... SET total_messages = total_messages + ? ... RETURNING.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IncrementBenchmark {
  /** The statement DataFlow renders, by hand: {@code updated_at} moves with every update. */
  static final String UPDATE = "update user_interaction_summaries set total_messages = total_messages + ?,"
      + " updated_at = now() where id = ? returning " + JdbcRows.SUMMARY_COLUMNS;

  BenchmarkDatabase db;
  long id;
  Workflow workflow;

  @Setup(Level.Trial)
  public void start() throws SQLException {
    db = new BenchmarkDatabase();
    db.truncateAll();
    try (Connection c = db.dataSource.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("insert into user_interaction_summaries (user_id) values ('bench-user')"
            + " returning id")) {
      rs.next();
      id = rs.getLong(1);
    }
    workflow = new WorkflowBuilder()
        .addNode("inc", UserInteractionSummaryUpdateNode.params().id(id)
            .fields(Map.of("total_messages", Map.of("$inc", 1))))
        .build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  @Benchmark
  public Map<String, Object> dataflow() {
    return db.runtime.execute(workflow).get("inc");
  }

  @Benchmark
  public Map<String, Object> jdbc() throws SQLException {
    try (Connection c = db.dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(UPDATE)) {
      ps.setInt(1, 1);
      ps.setLong(2, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? JdbcRows.summary(rs) : null;
      }
    }
  }
}
