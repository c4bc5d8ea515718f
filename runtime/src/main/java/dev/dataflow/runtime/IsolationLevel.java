package dev.dataflow.runtime;

import java.sql.Connection;

/** PostgreSQL's transaction isolation levels (READ UNCOMMITTED behaves as READ COMMITTED there, so it is left out). */
public enum IsolationLevel {
  READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
  REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
  SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

  private final int jdbcLevel;

  IsolationLevel(int jdbcLevel) {
    this.jdbcLevel = jdbcLevel;
  }

  /** The level as SQL writes it: {@code READ COMMITTED}, {@code REPEATABLE READ}, {@code SERIALIZABLE}. */
  public String sql() {
    return name().replace('_', ' ');
  }

  /** The {@link Connection} constant. */
  public int jdbcLevel() {
    return jdbcLevel;
  }
}
