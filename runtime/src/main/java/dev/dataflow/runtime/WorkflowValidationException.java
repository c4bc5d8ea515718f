package dev.dataflow.runtime;

import dev.dataflow.runtime.model.Suggestions;
import java.util.List;

/**
 * {@link WorkflowBuilder#build()} (or an override passed to {@link LocalRuntime}) refused a workflow. Nothing ran.
 * The message lists every problem found, each naming its node, node type and parameter.
 */
public class WorkflowValidationException extends DataFlowException {
  private final List<Problem> problems;

  public WorkflowValidationException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in the order the workflow declares its nodes. */
  public List<Problem> problems() {
    return problems;
  }

  private static String render(List<Problem> problems) {
    StringBuilder sb = new StringBuilder("Invalid workflow (")
        .append(problems.size()).append(problems.size() == 1 ? " problem):" : " problems):");
    for (Problem p : problems) {
      sb.append("\n  - ").append(p);
    }
    return sb.toString();
  }

  /**
   * One problem.
   *
   * @param nodeId the node at fault, or null for a problem of the whole workflow (a cycle names its nodes)
   * @param nodeType that node's type, or null when unknown
   * @param parameter the parameter at fault, or null
   * @param message what is wrong and what to write instead
   */
  public record Problem(String nodeId, String nodeType, String parameter, String message) {
    /** The problem as the exception's message lists it; the node id and type are {@link Suggestions#cut cut}. */
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (nodeId != null) {
        sb.append("node '").append(Suggestions.cut(nodeId)).append('\'');
        if (nodeType != null) {
          sb.append(" (").append(Suggestions.cut(nodeType)).append(')');
        }
        sb.append(": ");
      }
      if (parameter != null) {
        sb.append("parameter '").append(parameter).append("': ");
      }
      return sb.append(message).toString();
    }
  }
}
