package dev.dataflow.runtime.node;

import dev.dataflow.runtime.model.Suggestions;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes on a value, usually connected from an earlier node's output. Parameters: {@code value} (what to route
 * on), {@code cases} (the branch names: a value routes to the case equal to its string form), {@code default}
 * (optional branch for values matching no case; without it such a value fails the node), {@code data} (optional;
 * what the taken branch carries, default {@code value}). Output: {@code {case: <taken>, <taken>: data}}.
 *
 * <pre>{@code
 * builder.addNode("SwitchNode", "route", Map.of("cases", List.of("en", "fr"), "default", "other"))
 *     .addConnection("session", "language", "route", "value")
 *     .addConnection("session", "user_id", "route", "data")
 *     .addConnection("route", "fr", "french_summary", "user_id");   // skipped unless the language is "fr"
 * }</pre>
 */
public final class SwitchNode implements RoutingNode {
  public static final String TYPE = "SwitchNode";
  public static final String VALUE = "value";
  public static final String CASES = "cases";
  public static final String DEFAULT = "default";
  public static final String DATA = "data";
  public static final String CASE = "case";

  private static final List<ParamSpec> PARAMETERS = List.of(
      ParamSpec.of(VALUE, ParamType.ANY, true, "the value to route on"),
      ParamSpec.of(CASES, ParamType.ANY, true, "list of branch names; a value takes the branch equal to its string form"),
      ParamSpec.of(DEFAULT, ParamType.ANY, false, "branch for values that match no case"),
      ParamSpec.of(DATA, ParamType.ANY, false, "what the taken branch carries (default: value)"));

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ParamSpec> parameters() {
    return PARAMETERS;
  }

  @Override
  public Set<String> branches(Map<String, Object> params) {
    Set<String> branches = new LinkedHashSet<>(cases(params.get(CASES)));
    if (params.get(DEFAULT) instanceof String d) {
      branches.add(d);
    }
    return branches;
  }

  @Override
  public List<ParamProblem> check(Map<String, Object> params, Set<String> connected) {
    try {
      if (!connected.contains(CASES)) {
        List<String> cases = cases(params.get(CASES));
        if (cases.isEmpty()) {
          return List.of(new ParamProblem(CASES, "give at least one case"));
        }
        if (cases.contains(CASE)) {
          return List.of(new ParamProblem(CASES, "'" + CASE + "' is the output key naming the taken branch; "
              + "choose another case name"));
        }
      }
      if (params.containsKey(DEFAULT) && !(params.get(DEFAULT) instanceof String)) {
        return List.of(new ParamProblem(DEFAULT, "expected a branch name (a string)"));
      }
    } catch (InvalidParameterException e) {
      return List.of(new ParamProblem(e.parameter(), e.getMessage().substring(e.parameter().length() + 2)));
    }
    return List.of();
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
    Object value = params.get(VALUE);
    List<String> cases = cases(params.get(CASES));
    String key = value == null ? "null" : value instanceof Enum<?> e ? e.name() : String.valueOf(value);
    String taken = cases.contains(key) ? key : params.get(DEFAULT) instanceof String d ? d : null;
    if (taken == null) {
      // The value itself is not named: it may be personal data.
      throw new InvalidParameterException(VALUE, "the value (a " + (value == null ? "null" : value.getClass()
          .getSimpleName()) + ") matches none of the cases " + cases.stream().map(Suggestions::cut).toList()
          + " and no default branch is given; add a case or a 'default'");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(CASE, taken);
    out.put(taken, params.containsKey(DATA) ? params.get(DATA) : value);
    return out;
  }

  private static List<String> cases(Object cases) {
    if (!(cases instanceof List<?> list)) {
      throw new InvalidParameterException(CASES, "expected a list of branch names");
    }
    List<String> names = new java.util.ArrayList<>();
    for (Object o : list) {
      if (!(o instanceof String || o instanceof Number || o instanceof Boolean)) {
        throw new InvalidParameterException(CASES, "branch names are strings, numbers or booleans");
      }
      names.add(String.valueOf(o));
    }
    return names;
  }
}
