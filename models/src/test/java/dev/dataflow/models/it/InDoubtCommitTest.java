package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.models.testing.Captured;
import dev.dataflow.models.testing.CuttingProxy;
import dev.dataflow.models.testing.CuttingProxy.Cut;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.sql.DatabaseException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A connection that breaks while a write commits is reported as what the database says happened, checked against
 * the table: committed (the run succeeds), aborted (nothing written), or, when the database cannot be asked,
 * {@code outcomeUnknown()} with a check that tells. The connection is broken two ways: a proxy that drops the
 * server's answer to COMMIT after the server committed, and {@code pg_terminate_backend} while COMMIT is still running
 * (a deferred trigger sleeps in it).
 */
class InDoubtCommitTest {
  private static final Pattern STATUS_CHECK = Pattern.compile("SELECT pg_xact_status\\('(\\d+)'::xid8\\)");

  private CuttingProxy proxy;
  private DataFlow db;
  private LocalRuntime runtime;
  /** The database straight, not through the proxy: what is really in the table. */
  private PGSimpleDataSource direct;

  /** The two kinds of transaction the engine commits. */
  enum Committer {
    /** A WORKFLOW run of two Creates: the run's transaction. */
    WORKFLOW_RUN,
    /** A PER_NODE BulkCreate of two records: the node's transaction ({@code NodeContext.transaction}). */
    NODE_TRANSACTION;

    Workflow workflow() {
      return this == WORKFLOW_RUN
          ? new WorkflowBuilder()
              .addNode("TeamCreateNode", "first", Map.of("name", "first"))
              .addNode("TeamCreateNode", "second", Map.of("name", "second"))
              .build()
          : new WorkflowBuilder()
              .addNode("TeamBulkCreateNode", "both", Map.of("records", List.of(
                  Map.of("name", "first"), Map.of("name", "second"))))
              .build();
    }

    ExecutionOptions options() {
      return ExecutionOptions.builder()
          .transactionMode(this == WORKFLOW_RUN ? TransactionMode.WORKFLOW : TransactionMode.PER_NODE).build();
    }
  }

  @BeforeEach
  void throughAProxy() {
    String url = TestPostgres.newDatabase();
    proxy = CuttingProxy.to(url);
    // A short borrow timeout: when the proxy makes the database unreachable, the engine gives up asking quickly.
    db = DataFlow.builder().databaseUrl(proxy.jdbcUrl()).maximumPoolSize(4).connectionTimeout(Duration.ofSeconds(1))
        .createMissingTables(true).build();
    runtime = new LocalRuntime(db);
    direct = new PGSimpleDataSource();
    direct.setUrl(url);
  }

  @AfterEach
  void close() {
    db.close();
    proxy.close();
  }

  @ParameterizedTest
  @EnumSource(Committer.class)
  void aCommitWhoseAnswerIsLostAfterTheServerCommittedSucceeds(Committer committer) {
    CompletableFuture<Void> cut = proxy.cutAt(CuttingProxy.COMMIT_COMPLETE, Cut.THAT_CONNECTION);
    WorkflowResult[] result = new WorkflowResult[1];
    String log = Captured.err(() -> result[0] = runtime.execute(committer.workflow(), committer.options()));
    assertTrue(cut.isDone(), "the proxy dropped the server's answer to COMMIT");
    assertEquals(List.of("first", "second"), teamNames(), "the transaction committed");
    assertTrue(log.contains("WARN") && log.contains("lost during the COMMIT")
        && log.contains("reports transaction") && log.contains("committed, so its writes stand"), log);
    assertTrue(log.contains("run " + result[0].runId()), log);
  }

