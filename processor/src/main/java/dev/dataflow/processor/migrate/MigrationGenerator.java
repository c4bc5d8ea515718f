package dev.dataflow.processor.migrate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Compares the current schema with the committed snapshot and, by mode, fails on drift or writes the next migration
 * and snapshot. Reads only schema data; the processor turns the outcome into diagnostics.
 */
public final class MigrationGenerator {
  private final MigrationPlanner planner = new MigrationPlanner();
  private final MigrationSqlRenderer renderer = new MigrationSqlRenderer();

  /** How a run ended. */
  public enum Result {
    /** The models match the snapshot; nothing written. */
    UP_TO_DATE,
    /** Check mode: the models differ from the snapshot; nothing written. */
    DRIFT,
    /** Generate mode: a migration and the snapshot were written. */
    GENERATED,
    /** Some changes are refused ({@link Outcome#problems()}); nothing written. */
    REFUSED,
    /** The folder or snapshot could not be read or written ({@link Outcome#message()}). */
    FAILED
  }

  /**
   * @param result how it ended
   * @param changes the planned changes, one line each
   * @param problems the refused changes
   * @param migration the written migration, or null
   * @param message for {@link Result#FAILED}, what went wrong
   */
  public record Outcome(
      Result result, List<String> changes, List<MigrationProblem> problems, Path migration, String message) {

    public Outcome {
      changes = List.copyOf(changes);
      problems = List.copyOf(problems);
    }

    static Outcome failed(String message) {
      return new Outcome(Result.FAILED, List.of(), List.of(), null, message);
    }
  }

  public Outcome run(MigrationOptions options, SchemaSnapshot current, Declarations declared) {
    MigrationFiles files = new MigrationFiles(options.directory());
    SchemaSnapshot committed;
    try {
      committed = files.readSnapshot();
    } catch (IOException e) {
      return Outcome.failed("could not read " + options.directory().resolve(MigrationFiles.SNAPSHOT) + ": " + e);
    } catch (SnapshotFormatException e) {
      return Outcome.failed(
          "the snapshot " + options.directory().resolve(MigrationFiles.SNAPSHOT) + " " + e.getMessage()
              + "; restore it from version control");
    }
    // Planned even without drift, so a contradictory declaration (a dropped column still mapped) is reported.
    MigrationPlan plan = planner.plan(committed, current, declared);
    if (!plan.problems().isEmpty()) {
      return new Outcome(Result.REFUSED, plan.changes(), plan.problems(), null, null);
    }
    if (committed.equals(current)) {
      return new Outcome(Result.UP_TO_DATE, List.of(), List.of(), null, null);
    }
    if (options.mode() == MigrationOptions.Mode.CHECK) {
      return new Outcome(Result.DRIFT, plan.changes(), List.of(), null, null);
    }
    try {
      int version = files.nextVersion();
      String description =
          options.description() == null
              ? MigrationFiles.describe(plan.slugs())
              : MigrationFiles.sanitize(options.description());
      String fileName = "V" + version + "__" + description + ".sql";
      Path written =
          files.write(version, description, MigrationFiles.migrationText(fileName, plan, renderer), current);
      return new Outcome(Result.GENERATED, plan.changes(), List.of(), written, null);
    } catch (IOException e) {
      return Outcome.failed("could not write the migration to " + options.directory() + ": " + e);
    }
  }
}
