package dev.dataflow.runtime.migrate;

import dev.dataflow.runtime.DataFlowException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.CoreErrorCode;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.flywaydb.core.api.output.ValidateOutput;
import org.flywaydb.core.api.output.ValidateResult;
import org.flywaydb.core.internal.exception.FlywayMigrateException;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the pending versioned migrations ({@code V<n>__<description>.sql}) with Flyway, recording them in
 * Flyway's {@code flyway_schema_history} table, so the Flyway CLI and Maven plugin see the same history.
 *
 * <pre>{@code
 * AppliedMigrations result = new SchemaMigrator(dataSource, List.of("classpath:db/migration"), classLoader).migrate();
 * }</pre>
 *
 * <ul>
 *   <li>Applied migrations are validated first: one whose file changed since it was applied (checksum mismatch)
 *       fails the start and nothing is applied.
 *   <li>Each migration runs in its own transaction: PostgreSQL DDL is transactional, so a failing migration leaves
 *       nothing of itself behind, and the migrations before it stay applied.
 *   <li>Several processes migrating at once serialise on Flyway's lock on the history table: each migration is
 *       applied once.
 *   <li>Never cleans (drops) anything.
 *   <li>Logs at INFO one line per applied migration, {@code Applied migration 2 (add session title) from
 *       V2__add_session_title.sql in 14 ms}, or {@code Schema up to date at version 2}; Flyway's own commentary goes
 *       to its {@code org.flywaydb} loggers at DEBUG ({@link FlywayLog}), its warnings and errors at WARN and ERROR.
 * </ul>
 */
public final class SchemaMigrator {
  /** Where migrations are unless configured otherwise. */
  public static final String DEFAULT_LOCATION = "classpath:db/migration";
  /** Flyway's default history table, kept so the stock Flyway tools work on the same database. */
  public static final String HISTORY_TABLE = "flyway_schema_history";

