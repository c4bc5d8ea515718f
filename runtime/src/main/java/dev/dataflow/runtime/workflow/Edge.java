package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.model.Suggestions;

/**
 * A connection: the value at {@code fromOutput} (a dotted path) in the output of {@code fromNode} becomes the
 * parameter at {@code toInput} (a dotted path, e.g. {@code filters.session_id}) of {@code toNode}.
 */
public record Edge(String fromNode, String fromOutput, String toNode, String toInput) {
  /** {@code from.output -> to.input}, each part {@link Suggestions#cut cut} as every echoed name is. */
  @Override
  public String toString() {
    return Suggestions.cut(fromNode) + "." + Suggestions.cut(fromOutput) + " -> " + Suggestions.cut(toNode) + "."
        + Suggestions.cut(toInput);
  }
}
