package dev.dataflow.benchmarks;

import dev.dataflow.models.ConversationMessage;
import dev.dataflow.models.ConversationSession;
import dev.dataflow.models.MessageRole;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.IsolationLevel;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.TransactionMode;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.lifecycle.RetentionReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the generated nodes through a real PgBouncer in transaction mode in front of an embedded PostgreSQL and checks
 * that nothing leaks between clients sharing server connections: more client connections than server ones, every
 * node kind, {@code WORKFLOW} runs with an isolation level and a statement timeout, parallel runs, exact {@code $inc}
 * counters under contention, the retention sweep, and no session state or advisory lock left on a server
 * connection afterwards. Not part of {@code mvn verify}; {@code benchmarks/pgbouncer/check.sh} installs PgBouncer
 * (Debian's {@code pgbouncer}) and runs it.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.PgBouncerCheck [/usr/sbin/pgbouncer]
 * </pre>
 */
public final class PgBouncerCheck {
  private static final int SERVER_CONNECTIONS = 2;
  private final List<String> failures = new ArrayList<>();
  private final boolean poolerSetting;

  PgBouncerCheck(boolean poolerSetting) {
    this.poolerSetting = poolerSetting;
  }

  public static void main(String[] args) throws Exception {
    List<String> arguments = new ArrayList<>(List.of(args));
    // --without-setting: DataFlow's defaults, to see what a transaction pooler breaks without transactionPooler(true)
    boolean setting = !arguments.remove("--without-setting");
    String binary = arguments.isEmpty() ? "/usr/sbin/pgbouncer" : arguments.get(0);
    System.exit(new PgBouncerCheck(setting).run(binary) ? 0 : 1);
  }

  boolean run(String binary) throws Exception {
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      Path dir = Files.createTempDirectory("dataflow-pgbouncer");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      int port = freePort();
      Path ini = dir.resolve("pgbouncer.ini");
      Files.writeString(dir.resolve("users.txt"), "\"postgres\" \"\"\n");
      Files.writeString(ini, String.join("\n",
          "[databases]",
          "app = host=127.0.0.1 port=" + postgres.getPort() + " dbname=postgres user=postgres",
          "[pgbouncer]",
          "listen_addr = 127.0.0.1",
          "listen_port = " + port,
          "auth_type = trust",
          "auth_file = " + dir.resolve("users.txt"),
          "pool_mode = transaction",
          "default_pool_size = " + SERVER_CONNECTIONS,
          "max_client_conn = 200",
          // pgjdbc sends extra_float_digits at start-up; PgBouncer passes on only the parameters it tracks
          "ignore_startup_parameters = extra_float_digits",
          "unix_socket_dir =",
          ""));
      for (Path p : List.of(ini, dir.resolve("users.txt"))) {
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
      }
      Path log = dir.resolve("pgbouncer.log");
      // PgBouncer refuses to run as root; -u drops to another user after reading its configuration.
      List<String> command = new ArrayList<>(List.of(binary));
      if ("root".equals(System.getProperty("user.name"))) {
        command.addAll(List.of("-u", "nobody"));
      }
      command.add(ini.toString());
      Process bouncer = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      try {
        awaitPort(port, bouncer, log);
        String url = "postgresql://postgres@127.0.0.1:" + port + "/app";
        System.out.println("PgBouncer " + port + " (transaction mode, " + SERVER_CONNECTIONS
            + " server connections) in front of PostgreSQL " + postgres.getPort() + "; DataFlow.builder()"
            + ".transactionPooler(" + poolerSetting + ")");
        checks(url, postgres);
      } finally {
        bouncer.destroy();
        bouncer.waitFor(10, TimeUnit.SECONDS);
      }
    }
    if (failures.isEmpty()) {
      System.out.println("PASS: every check passed through PgBouncer in transaction mode");
      return true;
    }
    System.out.println("FAIL: " + failures.size() + " check(s) failed");
    failures.forEach(f -> System.out.println("  - " + f));
    return false;
  }

  private void checks(String url, EmbeddedPostgres postgres) throws Exception {
    try (DataFlow db = DataFlow.builder().databaseUrl(url).transactionPooler(poolerSetting).maximumPoolSize(8)
        .build()) {
      LocalRuntime runtime = new LocalRuntime(db);
      check("every node kind", () -> everyNodeKind(runtime));
      check("WORKFLOW runs with SERIALIZABLE and a statement timeout leave no session state", () -> {
        ExecutionOptions options = ExecutionOptions.builder().transactionMode(TransactionMode.WORKFLOW)
            .isolation(IsolationLevel.SERIALIZABLE).statementTimeout(Duration.ofSeconds(7)).build();
        for (int i = 0; i < 20; i++) {
          runtime.execute(new WorkflowBuilder().addNode("ConversationSessionCountNode", "count", Map.of()).build(),
              options);
        }
        noSessionState(url);
      });
      check("8 threads x 100 increments of one counter, 2 server connections", () -> contention(runtime));
      check("parallel PER_NODE runs", () -> {
        WorkflowBuilder b = new WorkflowBuilder();
        for (int i = 0; i < 6; i++) {
          b.addNode("ConversationSessionCountNode", "count" + i, Map.of());
        }
        runtime.execute(b.build(), ExecutionOptions.builder().parallelism(6).build());
      });
      check("the retention sweep, and no advisory lock left behind", () -> {
        UUID session = createSession(runtime);
        for (int i = 0; i < 5; i++) {
          runtime.execute(new WorkflowBuilder().addNode("ConversationMessageCreateNode", "m",
              Map.of("session_id", session, "role", "user", "content", "old " + i,
                  "timestamp", Instant.now().minus(Duration.ofDays(100)))).build());
        }
        RetentionReport report = db.sweepExpired(Instant.now());
        expect(report.deleted("conversation_messages") >= 5,
            "retention deleted " + report.deleted("conversation_messages") + " messages, expected at least 5");
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("select count(*) from pg_locks where locktype = 'advisory'")) {
          rs.next();
          expect(rs.getInt(1) == 0, rs.getInt(1) + " advisory lock(s) still held on the server");
        }
      });
    }
  }

  private void everyNodeKind(LocalRuntime runtime) {
    UUID session = createSession(runtime);
    WorkflowResult r = runtime.execute(new WorkflowBuilder()
        .addNode("ConversationMessageCreateNode", "create", Map.of("session_id", session, "role", "user",
            "content", "Hi, we need 400 boxes"))
        .addNode("ConversationMessageReadNode", "read", Map.of())
        .addConnection("create", "id", "read", "id")
        .addNode("ConversationMessageUpdateNode", "update", Map.of("fields", Map.of("intent", "order_placement")))
        .addConnection("create", "id", "update", "id")
        .addNode("ConversationMessageListNode", "list", Map.of("filters", Map.of("session_id", session)))
        .addDependency("update", "list")
        .addNode("ConversationMessageCountNode", "count", Map.of("filters", Map.of("session_id", session),
            "group_by", List.of("role")))
        .addDependency("update", "count")
        .addNode("ConversationMessageExistsNode", "exists", Map.of())
        .addConnection("create", "id", "exists", "id")
        .addNode("ConversationMessageBulkCreateNode", "bulk", Map.of("records", List.of(
            Map.of("session_id", session, "role", "assistant", "content", "ok"),
            Map.of("session_id", session, "role", "user", "content", "thanks"))))
        .addNode("ConversationMessageDeleteNode", "delete", Map.of())
        .addConnection("create", "id", "delete", "id")
        .addDependency("exists", "delete")
        .addDependency("list", "delete")
        .addDependency("count", "delete")
        .addDependency("delete", "bulk")
        .build());
    expect("order_placement".equals(r.get("update").get("intent")), "update did not return the new intent");
    ConversationMessage read = r.get("read", ConversationMessage.class);
    expect(read.role() == MessageRole.user, "read returned " + read.role());
    expect(Long.valueOf(1).equals(r.get("count").get("count")), "count was " + r.get("count").get("count"));
  }

  private void contention(LocalRuntime runtime) throws Exception {
    WorkflowResult created = runtime.execute(new WorkflowBuilder().addNode("UserInteractionSummaryCreateNode", "s",
        Map.of("user_id", "contention-" + UUID.randomUUID())).build());
    long id = ((Number) created.get("s").get("id")).longValue();
    ExecutorService threads = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(threads.submit(() -> {
          for (int i = 0; i < 100; i++) {
            runtime.execute(new WorkflowBuilder().addNode("UserInteractionSummaryUpdateNode", "inc",
                Map.of("id", id, "fields", Map.of("total_messages", Map.of("$inc", 1)))).build());
          }
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(5, TimeUnit.MINUTES);
      }
    } finally {
      threads.shutdownNow();
    }
    Object total = runtime.execute(new WorkflowBuilder().addNode("UserInteractionSummaryReadNode", "r",
        Map.of("id", id)).build()).get("r").get("total_messages");
    expect(Integer.valueOf(800).equals(total), "total_messages is " + total + ", expected 800");
  }

  private static UUID createSession(LocalRuntime runtime) {
    UUID id = UUID.randomUUID();
    runtime.execute(new WorkflowBuilder().addNode("ConversationSessionCreateNode", "s",
        Map.of("session_id", id, "user_id", "pgbouncer-check")).build());
    return id;
  }

  /** Every server connection, reached through PgBouncer, has the server's defaults. */
  private void noSessionState(String url) throws SQLException {
    String jdbc = "jdbc:postgresql://" + url.substring(url.indexOf('@') + 1) + "?user=postgres&prepareThreshold=0";
    for (int i = 0; i < SERVER_CONNECTIONS * 4; i++) {
      try (Connection c = DriverManager.getConnection(jdbc); Statement s = c.createStatement()) {
        expect("read committed".equals(show(s, "transaction_isolation")),
            "a server connection kept transaction_isolation " + show(s, "transaction_isolation"));
        expect("0".equals(show(s, "statement_timeout")),
            "a server connection kept statement_timeout " + show(s, "statement_timeout"));
      }
    }
  }

  private static String show(Statement s, String setting) throws SQLException {
    try (ResultSet rs = s.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private interface Check {
    void run() throws Exception;
  }

  private void check(String name, Check check) {
    long started = System.nanoTime();
    int before = failures.size();
    try {
      check.run();
    } catch (Exception e) {
      failures.add(name + ": " + e);
    }
    System.out.printf("%s %s (%d ms)%n", failures.size() == before ? "ok  " : "FAIL", name,
        (System.nanoTime() - started) / 1_000_000);
  }

  private void expect(boolean condition, String failure) {
    if (!condition) {
      failures.add(failure);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(int port, Process bouncer, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      if (!bouncer.isAlive()) {
        throw new IllegalStateException("PgBouncer exited: " + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(100);
      }
    }
    throw new IllegalStateException("PgBouncer did not listen on " + port + " within 10 s: " + Files.readString(log));
  }
}
