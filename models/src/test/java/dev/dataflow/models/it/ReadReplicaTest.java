package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.embedded.StreamingCluster;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.testing.StandardErr;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Read replicas on real streaming replication: a primary and replicas started from the embedded PostgreSQL binaries
 * on loopback ({@link StreamingCluster}). Which server ran a node is what the server itself says
 * ({@code inet_server_port()}, {@code pg_is_in_recovery()}), through a user node that reads or, declared as
 * writing, that the engine must keep on the primary.
 */
class ReadReplicaTest {

  /** Says which server it ran on; read-only or not as constructed. */
  static final class WhereNode implements Node {
    private final boolean readOnly;

    WhereNode(boolean readOnly) {
      this.readOnly = readOnly;
    }

    @Override
    public String type() {
      return readOnly ? "WhereReadNode" : "WhereWriteNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of();
    }

    @Override
    public boolean readOnly() {
      return readOnly;
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
      return context.autoCommit(connection -> {
        try (Statement s = connection.createStatement();
            ResultSet rs = s.executeQuery("select inet_server_port(), pg_is_in_recovery()")) {
          rs.next();
          return Map.of("port", rs.getInt(1), "replica", rs.getBoolean(2));
        }
      });
    }
  }

  private static final NodeRegistry REGISTRY = TestNodes.registry(new WhereNode(true), new WhereNode(false));

  private static DataFlow.Builder dataFlow(StreamingCluster cluster, int replicas) {
    DataFlow.Builder builder = DataFlow.builder().databaseUrl(cluster.primaryUrl()).registry(REGISTRY)
        .createMissingTables(true).maximumPoolSize(4).connectionTimeout(Duration.ofSeconds(1));
    for (int i = 0; i < replicas; i++) {
      builder.readReplicaUrl(cluster.replicaUrl(i));
    }
    return builder;
  }

  private static int where(LocalRuntime runtime, String type, ExecutionOptions options) {
    WorkflowResult result = runtime.execute(new WorkflowBuilder(REGISTRY).addNode(type, "where", Map.of()).build(),
        options);
    return (Integer) result.get("where").get("port");
  }

  private static int whereRead(LocalRuntime runtime) {
    return where(runtime, "WhereReadNode", ExecutionOptions.defaults());
  }

  private static long createTeam(LocalRuntime runtime, String name) {
    WorkflowResult r = runtime.execute(new WorkflowBuilder(REGISTRY)
        .addNode("TeamCreateNode", "team", Map.of("name", name)).build());
    return ((Number) r.get("team").get("id")).longValue();
  }

