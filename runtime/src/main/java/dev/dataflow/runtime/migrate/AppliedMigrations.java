package dev.dataflow.runtime.migrate;

import java.util.List;

/**
 * What one {@link SchemaMigrator#migrate()} did.
 *
 * @param applied the migrations this call applied, in order (empty when the schema was up to date)
 * @param schemaVersion the schema's version afterwards, or null when no versioned migration was ever applied
 */
public record AppliedMigrations(List<Migration> applied, String schemaVersion) {
  public AppliedMigrations {
    applied = List.copyOf(applied);
  }

  /**
   * One applied migration.
   *
   * @param version its version ({@code 2})
   * @param description its description ({@code add session title})
   * @param script its file name relative to its location ({@code V2__add_session_title.sql})
   */
  public record Migration(String version, String description, String script) {}
}
