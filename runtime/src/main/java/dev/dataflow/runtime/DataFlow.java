package dev.dataflow.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.runtime.embedded.EmbeddedDatabase;
import dev.dataflow.runtime.embedded.EmbeddedServerProvider;
import dev.dataflow.runtime.lifecycle.RetentionException;
import dev.dataflow.runtime.lifecycle.RetentionListener;
import dev.dataflow.runtime.lifecycle.RetentionReport;
import dev.dataflow.runtime.lifecycle.RetentionSweeper;
import dev.dataflow.runtime.migrate.MigrationCoverage;
import dev.dataflow.runtime.migrate.MissingTableRule;
import dev.dataflow.runtime.migrate.SchemaMigrator;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeKind;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.migrate.TableCreator;
import dev.dataflow.runtime.scrub.PiiScrubber;
import dev.dataflow.runtime.sql.WarmUp;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection to PostgreSQL and the models that use it. Create one per application and close it at exit.
 *
 * <pre>{@code
 * try (DataFlow db = DataFlow.builder().build()) {          // DATABASE_URL, else an embedded PostgreSQL
 *   LocalRuntime runtime = new LocalRuntime(db);
 *   WorkflowResult result = runtime.execute(new WorkflowBuilder()
 *       .addNode("ConversationSessionCountNode", "count", Map.of())
 *       .build());
 * }
 * }</pre>
 *
 * <p>The database is, in order: {@link Builder#databaseUrl(String)}; else the {@code DATABASE_URL} environment
 * variable ({@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...}); else an embedded
 * PostgreSQL started for this instance and stopped by {@link #close()}, its data in a temporary directory or, with
 * {@link Builder#embeddedDataDirectory(Path)}, kept across restarts. The embedded server comes with the artifact
 * {@code dev.dataflow:dataflow-embedded} (found on the class path, see {@link EmbeddedServerProvider}): a test-scope
 * dependency in an application; without it a missing URL fails the start, naming that dependency and
 * {@code DATABASE_URL}. In production, also turn the embedded server off with
 * {@link Builder#embedded(boolean) embedded(false)} or {@code DATAFLOW_EMBEDDED=false}, so that a missing
 * {@code DATABASE_URL} fails the start even when the artifact is on the class path. At start one INFO line says which database is used, never with a
 * password:
 *
 * <pre>
 * Using embedded PostgreSQL 17.6 on port 41234, data in /tmp/dataflow-postgres-1234/data, deleted at close (...)
 * Using PostgreSQL 16.4 at db.internal:5432/app as user app (...)
 * </pre>
 *
 * <p>With {@link Builder#autoMigrate(boolean) autoMigrate} (the default), {@link Builder#build()} brings the schema
 * up to date before returning:
 *
 * <ol>
 *   <li>Flyway applies the pending migrations from {@link Builder#migrationLocations(String...)} (default
 *       {@code classpath:db/migration}: the {@code V<n>__<description>.sql} files the processor generates), each in
 *       its own transaction, after checking that the applied ones were not edited since (checksums), recording them
 *       in {@code flyway_schema_history}. Instances starting together apply each migration once. The stock Flyway
 *       CLI and Maven plugin can apply the same files.
 *   <li>A registered model whose table no migration creates (no {@code dataflow-schema.json} snapshot in those
 *       locations lists it) and which does not exist fails the start, naming the model and the command that
 *       generates its migration ({@code mvn compile -Ddataflow.migrations.mode=generate}, or from the root of a
 *       multi-module build {@code mvn -pl <module> -am compile -Ddataflow.migrations.mode=generate}). In
 *       development mode, {@link Builder#createMissingTables(boolean) createMissingTables(true)}, such tables are
 *       created from the model's DDL instead, with a warning.
 *   <li>An existing table that lacks a model's columns fails the start, naming the table and the columns: tables
 *       are never altered except by migrations.
 * </ol>
 *
 * <pre>{@code
 * // a prototype or a test, without migrations yet: tables straight from the models (never in production)
 * DataFlow db = DataFlow.builder().databaseUrl(url).createMissingTables(true).build();
 * }</pre>
 *
 * <p>Rows of models with {@code @Retain} are deleted once past their period by {@link #sweepExpired(Instant)}, or
 * on a schedule set with {@link Builder#retentionSchedule(Duration)}. The text of {@code @Pii(scrub = true)} columns is
 * scrubbed of personal data by every write, with {@link Builder#piiScrubber(PiiScrubber)} (see
 * {@code docs/data-lifecycle.md}).
 */
public final class DataFlow implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataFlow.class);
  /** Rows per retention batch unless {@link Builder#retentionBatchSize(int)} says otherwise. */
  public static final int DEFAULT_RETENTION_BATCH_SIZE = 1000;
  private static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DEFAULT_MAX_REPLICA_LAG = Duration.ofSeconds(5);
  /** The longest a read waits for a replica's connection before it goes to the primary. */
  private static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofSeconds(1);
  private static final Duration MINIMUM_CONNECTION_TIMEOUT = Duration.ofMillis(250);
  /** The environment variable naming the database. */
  static final String DATABASE_URL = "DATABASE_URL";
  /** The environment variable that, set to {@code false}, forbids the embedded server. */
  static final String DATAFLOW_EMBEDDED = "DATAFLOW_EMBEDDED";

  private final HikariDataSource dataSource;
  private final ConnectionPool pool;
  /** The read replicas, or null when none are configured. */
  private final ReadReplicas replicas;
  private final EmbeddedDatabase embedded;
  private final NodeRegistry registry;
  private final RetentionSweeper sweeper;
  private final PiiScrubber piiScrubber;
  private final ZoneId zone;
  /** Runs {@link #sweepExpired} every {@code retentionSchedule}; null when no schedule was set. */
  private final ScheduledExecutorService retentionScheduler;

  private DataFlow(HikariDataSource dataSource, String primaryName, ReadReplicas replicas, EmbeddedDatabase embedded,
      NodeRegistry registry, RetentionSweeper sweeper, Duration retentionSchedule, PiiScrubber piiScrubber,
      ZoneId zone) {
    this.dataSource = dataSource;
    this.piiScrubber = piiScrubber;
    this.zone = zone;
    // With replicas there is more than one server, so a failed borrow names which one.
    this.pool = new ConnectionPool(dataSource, replicas == null ? null : "the primary database " + primaryName);
    this.replicas = replicas;
    this.embedded = embedded;
    this.registry = registry;
    this.sweeper = sweeper;
    this.retentionScheduler = retentionSchedule == null ? null : startRetentionSchedule(retentionSchedule);
  }

  /**
   * A builder with the defaults: URL from the environment or embedded, {@code autoMigrate(true)},
   * {@code createMissingTables(false)}, migrations in {@code classpath:db/migration}, pool of 10 connections, each
   * borrow waiting at most 30 s, times without offset read in UTC.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The same pool as the engine borrows from it: failures are typed. */
  ConnectionPool pool() {
    return pool;
  }

  /** The read replicas read-only nodes may use, or null when none are configured. */
  ReadReplicas replicas() {
    return replicas;
  }

  /** The node types workflows on this instance may use. */
  public NodeRegistry registry() {
    return registry;
  }

  /** The registered models. */
  public List<ModelDescriptor> models() {
    return registry.models();
  }

  /** Every registered model as a Mermaid ER diagram; see {@link NodeRegistry#toMermaidErDiagram()}. */
  public String toMermaidErDiagram() {
    return registry.toMermaidErDiagram();
  }

  /**
   * The scrubber every write of a {@code @Pii(scrub = true)} column runs its text through before it is stored
   * ({@link Builder#piiScrubber(PiiScrubber)}; {@link PiiScrubber#defaults()} unless set).
   */
  public PiiScrubber piiScrubber() {
    return piiScrubber;
  }

  /**
   * The zone a date-time written without offset is read in when a TIMESTAMPTZ column ({@code Instant},
   * {@code OffsetDateTime}) is given one: {@link Builder#zone(ZoneId)}, default UTC.
   */
  public ZoneId zone() {
    return zone;
  }

  /** Whether this instance runs on an embedded PostgreSQL it started itself. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /**
   * Deletes, for every model with {@code @Retain}, the rows past their period as of {@code now}: those whose
   * retention column is before {@code now} minus the model's days (a NULL there is never past). Each table is
   * deleted from in batches of {@link Builder#retentionBatchSize(int)} rows, each its own short transaction, children
   * before the tables they reference; a table another instance is sweeping is skipped, not waited for. Every table
   * is logged (INFO) and reported to the {@link Builder#retentionListener(RetentionListener) listener}.
   *
   * <pre>{@code
   * RetentionReport report = db.sweepExpired(Instant.now());
   * log.info("retention deleted {} messages", report.deleted("conversation_messages"));
   * }</pre>
   *
   * @throws RetentionException when a table could not be swept to the end (a foreign key of another table forbids
   *     the delete, the connection was lost); the other tables were swept, and its {@code report()} says what
   *     happened to each
   */
  public RetentionReport sweepExpired(Instant now) {
    return sweeper.sweep(now);
  }

  private ScheduledExecutorService startRetentionSchedule(Duration every) {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "dataflow-retention");
      thread.setDaemon(true);
      return thread;
    });
    // Fixed delay: a sweep that takes longer than the period never overlaps the next one.
    scheduler.scheduleWithFixedDelay(this::scheduledSweep, 0, every.toNanos(), TimeUnit.NANOSECONDS);
    LOG.info("Retention sweep every {} for {} tables", every, sweeper.models().size());
    return scheduler;
  }

  /** One scheduled sweep; an exception escaping it would cancel the schedule, so it is logged instead. */
  private void scheduledSweep() {
    try {
      sweeper.sweep(Instant.now());
    } catch (RetentionException e) {
      // each failed table is already logged, with its reason, by the sweeper
      LOG.warn("Scheduled retention sweep failed for {}; the next runs as scheduled", e.report().failed());
    } catch (RuntimeException e) {
      if (!Thread.currentThread().isInterrupted()) {
        LOG.warn("Scheduled retention sweep failed; the next runs as scheduled: {}", e.getMessage());
      }
    }
  }

  /**
   * Stops the retention schedule (a running sweep stops after its current batch), closes the pool, and stops the
   * embedded PostgreSQL if this instance started one.
   */
  @Override
  public void close() {
    try {
      stopRetentionSchedule();
      if (replicas != null) {
        replicas.close();
      }
      dataSource.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  private void stopRetentionSchedule() {
    if (retentionScheduler == null) {
      return;
    }
    retentionScheduler.shutdownNow();
    try {
      if (!retentionScheduler.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("The retention sweep did not stop within 30 s; closing the pool under it");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Settings for a {@link DataFlow}. */
  public static final class Builder {
    private String databaseUrl;
    private boolean autoMigrate = true;
    private int maximumPoolSize = 10;
    private Duration connectionTimeout = DEFAULT_CONNECTION_TIMEOUT;
    private NodeRegistry registry;
    private final java.util.List<Node> nodes = new java.util.ArrayList<>();
    private boolean createMissingTables;
    private List<String> migrationLocations = List.of(SchemaMigrator.DEFAULT_LOCATION);
    private Duration retentionSchedule;
    private int retentionBatchSize = DEFAULT_RETENTION_BATCH_SIZE;
    private RetentionListener retentionListener = RetentionListener.NONE;
    private PiiScrubber piiScrubber = PiiScrubber.defaults();
    private ZoneId zone = ZoneOffset.UTC;
    private Path embeddedDataDirectory;
    /** {@link #embedded(boolean)}; null when not called: as {@code DATAFLOW_EMBEDDED} says (default true). */
    private Boolean embeddedSetting;
    private Function<String, String> environment = System::getenv;
    private final List<String> readReplicaUrls = new java.util.ArrayList<>();
    private Duration maxReplicaLag = DEFAULT_MAX_REPLICA_LAG;
    private boolean transactionPooler;

    private Builder() {}

    /**
     * Says that the database URL (and any read replica's) reaches PostgreSQL through a transaction pooler, such as
     * PgBouncer with {@code pool_mode = transaction}, which hands a server connection to another client after every
     * transaction (default false). DataFlow then keeps nothing on a connection beyond a transaction:
     *
     * <ul>
     *   <li>no server-side prepared statements: pgjdbc's {@code prepareThreshold=0} (PgBouncer before 1.21 cannot
     *       track named statements across server connections);
     *   <li>the retention sweep takes its lock per batch transaction ({@code pg_try_advisory_xact_lock}) instead of
     *       per session.
     * </ul>
     *
     * <p>Always, pooler or not, isolation levels and statement timeouts are set with {@code SET TRANSACTION} and
     * {@code SET LOCAL} inside the transaction, never on the session. PgBouncer needs
     * {@code ignore_startup_parameters = extra_float_digits} for pgjdbc to connect. See {@code docs/scaling.md}.
     */
    public Builder transactionPooler(boolean transactionPooler) {
      this.transactionPooler = transactionPooler;
      return this;
    }

    /**
     * Adds a read replica (call once per replica; the same URL forms as {@link #databaseUrl(String)}): a streaming
     * replica of the primary, which serves read-only nodes (Read, List, Count, Exists, and user nodes whose
     * {@code readOnly()} is true) of {@link TransactionMode#PER_NODE} runs, round-robin among the replicas in use.
     * Writes, {@link TransactionMode#WORKFLOW} runs, runs with {@link ExecutionOptions.Builder#readFromPrimary}, and
     * every node that starts after a writing node in the same run use the primary, so a run reads its own writes.
     *
     * <p>A replica that cannot be reached, or whose replay is behind by more than {@link #maxReplicaLag(Duration)},
     * is skipped (checked once a second; one WARN when it starts being skipped, one INFO when it is back); with every
     * replica skipped, reads use the primary. A read whose replica fails under it runs again on the primary. With the
     * primary down, reads keep working on the replicas and writes fail with a {@code DatabaseException} naming the
     * primary. A replica that is down when {@link #build()} runs does not stop it.
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder()
     *     .databaseUrl("postgresql://app@db-primary:5432/app")
     *     .readReplicaUrl("postgresql://app@db-replica-1:5432/app")
     *     .readReplicaUrl("postgresql://app@db-replica-2:5432/app")
     *     .maxReplicaLag(Duration.ofSeconds(2))
     *     .build();
     * }</pre>
     */
    public Builder readReplicaUrl(String url) {
      java.util.Objects.requireNonNull(url, "url");
      DatabaseUrl.parse(url); // refuse a malformed URL here, where it was given
      readReplicaUrls.add(url);
      return this;
    }

    /**
     * How far behind the primary a read replica may be and still serve reads (default 5 s; at least 1 ms). Lag is
     * the replica's own measure: zero while it has replayed everything it received, else the age of the last
     * transaction it replayed ({@code pg_last_xact_replay_timestamp()}).
     */
    public Builder maxReplicaLag(Duration lag) {
      java.util.Objects.requireNonNull(lag, "lag");
      if (lag.toMillis() < 1) {
        throw new IllegalArgumentException("maxReplicaLag must be at least 1 ms; got " + lag);
      }
      this.maxReplicaLag = lag;
      return this;
    }

    /**
     * Keeps the embedded server's data in {@code directory} across restarts (default: a temporary directory deleted
     * at {@link DataFlow#close()}). A new or empty directory is initialised at the first start and reused after;
     * {@link DataFlow#close()} stops the server cleanly, so what was committed is there at the next start. Used only
     * when an embedded server is started, that is when no {@link #databaseUrl(String) databaseUrl} or
     * {@code DATABASE_URL} is given (the server needs {@code dev.dataflow:dataflow-embedded} on the class path). The
     * server listens on a free local port chosen at each start.
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder().embeddedDataDirectory(Path.of("target/dev-db")).build();
     * }</pre>
     *
     * <p>{@link #build()} refuses a directory that is not empty and holds no PostgreSQL data (no {@code PG_VERSION}
     * file), so it never writes over other files, and a directory in use by another open instance, in this process
     * or another.
     */
    public Builder embeddedDataDirectory(Path directory) {
      this.embeddedDataDirectory = java.util.Objects.requireNonNull(directory, "directory");
      return this;
    }

    /**
     * Whether a missing database URL starts an embedded PostgreSQL (default true, unless the environment variable
     * {@code DATAFLOW_EMBEDDED} is {@code false}; this setting wins over the variable). The production setting is
     * {@code embedded(false)} (or {@code DATAFLOW_EMBEDDED=false} in the deployment): then no
     * {@link #databaseUrl(String) databaseUrl} and no {@code DATABASE_URL} fails {@link #build()} instead of
     * running on a throw-away database.
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder().embedded(false).build();   // DATABASE_URL or an error
     * }</pre>
     */
    public Builder embedded(boolean embedded) {
      this.embeddedSetting = embedded;
      return this;
    }

    /** The environment variables {@link #build()} reads instead of the process's (for tests). */
    Builder environment(Map<String, String> variables) {
      Map<String, String> copy = Map.copyOf(variables);
      this.environment = copy::get;
      return this;
    }

    /**
     * The scrubber that every write (Create, Update, BulkCreate, BulkUpdate, upserts) runs over the text of each
     * {@code @Pii(scrub = true)} column before it is stored (default {@link PiiScrubber#defaults()}: e-mail, card,
     * NRIC/FIN and phone detectors). Give one with your own named patterns, which run before the built-in ones:
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder()
     *     .piiScrubber(PiiScrubber.builder().add("ORDER_REF", Pattern.compile("\\bORD-\\d{8}\\b")).build())
     *     .build();
     * }</pre>
     */
    public Builder piiScrubber(PiiScrubber scrubber) {
      this.piiScrubber = java.util.Objects.requireNonNull(scrubber, "scrubber");
      return this;
    }

    /**
     * The zone in which a time written without offset means an instant (default UTC): a {@code LocalDateTime}, or an
     * ISO-8601 string such as {@code 2026-11-30T09:15:00}, given for a TIMESTAMPTZ column ({@code Instant} or
     * {@code OffsetDateTime} field) in a Create, Update, BulkCreate or BulkUpdate value, an upsert, or a filter of any
     * node is read in this zone. A local time that a daylight-saving change skips is moved forward by the change
     * ({@code 02:30} on the spring night in {@code Europe/Berlin} is {@code 03:30+02:00}); one it repeats takes the
     * earlier offset ({@code 02:30} on the autumn night is {@code 02:30+02:00}), as
     * {@link java.time.ZonedDateTime#of(java.time.LocalDateTime, ZoneId)} does. {@code Instant},
     * {@code OffsetDateTime}, {@code ZonedDateTime} and strings with an offset ({@code Z}, {@code +08:00}) keep their
     * own. TIMESTAMP columns ({@code LocalDateTime} fields) store local date-times as given, whatever the zone, and
     * refuse a string with an offset.
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder().zone(ZoneId.of("Asia/Singapore")).build();
     * // "2026-11-30T09:15:00" into an Instant column stores 2026-11-30T01:15:00Z
     * }</pre>
     *
     * <p>A workflow does not hold a zone: the same workflow run by the {@code LocalRuntime} of another
     * {@code DataFlow} reads its times in that one's zone. The checks of {@code WorkflowBuilder.build()} do not depend
     * on the zone (they read such times in UTC, only to check them).
     */
    public Builder zone(ZoneId zone) {
      this.zone = java.util.Objects.requireNonNull(zone, "zone: give a ZoneId such as ZoneOffset.UTC or"
          + " ZoneId.of(\"Asia/Singapore\")");
      return this;
    }

    /**
     * Runs {@link DataFlow#sweepExpired(Instant) sweepExpired(Instant.now())} on a daemon thread: first right after
     * {@link #build()}, then {@code every} after the previous sweep ends, until {@link DataFlow#close()}. A sweep
     * that fails is logged at WARN and the schedule goes on. Instances sharing a database may all set it: each table
     * is swept by one of them at a time, the others skip it.
     *
     * <pre>{@code
     * DataFlow db = DataFlow.builder().retentionSchedule(Duration.ofHours(1)).build();
     * }</pre>
     */
    public Builder retentionSchedule(Duration every) {
      if (every == null || every.isNegative() || every.isZero()) {
        throw new IllegalArgumentException("the retention schedule needs a positive period, e.g. Duration.ofHours(1)");
      }
      this.retentionSchedule = every;
      return this;
    }

    /**
     * The most rows one retention delete removes (default {@value DataFlow#DEFAULT_RETENTION_BATCH_SIZE}). Each
     * batch is its own transaction and locks only its own rows, so a smaller batch shortens the locks and a larger
     * one the sweep.
     */
    public Builder retentionBatchSize(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("retentionBatchSize must be at least 1");
      }
      this.retentionBatchSize = rows;
      return this;
    }

    /** Hears every table of every retention sweep, scheduled or not (default: none; each table is logged anyway). */
    public Builder retentionListener(RetentionListener listener) {
      this.retentionListener = java.util.Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** The database: {@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...}. */
    public Builder databaseUrl(String databaseUrl) {
      this.databaseUrl = databaseUrl;
      return this;
    }

    /**
     * Whether {@link #build()} applies the pending migrations and checks the models' tables (default true; see
     * {@link DataFlow}). With false nothing is applied, created or checked: the schema is managed elsewhere (the
     * Flyway CLI or Maven plugin, a deployment step), and a missing table shows up as a failing node.
     */
    public Builder autoMigrate(boolean autoMigrate) {
      this.autoMigrate = autoMigrate;
      return this;
    }

    /**
     * Development mode (default false): when auto-migrating, create the table of a registered model that no
     * migration creates straight from the model's DDL, logging a warning, instead of failing the start. Like
     * Prisma's {@code db push}, for prototypes and tests; <b>not for production</b>, where every table should come
     * from a committed migration. Tables created this way are not in Flyway's history: once the model's migration
     * is generated, start on a fresh database (or baseline the old one).
     */
    public Builder createMissingTables(boolean createMissingTables) {
      this.createMissingTables = createMissingTables;
      return this;
    }

    /**
     * Where the migrations and their {@code dataflow-schema.json} snapshot are, as Flyway locations (default
     * {@code classpath:db/migration}; also {@code filesystem:/path}). Every location is searched on the whole class
     * path, so migrations of several model modules are applied together.
     */
    public Builder migrationLocations(String... locations) {
      if (locations == null || locations.length == 0) {
        throw new IllegalArgumentException("give at least one migration location, e.g. classpath:db/migration");
      }
      for (String location : locations) {
        if (location == null || location.isBlank()) {
          throw new IllegalArgumentException("a migration location is empty");
        }
      }
      this.migrationLocations = List.copyOf(Arrays.asList(locations));
      return this;
    }

    /** The connection pool's maximum size (default 10). */
    public Builder maximumPoolSize(int maximumPoolSize) {
      if (maximumPoolSize < 1) {
        throw new IllegalArgumentException("maximumPoolSize must be at least 1");
      }
      this.maximumPoolSize = maximumPoolSize;
      return this;
    }

    /**
     * How long a node waits for a pooled connection when all {@link #maximumPoolSize(int)} are in use (default 30 s,
     * HikariCP's; at least 250 ms). When it runs out the node fails with a {@code DatabaseException} whose
     * {@code poolExhausted()} is true, naming the pool's size and this setting; nothing was sent to the database,
     * and the pool serves the next borrower as soon as a connection is given back.
     *
     * <pre>{@code
     * DataFlow.builder().maximumPoolSize(20).connectionTimeout(Duration.ofSeconds(5)).build();
     * }</pre>
     */
    public Builder connectionTimeout(Duration connectionTimeout) {
      java.util.Objects.requireNonNull(connectionTimeout, "connectionTimeout");
      if (connectionTimeout.compareTo(MINIMUM_CONNECTION_TIMEOUT) < 0) {
        throw new IllegalArgumentException("connectionTimeout must be at least 250 ms (HikariCP's floor); got "
            + connectionTimeout.toMillis() + " ms");
      }
      this.connectionTimeout = connectionTimeout;
      return this;
    }

    /** The node types (default: every model compiled onto the class path, {@link NodeRegistry#classpath()}). */
    public Builder registry(NodeRegistry registry) {
      if (registry != null && !nodes.isEmpty()) {
        throw new IllegalStateException("registry(...) replaces the node types that addNode(...) adds to; use one");
      }
      this.registry = registry;
      return this;
    }

    /**
     * Registers an application node under its {@link Node#type()}, next to the generated nodes and the built-ins;
     * workflows built with {@code new WorkflowBuilder(dataFlow)} may then use it by type name.
     *
     * @throws IllegalStateException when {@link #registry(NodeRegistry)} was set too
     */
    public Builder addNode(Node node) {
      if (registry != null) {
        throw new IllegalStateException("registry(...) was set; add the node to that registry instead");
      }
      nodes.add(java.util.Objects.requireNonNull(node, "node"));
      return this;
    }

    /**
     * Connects (starting the embedded server if needed) and, when auto-migrating, applies the pending migrations
     * and checks the models' tables (see {@link DataFlow}).
     *
     * @throws DataFlowException when no database URL is set and the embedded server is off
     *     ({@link #embedded(boolean)}, {@code DATAFLOW_EMBEDDED}) or not on the class path
     *     ({@code dev.dataflow:dataflow-embedded}), the embedded data directory cannot be used, the
     *     database cannot be reached, a migration is invalid or fails, or the tables do not match the models; the
     *     pool and any embedded server are closed then
     */
    public DataFlow build() {
      NodeRegistry nodes = registry != null ? registry : this.nodes.isEmpty() ? NodeRegistry.classpath()
          : NodeRegistry.builder().addBuiltins().addClasspathModels().addAll(this.nodes).build();
      warmUp(nodes);
      boolean embeddedAllowed = embeddedAllowed();
      String url = databaseUrl != null ? databaseUrl : environment.apply(DATABASE_URL);
      EmbeddedDatabase embedded = null;
      DatabaseUrl parsed;
      if (url == null || url.isBlank()) {
        if (!embeddedAllowed) {
          throw new DataFlowException("No database is set and the embedded PostgreSQL is off ("
              + (embeddedSetting != null ? "embedded(false)" : DATAFLOW_EMBEDDED + "=false") + "). Set the "
              + DATABASE_URL + " environment variable (postgresql://user:password@host:port/database) or call "
              + "databaseUrl(...) on DataFlow.builder().");
        }
        EmbeddedServerProvider provider = EmbeddedServerProvider.find(classLoader())
            .orElseThrow(Builder::noEmbeddedServer);
        embedded = embeddedDataDirectory != null ? provider.startIn(embeddedDataDirectory) : provider.startTemporary();
        parsed = DatabaseUrl.parse(embedded.jdbcUrl());
      } else {
        parsed = DatabaseUrl.parse(url);
      }
      HikariDataSource pool = null;
      ReadReplicas replicas = null;
      try {
        HikariConfig config = new HikariConfig();
        config.setPoolName("dataflow");
        config.setJdbcUrl(parsed.jdbcUrl());
        if (parsed.user() != null) {
          config.setUsername(parsed.user());
        }
        if (parsed.password() != null) {
          config.setPassword(parsed.password());
        }
        config.setMaximumPoolSize(maximumPoolSize);
        long timeoutMillis = connectionTimeout.toMillis();
        config.setConnectionTimeout(timeoutMillis);
        // HikariCP's liveness check of an idle connection must fit in the borrow's wait (it warns otherwise).
        config.setValidationTimeout(Math.min(config.getValidationTimeout(), timeoutMillis));
        config.setMinimumIdle(Math.min(2, maximumPoolSize));
        // Server error details quote row values ("Key (email)=(...) already exists"): keep them out of messages.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", "dataflow");
        if (transactionPooler) {
          config.addDataSourceProperty("prepareThreshold", "0");
        }
        pool = new HikariDataSource(config);
        String version = serverVersion(pool);
        LOG.info("Using {} ({} models, {} node types)",
            embedded != null ? embedded.describe(version) : parsed.describe(version),
            nodes.models().size(), nodes.types().size());
        if (autoMigrate) {
          ClassLoader loader = classLoader();
          new SchemaMigrator(migrationDataSource(parsed), migrationLocations, loader).migrate();
          MigrationCoverage coverage = MigrationCoverage.read(migrationLocations, loader);
          new TableCreator(pool).createMissing(nodes.models(),
              new MissingTableRule(coverage, migrationLocations, createMissingTables));
        }
        RetentionSweeper sweeper = new RetentionSweeper(pool, nodes.models(), retentionBatchSize, retentionListener,
            transactionPooler);
        replicas = readReplicas();
        return new DataFlow(pool, parsed.location(), replicas, embedded, nodes, sweeper, retentionSchedule,
            piiScrubber, zone);
      } catch (RuntimeException e) {
        if (replicas != null) {
          replicas.close();
        }
        if (pool != null) {
          pool.close();
        }
        if (embedded != null) {
          embedded.close();
        }
        if (e instanceof DataFlowException) {
          throw e;
        }
        throw new DataFlowException("Could not connect to " + parsed + ": " + e.getMessage(), e);
      }
    }

    /**
     * Loads jOOQ's and Jackson's classes on a daemon thread while this thread connects and migrates, so that the
     * first filtered node call of a short-lived process does not pay for it ({@link WarmUp}); then builds, without
     * running, the first model's commonest workflows and scrubs a sample text with the built-in detectors, so that the
     * engine's classes and those detectors' patterns are ready too ({@link #warmUpEngine}).
     */
    private static void warmUp(NodeRegistry nodes) {
      if (nodes.models().isEmpty()) {
        return;
      }
      ModelDescriptor model = nodes.models().get(0);
      Thread t = new Thread(() -> {
        try {
          WarmUp.run(model);
          warmUpEngine(nodes, model);
        } catch (RuntimeException | LinkageError e) {
          LOG.debug("warm-up skipped: {}", e.toString());
        }
      }, "dataflow-warm-up");
      t.setDaemon(true);
      t.start();
    }

    /**
     * Builds (checks, freezes, converts; never runs) a Read by key, a filtered List and a Count of {@code model},
     * and scrubs a sample text with {@link PiiScrubber#defaults()} (never an application's own detectors). Nothing
     * reaches a database; what the checks remember stays on this thread.
     *
     * @return false when the model's key type or its nodes leave nothing to build (the scrubber still ran)
     * @throws WorkflowValidationException if a workflow it builds is refused: a bug here, which the caller logs
     */
    static boolean warmUpEngine(NodeRegistry nodes, ModelDescriptor model) {
      PiiScrubber.defaults().scrub("warm-up: +65 9123 4567, warm.up@example.com");
      Object key = switch (model.keyColumn().javaType()) {
        case LONG -> 1L;
        case INT -> 1;
        case UUID -> new java.util.UUID(0, 1);
        case STRING -> "warm-up";
        default -> null;
      };
      String read = model.modelName() + NodeKind.READ.suffix();
      String list = model.modelName() + NodeKind.LIST.suffix();
      String count = model.modelName() + NodeKind.COUNT.suffix();
      if (key == null || nodes.node(read) == null || nodes.node(list) == null || nodes.node(count) == null) {
        return false;
      }
      String column = model.keyColumn().name();
      new WorkflowBuilder(nodes).addNode(read, "read", Map.of("id", key)).build();
      new WorkflowBuilder(nodes).addNode(list, "list", Map.of("filters", Map.of(column, key),
          "order_by", List.of("-" + column), "limit", 20)).build();
      new WorkflowBuilder(nodes).addNode(count, "count", Map.of("filters", Map.of(column, key))).build();
      return true;
    }

    /** The replicas' pools (none connected yet if a replica is down), or null without replicas. */
    private ReadReplicas readReplicas() {
      if (readReplicaUrls.isEmpty()) {
        return null;
      }
      List<ReadReplicas.Replica> list = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < readReplicaUrls.size(); i++) {
          DatabaseUrl url = DatabaseUrl.parse(readReplicaUrls.get(i));
          HikariConfig config = new HikariConfig();
          config.setPoolName("dataflow-replica-" + (i + 1));
          config.setJdbcUrl(url.jdbcUrl());
          if (url.user() != null) {
            config.setUsername(url.user());
          }
          if (url.password() != null) {
            config.setPassword(url.password());
          }
          config.setMaximumPoolSize(maximumPoolSize);
          // A replica that is down must not hold up a read for long: the read goes to the primary instead.
          long timeoutMillis = Math.min(connectionTimeout.toMillis(), REPLICA_CONNECTION_TIMEOUT.toMillis());
          config.setConnectionTimeout(timeoutMillis);
          config.setValidationTimeout(Math.min(config.getValidationTimeout(), timeoutMillis));
          config.setMinimumIdle(Math.min(2, maximumPoolSize));
          config.setInitializationFailTimeout(-1); // a replica that is down at start is skipped, not fatal
          config.setReadOnly(true);
          config.addDataSourceProperty("logServerErrorDetail", "false");
          config.addDataSourceProperty("ApplicationName", "dataflow");
          if (transactionPooler) {
            config.addDataSourceProperty("prepareThreshold", "0");
          }
          config.addDataSourceProperty("connectTimeout", String.valueOf(Math.max(1, timeoutMillis / 1000)));
          list.add(new ReadReplicas.Replica(url.location(), new HikariDataSource(config)));
        }
      } catch (RuntimeException e) {
        list.forEach(r -> r.close());
        throw e;
      }
      ReadReplicas replicas = new ReadReplicas(list, maxReplicaLag);
      LOG.info("Reading from {} read {} ({} in use now; max lag {})", list.size(),
          list.size() == 1 ? "replica" : "replicas", replicas.inUse(), ConnectionPool.describe(maxReplicaLag));
      return replicas;
    }

    /** No URL, the embedded server allowed, but {@code dataflow-embedded} is not on the class path. */
    private static DataFlowException noEmbeddedServer() {
      return new DataFlowException("No database is set (neither databaseUrl(...) nor the " + DATABASE_URL
          + " environment variable) and no embedded PostgreSQL is on the class path. For a database on your own "
          + "server, set " + DATABASE_URL + " (postgresql://user:password@host:port/database) or call "
          + "databaseUrl(...) on DataFlow.builder(). For an embedded PostgreSQL in tests, examples or development, "
          + "add the dependency " + EmbeddedServerProvider.ARTIFACT + " (the same version as dataflow-runtime; "
          + "<scope>test</scope> to keep its binaries out of production): <dependency><groupId>dev.dataflow"
          + "</groupId><artifactId>dataflow-embedded</artifactId><version>...</version><scope>test</scope>"
          + "</dependency>.");
    }

    /** {@link #embedded(boolean)} if set, else {@code DATAFLOW_EMBEDDED} ({@code true} or {@code false}), else true. */
    private boolean embeddedAllowed() {
      if (embeddedSetting != null) {
        return embeddedSetting;
      }
      String value = environment.apply(DATAFLOW_EMBEDDED);
      if (value == null || value.isBlank()) {
        return true;
      }
      return switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new DataFlowException(DATAFLOW_EMBEDDED + " must be true or false; it is '"
            + (value.length() > 64 ? value.substring(0, 64) + "..." : value) + "'");
      };
    }

    /** The server's version, e.g. {@code 17.6} (without a distribution's suffix). */
    private static String serverVersion(HikariDataSource pool) {
      try (Connection connection = pool.getConnection()) {
        String version = connection.getMetaData().getDatabaseProductVersion().trim();
        int space = version.indexOf(' ');
        return space < 0 ? version : version.substring(0, space);
      } catch (SQLException e) {
        throw new DataFlowException("Could not read the server's version: " + e.getMessage(), e);
      }
    }

    /**
     * Unpooled connections for Flyway, which holds two at once (its lock on the history table and the migration's
     * own): taken from the pool they would deadlock a pool of one until the pool's timeout.
     */
    private static DataSource migrationDataSource(DatabaseUrl url) {
      PGSimpleDataSource dataSource = new PGSimpleDataSource();
      dataSource.setUrl(url.jdbcUrl());
      if (url.user() != null) {
        dataSource.setUser(url.user());
      }
      if (url.password() != null) {
        dataSource.setPassword(url.password());
      }
      dataSource.setLogServerErrorDetail(false);
      dataSource.setApplicationName("dataflow-migrate");
      return dataSource;
    }

    /** The loader {@code classpath:} locations are read with: the context loader, as for the models. */
    private static ClassLoader classLoader() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      return loader != null ? loader : DataFlow.class.getClassLoader();
    }
  }
}
