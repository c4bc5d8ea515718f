package dev.dataflow.runtime.workflow;

import java.util.Map;

/** Moves a value along one connection at run time. */
public final class RunConnections {
  private RunConnections() {}

  /**
   * Copies the value at the edge's output path into the target's input.
   *
   * @return null on success, else what went wrong (naming paths, never values)
   */
  public static String apply(Edge edge, Map<String, Object> sourceOutput, Map<String, Object> input) {
    Object value;
    try {
      value = Paths.get(sourceOutput == null ? Map.of() : sourceOutput, edge.fromOutput());
    } catch (IllegalArgumentException e) {
      return "the output of node '" + edge.fromNode() + "' " + e.getMessage();
    }
    try {
      Paths.put(input, edge.toInput(), value);
    } catch (IllegalArgumentException e) {
      return "the input path " + e.getMessage();
    }
    return null;
  }
}
