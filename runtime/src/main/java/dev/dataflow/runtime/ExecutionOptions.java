package dev.dataflow.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How {@link LocalRuntime} runs a workflow: transaction mode, isolation, statement timeout, parallelism, listeners.
 *
 * <pre>{@code
 * runtime.execute(workflow, ExecutionOptions.builder()
 *     .transactionMode(TransactionMode.WORKFLOW)       // all or nothing
 *     .isolation(IsolationLevel.SERIALIZABLE)
 *     .statementTimeout(Duration.ofSeconds(5))
 *     .build());
 * }</pre>
 */
public final class ExecutionOptions {
  private static final ExecutionOptions DEFAULTS = builder().build();

  private final TransactionMode transactionMode;
  private final IsolationLevel isolation;
  private final Duration statementTimeout;
  private final int parallelism;
  private final List<WorkflowListener> listeners;
  private final boolean logging;
  private final boolean logParameterValues;
  private final boolean readFromPrimary;

  private ExecutionOptions(Builder b) {
    this.transactionMode = b.transactionMode;
    this.isolation = b.isolation;
    this.statementTimeout = b.statementTimeout;
    this.parallelism = b.parallelism;
    this.listeners = List.copyOf(b.listeners);
    this.logging = b.logging;
    this.logParameterValues = b.logParameterValues;
    this.readFromPrimary = b.readFromPrimary;
  }

  /** {@link TransactionMode#PER_NODE}, the database's isolation, no timeout, parallelism 1, SLF4J logging. */
  public static ExecutionOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  public TransactionMode transactionMode() {
    return transactionMode;
  }

  /** The isolation level, or null for the database's default (READ COMMITTED unless configured otherwise). */
  public IsolationLevel isolation() {
    return isolation;
  }

  /** The statement timeout, or null for none. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** How many independent nodes may run at once in {@link TransactionMode#PER_NODE} mode. */
  public int parallelism() {
    return parallelism;
  }

  public List<WorkflowListener> listeners() {
    return listeners;
  }

  /** Whether node events are logged through SLF4J (logger {@code dev.dataflow.runtime.workflow}). */
  public boolean logging() {
    return logging;
  }

  /**
   * Whether each node's final parameters are logged at DEBUG on logger {@code dev.dataflow.runtime.values}, with
   * every {@code @Pii} column's value replaced by {@code <pii>}. Default false.
   */
  public boolean logParameterValues() {
    return logParameterValues;
  }

  /**
   * Whether every node of the run uses the primary database, read-only nodes included, even when read replicas are
   * configured. Default false: read-only nodes of a {@link TransactionMode#PER_NODE} run that come before any
   * writing node use a replica (see {@code DataFlow.Builder#readReplicaUrl(String)}).
   */
  public boolean readFromPrimary() {
    return readFromPrimary;
  }

  /** Settings for {@link ExecutionOptions}. */
  public static final class Builder {
    private TransactionMode transactionMode = TransactionMode.PER_NODE;
    private IsolationLevel isolation;
    private Duration statementTimeout;
    private int parallelism = 1;
    private final List<WorkflowListener> listeners = new ArrayList<>();
    private boolean logging = true;
    private boolean logParameterValues;
    private boolean readFromPrimary;

    private Builder() {}

    public Builder transactionMode(TransactionMode mode) {
      this.transactionMode = Objects.requireNonNull(mode, "mode");
      return this;
    }

    /** The isolation of the transactions the run opens; null keeps the database's default. */
    public Builder isolation(IsolationLevel isolation) {
      this.isolation = isolation;
      return this;
    }

    /**
     * The longest any one SQL statement may run; PostgreSQL cancels it after that (SQLSTATE 57014) and the node
     * fails. Null or zero: no limit.
     */
    public Builder statementTimeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.toMillis() > Integer.MAX_VALUE)) {
        throw new IllegalArgumentException("statementTimeout must be between 0 and " + Integer.MAX_VALUE + " ms");
      }
      this.statementTimeout = timeout == null || timeout.isZero() ? null : timeout;
      return this;
    }

    /**
     * How many independent nodes may run at once in {@link TransactionMode#PER_NODE} mode. Default 1: nodes run one
     * at a time, in dependency order and otherwise in the order they were added, so nodes with no connection between
     * them still run in a predictable order. Above 1, nodes with no path of connections between them may run at
     * the same time, each on its own pooled connection; connect nodes whose order matters.
     */
    public Builder parallelism(int parallelism) {
      if (parallelism < 1) {
        throw new IllegalArgumentException("parallelism must be at least 1");
      }
      this.parallelism = parallelism;
      return this;
    }

    public Builder listener(WorkflowListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** Whether to log node events through SLF4J (default true; nothing above DEBUG except failures at WARN). */
    public Builder logging(boolean logging) {
      this.logging = logging;
      return this;
    }

    /**
     * Whether to log each node's parameters, as the node receives them (after connections), at DEBUG on SLF4J
     * logger {@code dev.dataflow.runtime.values}. Default false: no parameter value appears in any message or log
     * line. When true, the value of every {@code @Pii} column is still replaced by {@code <pii>} wherever it appears
     * (column parameters, {@code id}, {@code fields}, {@code records}, {@code filters}), and nodes that are not model
     * nodes log their parameter names only. Meant for debugging: the other values are logged as given.
     */
    public Builder logParameterValues(boolean logParameterValues) {
      this.logParameterValues = logParameterValues;
      return this;
    }

    /**
     * Sends every node of the run to the primary database, read-only nodes included: for a run that must see what
     * another run has just committed (a replica may be a little behind). Without read replicas it changes nothing.
     */
    public Builder readFromPrimary(boolean readFromPrimary) {
      this.readFromPrimary = readFromPrimary;
      return this;
    }

    public ExecutionOptions build() {
      return new ExecutionOptions(this);
    }
  }
}
