package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.DataFlowException;

/**
 * PostgreSQL refused a statement, the connection to it was lost, or no connection could be had. The message says
 * which constraint, table and column, and the SQLSTATE, but not the server's detail text, which quotes row values;
 * the driver's exception is deliberately not kept as the cause.
 *
 * <p>Three questions tell the cases apart:
 *
 * <pre>{@code
 * catch (DatabaseException e) {
 *   if (e.outcomeUnknown()) { ... }   // a write may or may not have committed: look before retrying
 *   if (e.connectionLost()) { ... }   // the connection broke; with outcomeUnknown() false nothing was written
 *   if (e.poolExhausted()) { ... }    // no pooled connection became free in time; nothing was sent
 * }
 * }</pre>
 */
public class DatabaseException extends DataFlowException {
  private final String sqlState;
  private final String constraint;
  private final Kind kind;

  /** What is known of the statement's effect. */
  private enum Kind {
    /** The database refused it or it never ran: nothing of it was written. */
    FAILED,
    /** The connection was lost while a write committed: it may or may not have been written. */
    OUTCOME_UNKNOWN,
    /** No connection: the statement was never sent. */
    POOL_EXHAUSTED
  }

  /** A statement that failed and wrote nothing. */
  public DatabaseException(String message, String sqlState, String constraint) {
    this(message, sqlState, constraint, Kind.FAILED);
  }

  private DatabaseException(String message, String sqlState, String constraint, Kind kind) {
    super(message);
    this.sqlState = sqlState;
    this.constraint = constraint;
    this.kind = kind;
  }

  /**
   * A write whose connection was lost before its result arrived: PostgreSQL may have committed it, or not, and
   * neither the driver nor DataFlow could find out. The message must say so and how to check.
   *
   * @param sqlState the connection failure's SQLSTATE (class 08 or 57P)
   */
  public static DatabaseException inDoubt(String message, String sqlState) {
    return new DatabaseException(message, sqlState, null, Kind.OUTCOME_UNKNOWN);
  }

  /**
   * The same failure, saying which server it happened on ({@code "the primary database host:5432/app"}): used when
   * DataFlow talks to more than one server (read replicas). Kind, SQLSTATE and constraint are kept; this exception
   * is the cause.
   */
  public DatabaseException onServer(String server) {
    DatabaseException named = new DatabaseException(getMessage() + " (on " + server + ")", sqlState, constraint,
        kind);
    named.initCause(this);
    return named;
  }

  /**
   * Every connection of the pool stayed in use for the whole connection timeout, so nothing was sent. It has no
   * SQLSTATE: the database was never asked.
   */
  public static DatabaseException poolTimeout(String message) {
    return new DatabaseException(message, null, null, Kind.POOL_EXHAUSTED);
  }

  /** The SQLSTATE code, for example {@code 23505} for a unique violation; null when the database was never asked. */
  public String sqlState() {
    return sqlState;
  }

  /** The violated constraint's name, or null. */
  public String constraint() {
    return constraint;
  }

  /**
   * Whether the connection to the database was lost: SQLSTATE class 08 (connection exception, including the
   * driver's I/O failures) or 57P01–57P05 (the server terminated the session: shutdown, {@code pg_terminate_backend},
   * idle timeouts). Unless {@link #outcomeUnknown()} is true too, nothing was written: PostgreSQL discards a
   * transaction that had not committed.
   */
  public boolean connectionLost() {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
  }

  /**
   * Whether it is unknown if the write was committed: the connection was lost after the write (or its COMMIT) was
   * sent and before PostgreSQL's answer arrived, and the database could not be asked afterwards. Retrying blindly
   * may write twice; the message says how to check first.
   */
  public boolean outcomeUnknown() {
    return kind == Kind.OUTCOME_UNKNOWN;
  }

  /**
   * Whether no pooled connection became free within the pool's connection timeout: every connection was in use.
   * Nothing was sent to the database; {@link #connectionLost()} is false and {@link #sqlState()} is null.
   */
  public boolean poolExhausted() {
    return kind == Kind.POOL_EXHAUSTED;
  }
}