  private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrator.class);

  private final DataSource dataSource;
  private final List<String> locations;
  private final ClassLoader classLoader;

  /**
   * @param dataSource the database; Flyway holds two connections from it at once while migrating, so not a pool
   *     that may have fewer
   * @param locations Flyway locations ({@code classpath:db/migration}, {@code filesystem:/srv/migrations})
   * @param classLoader the loader that sees {@code classpath:} locations
   */
  public SchemaMigrator(DataSource dataSource, List<String> locations, ClassLoader classLoader) {
    if (locations.isEmpty()) {
      throw new IllegalArgumentException("at least one migration location is needed");
    }
    this.dataSource = dataSource;
    this.locations = List.copyOf(locations);
    this.classLoader = classLoader;
  }

  /**
   * Validates the applied migrations and applies the pending ones.
   *
   * @throws DataFlowException when an applied migration changed, a migration fails (it is rolled back), or the
   *     database has tables but no migration history
   */
  public AppliedMigrations migrate() {
    Flyway flyway = Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations(locations.toArray(String[]::new))
        .table(HISTORY_TABLE)
        .cleanDisabled(true)
        .validateOnMigrate(true)
        // Each migration in its own transaction (not one for all): a failure keeps the earlier ones applied.
        .executeInTransaction(true)
        .group(false)
        // A migration mixing transactional and non-transactional statements (CREATE INDEX CONCURRENTLY) is
        // refused rather than run half outside a transaction.
        .mixed(false)
        // Flyway's commentary at DEBUG; the INFO lines are this class's, one per applied migration (see log).
        .loggers(FlywayLog.class.getName())
        .load();
    MigrateResult result;
    try {
      result = flyway.migrate();
    } catch (FlywayValidateException e) {
      throw validationFailed(flyway, e);
    } catch (FlywayMigrateException e) {
      throw migrationFailed(e);
    } catch (FlywayException e) {
      throw otherFailure(e);
    }
    if (!result.success) {
      throw new DataFlowException("Applying the migrations from " + locations + " did not succeed: "
          + String.join("; ", result.warnings == null ? List.of() : result.warnings));
    }
    List<AppliedMigrations.Migration> applied = new ArrayList<>();
    List<Integer> millis = new ArrayList<>();
    if (result.migrations != null) {
      for (MigrateOutput m : result.migrations) {
        applied.add(new AppliedMigrations.Migration(m.version, m.description, fileName(m.filepath)));
        millis.add(m.executionTime);
      }
    }
    String version = applied.isEmpty() ? result.initialSchemaVersion : result.targetSchemaVersion;
    if (version == null || version.isEmpty()) {
      MigrationInfo current = flyway.info().current();
      version = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
    }
    log(applied, millis, version);
    return new AppliedMigrations(applied, version);
  }

  /**
   * At INFO one line per applied migration, or one saying the schema was up to date; the total at DEBUG. Flyway's own
   * lines are at DEBUG ({@link FlywayLog}).
   */
  private void log(List<AppliedMigrations.Migration> applied, List<Integer> millis, String version) {
    for (int i = 0; i < applied.size(); i++) {
      AppliedMigrations.Migration m = applied.get(i);
      LOG.info("Applied migration {} ({}) from {} in {} ms", m.version(), m.description(), m.script(), millis.get(i));
    }
    if (!applied.isEmpty()) {
      LOG.debug("Applied {} migration(s); schema now at version {}", applied.size(), version);
    } else if (version != null) {
      LOG.info("Schema up to date at version {}", version);
    } else {
      LOG.info("No migrations applied: none found in {}", locations);
    }
  }

  private DataFlowException validationFailed(Flyway flyway, FlywayValidateException e) {
    List<String> problems = new ArrayList<>();
    boolean checksum = false;
    try {
      ValidateResult details = flyway.validateWithResult();
      if (details.invalidMigrations != null) {
        for (ValidateOutput invalid : details.invalidMigrations) {
          boolean changed = invalid.errorDetails != null
              && invalid.errorDetails.errorCode == CoreErrorCode.CHECKSUM_MISMATCH;
          checksum |= changed;
          String what = changed
              ? "checksum mismatch: the file was changed after it was applied to this database"
              : invalid.errorDetails == null ? "invalid" : invalid.errorDetails.errorMessage;
          String name = invalid.version == null || invalid.version.isEmpty()
              ? invalid.description : "version " + invalid.version + " (" + invalid.description + ")";
          problems.add("migration " + name + ": " + what);
        }
      }
    } catch (FlywayException again) {
      e.addSuppressed(again);
    }
    if (problems.isEmpty()) {
      problems.add(e.getMessage());
    }
    StringBuilder message = new StringBuilder("The migrations in ").append(locations)
        .append(" do not match the database's history (").append(HISTORY_TABLE).append("); nothing was applied: ")
        .append(String.join("; ", problems)).append('.');
    if (checksum) {
      message.append(" An applied migration must never be edited: restore the file as it was applied and put the "
          + "change into a new migration (" + GenerateCommand.ANY_BUILD + "). Only if the database already matches the edited file, record the new checksum with "
          + "Flyway's repair (mvn flyway:repair or flyway repair).");
    } else {
      message.append(" Put the migration files back as they were applied, or fix the history with Flyway's "
          + "repair (mvn flyway:repair or flyway repair) when you know the database's real state.");
    }
    return new DataFlowException(message.toString(), e);
  }

  private DataFlowException migrationFailed(FlywayMigrateException e) {
    MigrationInfo migration = e.getMigration();
    String file = migration == null ? "a migration" : migration.getScript();
    String where = migration != null && migration.getPhysicalLocation() != null
        && !migration.getPhysicalLocation().isEmpty() ? " (" + migration.getPhysicalLocation() + ")" : "";
    String line = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
    String inTransaction = e.isExecutableInTransaction()
        ? "It was rolled back: nothing of it was applied, and the migrations before it stay applied. "
        : "It ran outside a transaction, so statements before the failing one may have been applied: check the "
            + "database before starting again. ";
    // The usual cause: the table was first created by createMissingTables(true), then its migration was generated.
    String alreadyExists = "42P07".equals(e.getSqlState())
        ? "If createMissingTables(true) created that object before this migration existed, start on a fresh "
            + "database (or drop the object in this development database). "
        : "";
    return new DataFlowException("Migration " + file + where + " failed" + line + ": " + reason(e) + ". "
        + inTransaction + alreadyExists + "Fix or regenerate the file and start again.", e);
  }

  private DataFlowException otherFailure(FlywayException e) {
    if (e.getErrorCode() == CoreErrorCode.NON_EMPTY_SCHEMA_WITHOUT_SCHEMA_HISTORY_TABLE) {
      return new DataFlowException("The database already has tables but no migration history (" + HISTORY_TABLE
          + "): they were created without these migrations (for example by createMissingTables(true) or by an "
          + "earlier DataFlow). Nothing was applied. Use a fresh database, or tell Flyway which migration version "
          + "the existing tables match, once: mvn flyway:baseline -Dflyway.baselineVersion=<n> (or flyway baseline "
          + "-baselineVersion=<n>), then start again.", e);
    }
    return new DataFlowException("Applying the migrations from " + locations + " failed: " + e.getMessage(), e);
  }

  /** The database's reason: SQLSTATE and PostgreSQL's primary message (never the detail, which quotes rows). */
  private static String reason(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return p.getServerErrorMessage().getMessage() + " (SQLSTATE " + p.getSQLState() + ")";
      }
      if (t instanceof SQLException s && s.getSQLState() != null) {
        return "database error (SQLSTATE " + s.getSQLState() + ")";
      }
    }
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  private static String fileName(String path) {
    if (path == null) {
      return null;
    }
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
