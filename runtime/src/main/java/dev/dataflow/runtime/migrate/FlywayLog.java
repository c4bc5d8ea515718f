package dev.dataflow.runtime.migrate;

import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Flyway's own logging, through SLF4J under Flyway's logger names ({@code org.flywaydb.core...}), one level down: its
 * running commentary at INFO ("Database: ...", "Successfully validated 3 migrations", "Current version of schema",
 * "Migrating schema ... to version ...", "Successfully applied 3 migrations") and its notices become DEBUG; its
 * warnings and errors stay WARN and ERROR. What a user wants at INFO, one line per applied migration, is logged by
 * {@link SchemaMigrator} from Flyway's result. Set {@code org.flywaydb} to DEBUG to see Flyway's lines again.
 *
 * <p>Flyway creates it by name ({@code loggers(FlywayLog.class.getName())} in {@link SchemaMigrator}), hence the
 * public no-argument constructor. The setting is the {@code Flyway} instance's own; an application's Flyway,
 * configured separately, logs as it is configured.
 */
public final class FlywayLog implements LogCreator {
  /** For Flyway, which instantiates it by name. */
  public FlywayLog() {}

  @Override
  public Log createLogger(Class<?> clazz) {
    return new Demoted(LoggerFactory.getLogger(clazz));
  }

  /** Flyway's INFO and NOTICE at DEBUG; everything else at its own level. */
  private record Demoted(Logger logger) implements Log {
    @Override
    public void debug(String message) {
      logger.debug(message);
    }

    @Override
    public void info(String message) {
      logger.debug(message);
    }

    @Override
    public void notice(String message) {
      logger.debug(message);
    }

    @Override
    public void warn(String message) {
      logger.warn(message);
    }

    @Override
    public void error(String message) {
      logger.error(message);
    }

    @Override
    public void error(String message, Exception e) {
      logger.error(message, e);
    }
  }
}