  @ParameterizedTest
  @EnumSource(Committer.class)
  void aCommitKilledBeforeTheServerCommittedReportsNothingWritten(Committer committer) throws Exception {
    execute("CREATE FUNCTION sleep_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN PERFORM pg_sleep(60); RETURN NULL; END $$");
    execute("CREATE CONSTRAINT TRIGGER teams_sleep_at_commit AFTER INSERT ON teams"
        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION sleep_at_commit()");
    CompletableFuture<Boolean> killer = terminateWhenRunning("query = 'COMMIT'");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(committer.workflow(), committer.options()));
    assertTrue(killer.get(35, TimeUnit.SECONDS), "the backend was terminated during COMMIT");
    assertFalse(e.outcomeUnknown(), e.getMessage());
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.connectionLost(), "SQLSTATE " + cause.sqlState());
    assertFalse(cause.outcomeUnknown());
    assertTrue(e.getMessage().contains("lost during the COMMIT") && e.getMessage().contains("aborted")
        && e.getMessage().contains("rolled back and nothing of it was written"), e.getMessage());
    if (committer == Committer.WORKFLOW_RUN) {
      assertTrue(e.getMessage().contains("nothing of this run was written"), e.getMessage());
    }
    assertTrue(e.completedOutputs().isEmpty(), "nothing of the run committed");
    assertEquals(List.of(), teamNames(), "the transaction was rolled back");
  }

  @ParameterizedTest
  @EnumSource(Committer.class)
  void aCommitWhoseDatabaseCannotBeAskedIsOutcomeUnknownWithACheckThatTells(Committer committer) throws Exception {
    CompletableFuture<Void> cut = proxy.cutAt(CuttingProxy.COMMIT_COMPLETE, Cut.EVERYTHING);
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(committer.workflow(), committer.options()));
    assertTrue(cut.isDone());
    assertTrue(e.outcomeUnknown(), e.getMessage());
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.outcomeUnknown() && cause.connectionLost(), cause.getMessage());
    assertTrue(e.getMessage().contains("does not know whether node") && e.getMessage().contains("could not be reached")
        && e.getMessage().contains("it may have, or not"), e.getMessage());
    assertTrue(e.completedOutputs().isEmpty(), "no node is known to have committed");
    // The message's check, run on the database, gives the truth: here the server had committed.
    Matcher check = STATUS_CHECK.matcher(e.getMessage());
    assertTrue(check.find(), e.getMessage());
    assertEquals("committed", query(check.group()));
    assertEquals(List.of("first", "second"), teamNames());
  }

  @ParameterizedTest
  @EnumSource(Committer.class)
  void aCommitTheServerRefusesReportsNothingWritten(Committer committer) {
    execute("CREATE FUNCTION refuse_at_commit() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = 'check_violation'; END $$");
    execute("CREATE CONSTRAINT TRIGGER teams_refuse_at_commit AFTER INSERT ON teams"
        + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_at_commit()");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(committer.workflow(), committer.options()));
    assertFalse(e.outcomeUnknown());
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertEquals("23514", cause.sqlState());
    assertFalse(cause.connectionLost());
    assertTrue(e.getMessage().contains("PostgreSQL rolled the transaction back, so nothing of it was written"),
        e.getMessage());
    assertEquals(List.of(), teamNames());
  }

  @Test
  void aDatabaseThatCannotBeReachedIsALostConnectionNotAnExhaustedPool() {
    proxy.close();
    // Without idle connections (now dead) to hand out, the pool tries to connect until its timeout.
    ((HikariDataSource) db.dataSource()).getHikariPoolMXBean().softEvictConnections();
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder().addNode("TeamReadNode", "team", Map.of("id", 1)).build()));
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.connectionLost(), cause.getMessage());
    assertTrue(cause.getMessage().contains("getting a database connection failed: the database could not be reached"),
        cause.getMessage());
    assertFalse(cause.poolExhausted(), "a bigger pool would not help");
    assertFalse(e.outcomeUnknown(), "a read writes nothing");
  }

  @Test
  void aCreateWhoseAnswerIsLostIsOutcomeUnknownAndItsRowIsThere() {
    CompletableFuture<Void> cut = proxy.cutAt(CuttingProxy.INSERT_ONE_COMPLETE, Cut.THAT_CONNECTION);
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder().addNode("TeamCreateNode", "team", Map.of("name", "first")).build()));
    assertTrue(cut.isDone());
    assertInDoubtCreate(e);
    assertEquals(List.of("first"), teamNames(), "PostgreSQL had committed the insert");
  }

  @Test
  void aCreateKilledWhileItRunsIsOutcomeUnknownAndItsRowIsNotThere() throws Exception {
    execute("CREATE FUNCTION sleep_before_insert() RETURNS trigger LANGUAGE plpgsql AS"
        + " $$ BEGIN PERFORM pg_sleep(60); RETURN NEW; END $$");
    execute("CREATE TRIGGER teams_sleep_before_insert BEFORE INSERT ON teams"
        + " FOR EACH ROW EXECUTE FUNCTION sleep_before_insert()");
    CompletableFuture<Boolean> killer = terminateWhenRunning("query LIKE 'insert into \"teams\"%'");
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder().addNode("TeamCreateNode", "team", Map.of("name", "first")).build()));
    assertTrue(killer.get(35, TimeUnit.SECONDS), "the backend was terminated during the insert");
    // The same report as above: from the client's side the two cannot be told apart, and the message says so.
    assertInDoubtCreate(e);
    assertEquals(List.of(), teamNames(), "this time PostgreSQL had not committed it");
  }

  private static void assertInDoubtCreate(WorkflowExecutionException e) {
    assertTrue(e.outcomeUnknown(), e.getMessage());
    assertEquals("team", e.nodeId());
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.outcomeUnknown() && cause.connectionLost(), cause.getMessage());
    assertTrue(e.getMessage().contains("does not know whether node 'team' (TeamCreateNode) wrote")
        && e.getMessage().contains("insert into teams") && e.getMessage().contains("it is unknown whether it was"
        + " written") && e.getMessage().contains("Look its rows up by a unique value or key before retrying"), e.getMessage());
    assertFalse(e.getMessage().contains("failed at node"), e.getMessage());
  }

  @Test
  void aReadThatLosesItsConnectionIsAPlainFailure() {
    execute("INSERT INTO teams (name) VALUES ('first')");
    CompletableFuture<Void> cut = proxy.cutAt(CuttingProxy.SELECT_ONE_COMPLETE, Cut.THAT_CONNECTION);
    WorkflowExecutionException e = assertThrows(WorkflowExecutionException.class, () -> runtime.execute(
        new WorkflowBuilder().addNode("TeamReadNode", "team", Map.of("id", 1)).build()));
    assertTrue(cut.isDone());
    assertFalse(e.outcomeUnknown(), "a read writes nothing, so nothing is in doubt");
    DatabaseException cause = assertInstanceOf(DatabaseException.class, e.getCause());
    assertTrue(cause.connectionLost());
    assertFalse(cause.outcomeUnknown());
    assertTrue(e.getMessage().contains("failed at node 'team'"), e.getMessage());
  }

  /**
   * Terminates, from a direct connection, the backend of this database that runs a statement matching
   * {@code condition} while it sleeps; completes with whether it did.
   */
  private CompletableFuture<Boolean> terminateWhenRunning(String condition) {
    AtomicBoolean terminated = new AtomicBoolean();
    return CompletableFuture.supplyAsync((Supplier<Boolean>) () -> {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
        while (!terminated.get() && System.nanoTime() < deadline) {
          try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
              + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event = 'PgSleep'"
              + " AND " + condition)) {
            while (rs.next()) {
              terminated.set(terminated.get() || rs.getBoolean(1));
            }
          }
          Thread.sleep(10);
        }
      } catch (SQLException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
      return terminated.get();
    });
  }

  private List<String> teamNames() {
    List<String> names = new ArrayList<>();
    try (Connection c = direct.getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT name FROM teams ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private String query(String sql) throws SQLException {
    try (Connection c = direct.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void execute(String sql) {
    try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
