package dev.dataflow.benchmarks;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.util.List;
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
 * The engine's own cost, with no database work: a user node that returns its input, in a 1-node workflow and in a
 * chain of 10 connected nodes (each taking the previous one's output), prebuilt, run with the default options (the
 * logging listener on, at DEBUG so nothing prints) and with logging off. The target is at most 5 µs per node.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuntimeOverheadBenchmark {

  /** Returns its {@code value} parameter as {@code value}: no database, no allocation beyond the output map. */
  public static final class EchoNode implements Node {
    @Override
    public String type() {
      return "EchoNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("value", ParamType.ANY, true, "anything"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
      return Map.of("value", params.get("value"));
    }
  }

  DataFlow db;
  LocalRuntime runtime;
  LocalRuntime quiet;
  Workflow one;
  Workflow ten;

  @Setup(Level.Trial)
  public void start() {
    // The runtime needs a DataFlow (its pool is never used here): DATABASE_URL, else an embedded PostgreSQL.
    db = DataFlow.builder().addNode(new EchoNode()).build();
    runtime = new LocalRuntime(db);
    quiet = new LocalRuntime(db, ExecutionOptions.builder().logging(false).build());
    one = new WorkflowBuilder(db).addNode("EchoNode", "n0", Map.of("value", 1)).build();
    WorkflowBuilder chain = new WorkflowBuilder(db).addNode("EchoNode", "n0", Map.of("value", 1));
    for (int i = 1; i < 10; i++) {
      chain.addNode("EchoNode", "n" + i, Map.of()).addConnection("n" + (i - 1), "value", "n" + i, "value");
    }
    ten = chain.build();
  }

  @TearDown(Level.Trial)
  public void stop() {
    db.close();
  }

  @Benchmark
  public WorkflowResult oneNode() {
    return runtime.execute(one);
  }

  @Benchmark
  public WorkflowResult tenNodes() {
    return runtime.execute(ten);
  }

  @Benchmark
  public WorkflowResult oneNodeNoLogging() {
    return quiet.execute(one);
  }

  @Benchmark
  public WorkflowResult tenNodesNoLogging() {
    return quiet.execute(ten);
  }
}
