package dev.dataflow.runtime.workflow;

/**
 * A connection: the value at {@code fromOutput} (a dotted path) in the output of {@code fromNode} becomes the
 * parameter at {@code toInput} (a dotted path, e.g. {@code filters.session_id}) of {@code toNode}.
 */
public record Edge(String fromNode, String fromOutput, String toNode, String toInput) {
  @Override
  public String toString() {
    return fromNode + "." + fromOutput + " -> " + toNode + "." + toInput;
  }
}
