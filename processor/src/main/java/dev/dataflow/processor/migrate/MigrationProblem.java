package dev.dataflow.processor.migrate;

/**
 * A change the planner refuses to generate, with what to do instead in the message.
 *
 * @param table the current table it concerns (the processor reports at its model), or a table that no model maps
 *     to any more (reported without an element)
 * @param column the current column it concerns (reported at its field), or null for the table as a whole
 * @param message what is wrong and what to write instead
 */
public record MigrationProblem(String table, String column, String message) {}
