package dev.dataflow.processor.migrate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Part of a migration plan, as one of the planner's helpers found it: statements, each in the phase of the migration
 * it runs in; change lines with their file-name slugs; refused changes. A helper builds its own part and returns it;
 * {@link MigrationPlanner} adds the parts up in planning order, and {@link #toPlan()} orders the statements by phase,
 * keeping planning order within a phase.
 */
final class PlanPart {

  /** The phases of a migration, in the order their statements run. */
  enum Phase {
    RENAME,
    DROP_FOREIGN_KEY,
    DROP_CONSTRAINT,
    DROP_INDEX,
    RENAME_CONSTRAINT,
    DROP_COLUMN,
    DROP_TABLE,
    CREATE_TABLE,
    CONVERT_TABLE,
    ADD_COLUMN,
    ALTER_COLUMN,
    ADD_CONSTRAINT,
    ADD_INDEX,
    ADD_FOREIGN_KEY
  }

  private final Map<Phase, List<MigrationStep>> steps = new EnumMap<>(Phase.class);
  private final List<String> changes = new ArrayList<>();
  private final List<String> slugs = new ArrayList<>();
  private final List<MigrationProblem> problems = new ArrayList<>();

  /** A statement that runs in {@code phase}. */
  void step(Phase phase, MigrationStep step) {
    steps.computeIfAbsent(phase, p -> new ArrayList<>()).add(step);
  }

  /**
   * A change line, for the migration's header and check mode's report.
   *
   * @param slug the change's short name for the file name, or null for a change that should not name the migration
   *     (a constraint following a rename)
   */
  void change(String summary, String slug) {
    changes.add(summary);
    if (slug != null) {
      slugs.add(slug);
    }
  }

  /** A change that is refused; see {@link MigrationProblem}. */
  void refuse(String table, String column, String message) {
    problems.add(new MigrationProblem(table, column, message));
  }

  /** Appends {@code other}'s statements, changes and problems after this part's own; returns this part. */
  PlanPart add(PlanPart other) {
    other.steps.forEach((phase, list) -> steps.computeIfAbsent(phase, p -> new ArrayList<>()).addAll(list));
    changes.addAll(other.changes);
    slugs.addAll(other.slugs);
    problems.addAll(other.problems);
    return this;
  }

  MigrationPlan toPlan() {
    List<MigrationStep> ordered = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      ordered.addAll(steps.getOrDefault(phase, List.of()));
    }
    return new MigrationPlan(changes, slugs, ordered, problems);
  }
}
