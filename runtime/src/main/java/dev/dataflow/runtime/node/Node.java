package dev.dataflow.runtime.node;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit of work in a workflow. The processor generates nine per {@code @Model}; applications may write their own.
 * A node is stateless and thread-safe: one instance serves every workflow that uses its type.
 */
public interface Node {
  /** The type name workflows refer to, for example {@code ConversationSessionCreateNode}. */
  String type();

  /** The parameters this node declares; workflows are validated against them before they run. */
  List<ParamSpec> parameters();

  /**
   * Runs the node.
   *
   * @param context the run, the node id and database access
   * @param params the node's parameters after connections and overrides are applied; keys are declared names
   * @return the node's output, read by later nodes through connections and by the caller through the result
   */
  Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception;

  /**
   * Checks rules between parameters that {@link #parameters()} cannot express (for example "{@code id} or
   * {@code filters}"), before the workflow runs. Each parameter's own type is already checked.
   *
   * @param params the literal parameters given in the workflow
   * @param connected the parameters that a connection will fill at run time
   * @return the problems found; empty when the parameters are acceptable
   */
  default List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    return List.of();
  }
}
