package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.model.Suggestions;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one node's parameters against what it declares, before anything runs: unknown names, missing required
 * parameters, and each given value against its {@link ParamSpec#check()}; then the node's own rules between
 * parameters ({@link Node#check}). At run time it checks the values connections brought the same way
 * ({@link #checkConnected}). It knows any node only through that interface.
 */
public final class ParamChecker {
  private ParamChecker() {}

  /** Every problem with {@code params} (literal values) and {@code connected} (names filled at run time). */
  public static List<ParamProblem> check(Node node, Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>();
    List<ParamSpec> declared = node.parameters();
    for (String name : params.keySet()) {
      if (find(declared, name) == null) {
        problems.add(unknown(node, name, declared));
      }
    }
    for (String name : connected) {
      if (find(declared, name) == null && !params.containsKey(name)) {
        problems.add(unknown(node, name, declared));
      }
    }
    for (ParamSpec spec : declared) {
      boolean given = params.containsKey(spec.name());
      if (!given) {
        if (spec.required() && !connected.contains(spec.name())) {
          problems.add(new ParamProblem(spec.name(), "required parameter is missing (" + spec.description()
              + "); give it in the node's parameters or connect it from another node's output"));
        }
        continue;
      }
      if (connected.contains(spec.name()) && !(params.get(spec.name()) instanceof Map)) {
        continue; // the connected value replaces the literal one; it is checked when the node runs
      }
      try {
        spec.check().check(params.get(spec.name()), spec.name());
      } catch (InvalidParameterException e) {
        problems.add(new ParamProblem(e.parameter(), e.reason()));
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(node.check(params, connected));
    }
    return problems;
  }

  /**
   * The problems of a run's overrides: {@code params} are the node's literal parameters (checked when the workflow
   * was built) with the {@code overridden} names replaced. Unknown names and the values of the overridden names are
   * checked against their specs, then the node's own rules between all parameters; the values the workflow was built
   * with are not converted again.
   */
  public static List<ParamProblem> checkOverrides(Node node, Map<String, Object> params, Set<String> overridden,
      Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>();
    for (String name : overridden) {
      ParamSpec spec = find(node.parameters(), name);
      if (spec == null) {
        problems.add(unknown(node, name, node.parameters()));
        continue;
      }
      if (connected.contains(name) && !(params.get(name) instanceof Map)) {
        continue; // the connected value replaces the literal one; it is checked when the node runs
      }
      try {
        spec.check().check(params.get(name), name);
      } catch (InvalidParameterException e) {
        problems.add(new ParamProblem(e.parameter(), e.reason()));
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(node.check(params, connected));
    }
    return problems;
  }

  private static ParamSpec find(List<ParamSpec> specs, String name) {
    for (ParamSpec spec : specs) {
      if (spec.name().equals(name)) {
        return spec;
      }
    }
    return null;
  }

  /**
   * Checks, before a node runs, each parameter that a connection filled (whole, even when the connection filled one
   * path inside it) against its spec.
   *
   * @throws InvalidParameterException the first value its spec refuses
   */
  public static void checkConnected(Node node, Map<String, Object> input, List<Edge> edgesInto) {
    if (edgesInto.isEmpty()) {
      return;
    }
    Set<String> connected = new LinkedHashSet<>();
    for (Edge edge : edgesInto) {
      connected.add(Paths.head(edge.toInput()));
    }
    for (ParamSpec spec : node.parameters()) {
      if (connected.contains(spec.name()) && input.containsKey(spec.name())) {
        spec.check().check(input.get(spec.name()), spec.name());
      }
    }
  }

  /**
   * The problem of a parameter the node does not declare: the node's reason when it has one, else "unknown"; the name
   * is echoed {@link Suggestions#cut cut}.
   */
  private static ParamProblem unknown(Node node, String name, List<ParamSpec> declared) {
    String reason = node.undeclaredParameterReason(name);
    if (reason != null) {
      return new ParamProblem(Suggestions.cut(name), reason);
    }
    Set<String> names = new LinkedHashSet<>();
    for (ParamSpec spec : declared) {
      names.add(spec.name());
    }
    return new ParamProblem(Suggestions.cut(name), "unknown parameter." + Suggestions.didYouMean(name, names)
        + " This node takes " + names + ".");
  }
}