  private static Map<String, Object> readTeam(LocalRuntime runtime, long id) {
    return runtime.execute(new WorkflowBuilder(REGISTRY)
        .addNode("TeamReadNode", "read", Map.of("id", id, "raise_on_not_found", false)).build()).get("read");
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not within 20 s: " + what);
      }
      Thread.sleep(50);
    }
  }

  /** One primary with two replicas, shared by tests that stop nothing. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class WithTwoReplicas {
    StreamingCluster cluster;
    DataFlow db;
    LocalRuntime runtime;

    @BeforeAll
    void start(@TempDir Path root) {
      cluster = StreamingCluster.start(root, 2);
      db = dataFlow(cluster, 2).build();
      runtime = new LocalRuntime(db);
      cluster.awaitReplay(0); // the tables DataFlow created
      cluster.awaitReplay(1);
    }

    @AfterAll
    void stop() {
      db.close();
      cluster.close();
    }

    @Test
    void readOnlyNodesRunOnTheReplicasInTurnAndOthersOnThePrimary() {
      Set<Integer> seen = new HashSet<>();
      int previous = -1;
      for (int i = 0; i < 6; i++) {
        int port = whereRead(runtime);
        assertTrue(port == cluster.replicaPort(0) || port == cluster.replicaPort(1), "a read ran on port " + port);
        assertTrue(port != previous, "two reads in a row on the same replica: round-robin expected");
        seen.add(port);
        previous = port;
      }
      assertEquals(Set.of(cluster.replicaPort(0), cluster.replicaPort(1)), seen);
      assertEquals(cluster.primaryPort(), where(runtime, "WhereWriteNode", ExecutionOptions.defaults()));
    }

    @Test
    void aRowWrittenThroughThePrimaryIsReadThroughAReplicaOnceReplayed() throws Exception {
      long id = createTeam(runtime, "replayed");
      cluster.awaitReplay(0);
      cluster.awaitReplay(1);
      // Both replicas hold it now; every read, wherever it runs, finds it.
      for (int i = 0; i < 4; i++) {
        assertEquals("replayed", readTeam(runtime, id).get("name"));
      }
      assertTrue(whereRead(runtime) != cluster.primaryPort());
    }

    @Test
    void aRunReadsItsOwnWritesFromThePrimary() {
      for (int i = 0; i < 5; i++) {
        WorkflowResult r = runtime.execute(new WorkflowBuilder(REGISTRY)
            .addNode("TeamCreateNode", "team", Map.of("name", "own-" + i))
            .addNode("TeamReadNode", "read", Map.of())
            .addConnection("team", "id", "read", "id")
            .addNode("WhereReadNode", "where", Map.of())
            .addDependency("read", "where")
            .build());
        assertEquals("own-" + i, r.get("read").get("name"), "the read after the create found its row");
        assertEquals(cluster.primaryPort(), r.get("where").get("port"), "a read after a write runs on the primary");
        assertEquals(false, r.get("where").get("replica"));
      }
    }

    @Test
    void readFromPrimaryAndWorkflowRunsUseThePrimary() {
      assertEquals(cluster.primaryPort(),
          where(runtime, "WhereReadNode", ExecutionOptions.builder().readFromPrimary(true).build()));
      assertEquals(cluster.primaryPort(), where(runtime, "WhereReadNode",
          ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW).build()));
    }
  }

  @Test
  void aLaggingReplicaIsSkippedWithOneWarningAndUsedAgainWhenItCatchesUp(@TempDir Path root) throws Exception {
    try (StreamingCluster cluster = StreamingCluster.start(root, 1);
        DataFlow db = dataFlow(cluster, 1).maxReplicaLag(Duration.ofMillis(300)).build();
        StandardErr err = new StandardErr()) {
      LocalRuntime runtime = new LocalRuntime(db);
      createTeam(runtime, "before-pause");
      cluster.awaitReplay(0);
      // The tables DataFlow created reached the replica in a burst; the monitor, checking once a second, uses it.
      await("the replica is used", () -> whereRead(runtime) == cluster.replicaPort(0));

      cluster.onReplica(0, "select pg_wal_replay_pause()");
      Thread.sleep(400);
      long id = createTeam(runtime, "while-paused"); // received by the replica, not replayed
      await("the paused replica is skipped", () -> whereRead(runtime) == cluster.primaryPort());
      assertEquals("while-paused", readTeam(runtime, id).get("name"), "the read went to the primary");
      whereRead(runtime);
      whereRead(runtime);
      String log = err.text();
      assertEquals(1, count(log, "Read replica 127.0.0.1:" + cluster.replicaPort(0) + "/postgres is skipped"), log);
      assertTrue(log.contains("behind the primary, more than maxReplicaLag 300 ms"), log);

      cluster.onReplica(0, "select pg_wal_replay_resume()");
      await("the replica is used again", () -> whereRead(runtime) == cluster.replicaPort(0));
      assertTrue(err.text().contains("Read replica 127.0.0.1:" + cluster.replicaPort(0) + "/postgres is used again"));
    }
  }

  @Test
  void aStoppedReplicaIsSkippedAndReadsGoToThePrimary(@TempDir Path root) throws Exception {
    try (StreamingCluster cluster = StreamingCluster.start(root, 1);
        DataFlow db = dataFlow(cluster, 1).build();
        StandardErr err = new StandardErr()) {
      LocalRuntime runtime = new LocalRuntime(db);
      long id = createTeam(runtime, "kept");
      cluster.awaitReplay(0);
      assertEquals(cluster.replicaPort(0), whereRead(runtime));

      cluster.stopReplica(0);
      // The first read after the stop may be the one that finds out; it is done again on the primary.
      for (int i = 0; i < 5; i++) {
        assertEquals(cluster.primaryPort(), whereRead(runtime));
        assertEquals("kept", readTeam(runtime, id).get("name"));
      }
      assertEquals(1, count(err.text(), "Read replica 127.0.0.1:" + cluster.replicaPort(0) + "/postgres is skipped"),
          err.text());
    }
  }

  @Test
  void withThePrimaryDownReadsKeepWorkingAndWritesFailNamingThePrimary(@TempDir Path root) throws Exception {
    try (StreamingCluster cluster = StreamingCluster.start(root, 1);
        DataFlow db = dataFlow(cluster, 1).build()) {
      LocalRuntime runtime = new LocalRuntime(db);
      long id = createTeam(runtime, "survivor");
      cluster.awaitReplay(0);

      cluster.stopPrimary();
      assertEquals("survivor", readTeam(runtime, id).get("name"));
      assertEquals(cluster.replicaPort(0), whereRead(runtime));
      WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
          () -> createTeam(runtime, "lost"));
      assertTrue(e.getMessage().contains("the primary database 127.0.0.1:" + cluster.primaryPort() + "/postgres"),
          e.getMessage());
      assertFalse(e.getMessage().contains("password"), e.getMessage());
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
