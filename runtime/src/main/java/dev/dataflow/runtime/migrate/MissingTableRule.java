package dev.dataflow.runtime.migrate;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.List;

/**
 * Decides, after the migrations ran, about a registered model whose table still does not exist: without a
 * migration for it, start fails with the command that generates one, unless development mode
 * ({@code createMissingTables}) lets {@link TableCreator} create it from the model's DDL; with a migration for it
 * (the snapshot lists the table), the snapshot and the migration files disagree, which no mode papers over.
 */
public final class MissingTableRule implements TableCreator.MissingTablePolicy {
  private final MigrationCoverage coverage;
  private final List<String> locations;
  private final boolean createMissingTables;

  public MissingTableRule(MigrationCoverage coverage, List<String> locations, boolean createMissingTables) {
    this.coverage = coverage;
    this.locations = List.copyOf(locations);
    this.createMissingTables = createMissingTables;
  }

  @Override
  public String refuse(ModelDescriptor model) {
    if (coverage.covers(model.table())) {
      return "model " + model.modelClassName() + ": the migration snapshot " + coverage.snapshotOf(model.table())
          + " lists table " + model.table() + ", but no migration in " + locations + " created it: the snapshot "
          + "and the migration files disagree. Regenerate the migrations (" + GenerateCommand.forModel(model)
          + ") and start again";
    }
    if (createMissingTables) {
      return null;
    }
    return "model " + model.modelClassName() + " has no table " + model.table() + " and no migration in "
        + locations + " creates it. Generate its migration (" + GenerateCommand.forModel(model) + ") and start "
        + "again; or, for prototypes and tests only, build DataFlow with createMissingTables(true) to create the "
        + "table from the model's DDL";
  }
}
