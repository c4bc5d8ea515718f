package dev.dataflow.models.testing;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** A test class on its own fresh database, with every model's tables, and a runtime on it. */
public abstract class DatabaseTest {
  protected static DataFlow db;
  protected static LocalRuntime runtime;

  @BeforeAll
  static void startDatabase() {
    db = TestDataFlow.fresh();
    runtime = new LocalRuntime(db);
  }

  @AfterAll
  static void stopDatabase() {
    db.close();
  }

  /** Runs a one-node workflow and returns the node's output. */
  protected static Map<String, Object> run(String type, Map<String, ?> params) {
    return runtime.execute(new WorkflowBuilder().addNode(type, "n", params).build()).get("n");
  }
}
