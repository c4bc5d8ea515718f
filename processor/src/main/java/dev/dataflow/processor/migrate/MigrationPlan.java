package dev.dataflow.processor.migrate;

import java.util.List;

/**
 * What it takes to go from the committed snapshot to the current models.
 *
 * @param changes one line per change, for the migration's header and for check mode's report
 * @param slugs short names of the main changes ({@code create_users}, {@code add_users_email}), for the file name
 * @param steps the DDL statements, in an order PostgreSQL accepts
 * @param problems the changes refused; when there is any, nothing may be written
 */
public record MigrationPlan(
    List<String> changes, List<String> slugs, List<MigrationStep> steps, List<MigrationProblem> problems) {

  public MigrationPlan {
    changes = List.copyOf(changes);
    slugs = List.copyOf(slugs);
    steps = List.copyOf(steps);
    problems = List.copyOf(problems);
  }
}
