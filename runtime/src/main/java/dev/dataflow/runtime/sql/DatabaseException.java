package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.DataFlowException;

/**
 * PostgreSQL refused a statement. The message says which constraint, table and column, and the SQLSTATE, but not
 * the server's detail text, which quotes row values; the driver's exception is deliberately not kept as the cause.
 */
public class DatabaseException extends DataFlowException {
  private final String sqlState;
  private final String constraint;

  public DatabaseException(String message, String sqlState, String constraint) {
    super(message);
    this.sqlState = sqlState;
    this.constraint = constraint;
  }

  /** The SQLSTATE code, for example {@code 23505} for a unique violation. */
  public String sqlState() {
    return sqlState;
  }

  /** The violated constraint's name, or null. */
  public String constraint() {
    return constraint;
  }

  /**
   * Whether the connection to the database was lost: SQLSTATE class 08 (connection exception, including the
   * driver's I/O failures) or 57P01–57P03 (the server terminated the session: shutdown, {@code pg_terminate_backend}).
   */
  public boolean connectionLost() {
    return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
  }
}
