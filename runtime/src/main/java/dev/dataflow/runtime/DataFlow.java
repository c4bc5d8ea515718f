package dev.dataflow.runtime;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dataflow.runtime.embedded.EmbeddedDatabase;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.schema.TableCreator;
import java.util.List;
import javax.sql.DataSource;
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
 * PostgreSQL started for this instance and stopped by {@link #close()}.
 */
public final class DataFlow implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DataFlow.class);

  private final HikariDataSource dataSource;
  private final EmbeddedDatabase embedded;
  private final NodeRegistry registry;

  private DataFlow(HikariDataSource dataSource, EmbeddedDatabase embedded, NodeRegistry registry) {
    this.dataSource = dataSource;
    this.embedded = embedded;
    this.registry = registry;
  }

  /** A builder with the defaults: URL from the environment or embedded, {@code autoMigrate(true)}, pool of 10. */
  public static Builder builder() {
    return new Builder();
  }

  /** The pooled data source. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** The node types workflows on this instance may use. */
  public NodeRegistry registry() {
    return registry;
  }

  /** The registered models. */
  public List<ModelDescriptor> models() {
    return registry.models();
  }

  /** Whether this instance runs on an embedded PostgreSQL it started itself. */
  public boolean isEmbedded() {
    return embedded != null;
  }

  /** Closes the pool, and stops the embedded PostgreSQL if this instance started one. */
  @Override
  public void close() {
    try {
      dataSource.close();
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** Settings for a {@link DataFlow}. */
  public static final class Builder {
    private String databaseUrl;
    private boolean autoMigrate = true;
    private int maximumPoolSize = 10;
    private NodeRegistry registry;

    private Builder() {}

    /** The database: {@code postgresql://user:pass@host:port/db} or {@code jdbc:postgresql://...}. */
    public Builder databaseUrl(String databaseUrl) {
      this.databaseUrl = databaseUrl;
      return this;
    }

    /**
     * Whether {@link #build()} creates the tables of registered models that do not exist yet (default true), in
     * foreign-key order, in one transaction. Existing tables are never altered: a table that lacks a model's
     * column fails the start with a message naming both.
     */
    public Builder autoMigrate(boolean autoMigrate) {
      this.autoMigrate = autoMigrate;
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

    /** The node types (default: every model compiled onto the class path, {@link NodeRegistry#classpath()}). */
    public Builder registry(NodeRegistry registry) {
      this.registry = registry;
      return this;
    }

    /** Connects (starting the embedded server if needed), and creates missing tables when auto-migrating. */
    public DataFlow build() {
      NodeRegistry nodes = registry == null ? NodeRegistry.classpath() : registry;
      String url = databaseUrl != null ? databaseUrl : System.getenv("DATABASE_URL");
      EmbeddedDatabase embedded = null;
      DatabaseUrl parsed;
      if (url == null || url.isBlank()) {
        embedded = EmbeddedDatabase.start();
        parsed = DatabaseUrl.parse(embedded.jdbcUrl());
      } else {
        parsed = DatabaseUrl.parse(url);
      }
      HikariDataSource pool = null;
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
        config.setMinimumIdle(Math.min(2, maximumPoolSize));
        // Server error details quote row values ("Key (email)=(...) already exists"): keep them out of messages.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        config.addDataSourceProperty("ApplicationName", "dataflow");
        pool = new HikariDataSource(config);
        LOG.info("Connected to {} ({} models, {} node types)", parsed, nodes.models().size(), nodes.types().size());
        if (autoMigrate) {
          new TableCreator(pool).createMissing(nodes.models());
        }
        return new DataFlow(pool, embedded, nodes);
      } catch (RuntimeException e) {
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
  }
}
