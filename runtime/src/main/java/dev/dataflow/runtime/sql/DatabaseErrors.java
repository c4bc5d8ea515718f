package dev.dataflow.runtime.sql;

import java.io.IOException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns driver exceptions into {@link DatabaseException}s that name the constraint, table and column but never
 * quote a value: PostgreSQL's detail ("Key (user_id)=(6591234567) already exists") and some primary messages
 * ("invalid input syntax for type uuid: ...") carry row values, which may be personal data.
 *
 * <p>A statement that writes goes through {@link #translateWrite}: when its connection is lost while it commits on
 * its own, whether it was written is unknown, and the exception says so instead of "failed".
 */
public final class DatabaseErrors {
  private DatabaseErrors() {}

  /**
   * @param operation what was being done, for the message ("insert into conversation_sessions")
   */
  public static DatabaseException translate(SQLException e, String operation) {
    // A failed JDBC batch wraps the server's error, which carries the constraint, as its next exception.
    while (e instanceof BatchUpdateException && e.getNextException() != null) {
      e = e.getNextException();
    }
    String state = e.getSQLState();
    String constraint = null;
    String table = null;
    String column = null;
    if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
      ServerErrorMessage m = p.getServerErrorMessage();
      constraint = m.getConstraint();
      table = m.getTable();
      column = m.getColumn();
    }
    StringBuilder sb = new StringBuilder(operation).append(" failed: ").append(describe(state));
    if (constraint != null) {
      sb.append("; constraint ").append(constraint);
    }
    if (table != null) {
      sb.append("; table ").append(table);
    }
    if (column != null) {
      sb.append("; column ").append(column);
    }
    sb.append(" (SQLSTATE ").append(state == null ? "unknown" : state).append(')');
    String hint = hint(state);
    if (hint != null) {
      sb.append(". ").append(hint);
    }
    DatabaseException translated = new DatabaseException(sb.toString(), state, constraint);
    translated.setStackTrace(e.getStackTrace());
    return translated;
  }

  /**
   * Like {@link #translate}, for a statement that writes. When the connection was lost while it ran in auto-commit
   * mode, PostgreSQL may have committed it before the connection failed, and the driver cannot tell: the exception
   * is {@link DatabaseException#outcomeUnknown()} and its message says how to check. Inside a transaction nothing is
   * in doubt (the transaction had not committed), and the error is translated as any other.
   *
   * @param autoCommit whether the connection was in auto-commit mode when the statement was sent (read it before:
   *     a broken connection no longer says)
   */
  public static DatabaseException translateWrite(SQLException e, String operation, boolean autoCommit) {
    if (!autoCommit || !connectionLost(e)) {
      return translate(e, operation);
    }
    String state = e.getSQLState() == null ? "08006" : e.getSQLState();
    DatabaseException inDoubt = DatabaseException.inDoubt(operation + ": the connection to the database was lost"
        + " before its result arrived (SQLSTATE " + state + "), so it is unknown whether it was written: PostgreSQL"
        + " may have committed it just before the connection failed, or not. Look its rows up by a unique value or"
        + " key before retrying, which could write them twice", state);
    inDoubt.setStackTrace(e.getStackTrace());
    return inDoubt;
  }

  /**
   * Whether the exception means the connection broke: SQLSTATE class 08, 57P01–57P05 (the server ended the
   * session), or an I/O failure the driver reported without a state.
   */
  public static boolean connectionLost(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
        return true;
      }
      if (state == null && s.getCause() instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String describe(String state) {
    if (state == null) {
      return "database error";
    }
    return switch (state) {
      case "23505" -> "unique constraint violated: a row with the same value already exists";
      case "23503" -> "foreign key violated: the referenced row does not exist, or other rows still reference this one";
      case "23502" -> "NOT NULL violated: a required column got no value";
      case "23514" -> "check constraint violated";
      case "22001" -> "value too long for the column";
      case "22003" -> "numeric value out of range for the column";
      case "57014" -> "statement cancelled (statement timeout or cancel request)";
      case "40001" -> "serialization failure: a concurrent transaction conflicted";
      case "40P01" -> "deadlock detected";
      case "42P01" -> "table does not exist";
      case "42703" -> "column does not exist";
      case "42P10" -> "no unique constraint or index matches the conflict columns";
      case "21000" -> "one statement would change the same row twice";
      case "08001" -> "the database could not be reached";
      default -> {
        if (state.startsWith("08")) {
          yield "the connection to the database was lost";
        }
        if (state.startsWith("57P")) {
          yield "the database server terminated the session, so the connection to the database was lost";
        }
        yield "database error";
      }
    };
  }

  private static String hint(String state) {
    if (state == null) {
      return null;
    }
    return switch (state) {
      case "42P01", "42703" -> "Apply the migrations: build DataFlow with autoMigrate(true) (the default), or run "
          + "Flyway on db/migration; generate a model's missing migration with "
          // GenerateCommand.ANY_BUILD, spelled out: this package may not import migrate.
          + "mvn compile -Ddataflow.migrations.mode=generate (in a multi-module build, from its root: "
          + "mvn -pl <module> -am compile -Ddataflow.migrations.mode=generate)";
      case "23505" -> "Read or update the existing row instead, use a different value, or insert with on_conflict"
          + " 'ignore' or 'update'";
      case "42P10" -> "conflict_columns must be exactly the columns of a unique constraint or unique index (in any"
          + " order), or the key";
      default -> null;
    };
  }
}
