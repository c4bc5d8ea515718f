package dev.dataflow.runtime.node;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A unit of work in a workflow. The processor generates nine per {@code @Model}; applications may write their own.
 * A node is stateless and thread-safe: one instance serves every workflow that uses its type.
 *
 * <p>Everything the engine knows of a node it learns through this interface: its parameters and how each is checked
 * ({@link ParamSpec}), rules between parameters ({@link #check}), what of its parameters may be logged, and the rows
 * it wrote ({@link NodeContext#addRowsAffected}).
 */
public interface Node {
  /** What {@link #loggableParameters} puts in place of a value it cannot vouch for. */
  String NOT_LOGGED = "<not logged>";

  /** The type name workflows refer to, for example {@code ConversationSessionCreateNode}. */
  String type();

  /** The parameters this node declares; workflows are validated against them before they run. */
  List<ParamSpec> parameters();

  /**
   * Runs the node.
   *
   * @param context the run, the node id and database access
   * @param params the node's parameters after connections and overrides are applied; keys are declared names. The
   *     map cannot be changed, and neither can the maps and lists of literal or overriding values in it (they are
   *     the workflow's own, shared by every run): copy what the node needs to change
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

  /**
   * What this node's output holds of a model, for {@code WorkflowResult.get(nodeId, Model.class)} and
   * {@code records(nodeId, Model.class)}; null (the default) when it holds no model rows.
   */
  default ModelOutput modelOutput() {
    return null;
  }

  /**
   * The top-level keys this node's output may hold, or null when it does not say (the default). When declared,
   * {@code build()} refuses a connection whose output path starts with any other key, naming the node's outputs,
   * instead of the run failing at that connection after earlier nodes have committed. A key may be absent from one
   * output (a Read that found nothing has only {@code found}); it must never be missing from this set.
   */
  default Set<String> outputs() {
    return null;
  }

  /**
   * Whether this node only reads: it changes no row, takes no lock that matters and sets no session state. With read
   * replicas ({@code DataFlow.builder().readReplicaUrl(...)}), a read-only node of a {@code PER_NODE} run may run on
   * a replica, which may be a little behind the primary; the engine sends it to the primary once a node that writes
   * has started in the same run. False (the default) for any node that may write: say true only when that is so,
   * because a replica refuses writes. Read, List, Count and Exists are read-only.
   */
  default boolean readOnly() {
    return false;
  }

  /**
   * Why {@code path}, a dotted path into this node's output whose first segment {@link #outputs()} lists, can never
   * reach a value, or null when it may (the default: the node does not say). {@code build()} refuses a connection
   * from such a path with this reason, so that {@code records.first} (no index) or {@code member_id.name} (into a
   * plain column) fails before anything runs rather than at that connection. Paths into data whose shape only the
   * data knows, such as a JSONB document, are never refused.
   *
   * @return what is wrong and what to write instead, echoing input cut ({@code Suggestions.cut}), never a value
   */
  default String outputPathProblem(String path) {
    return null;
  }

  /**
   * Why {@code name}, a parameter this node does not declare, may not be given, or null when it is just unknown (the
   * check then suggests the closest declared name). A model node explains the columns DataFlow fills itself, such as
   * {@code created_at} or the {@code @PiiScrubbed} flag, so that a workflow giving one is told to leave it out.
   */
  default String undeclaredParameterReason(String name) {
    return null;
  }

  /**
   * The parameters as they may be logged (only with {@code ExecutionOptions.logParameterValues()}): a copy in which
   * every value that may be personal data is replaced. By default every value is {@value #NOT_LOGGED}; a node that
   * knows which of its values are safe says so here.
   */
  default Map<String, Object> loggableParameters(Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : params.keySet()) {
      out.put(name, NOT_LOGGED);
    }
    return out;
  }
}
