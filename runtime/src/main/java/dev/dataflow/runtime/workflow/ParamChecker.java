package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.ParamProblem;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.Suggestions;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.RowValues;
import dev.dataflow.runtime.sql.FilterCompiler;
import dev.dataflow.runtime.sql.ValueConverter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks one node's parameters against what it declares, before anything runs: unknown names, missing required
 * parameters, and values that would not convert. The same conversions run again at execution, on the final values.
 */
public final class ParamChecker {
  private ParamChecker() {}

  /** Every problem with {@code params} (literal values) and {@code connected} (names filled at run time). */
  public static List<ParamProblem> check(Node node, Map<String, Object> params, Set<String> connected) {
    List<ParamProblem> problems = new ArrayList<>();
    Map<String, ParamSpec> specs = new LinkedHashMap<>();
    for (ParamSpec spec : node.parameters()) {
      specs.put(spec.name(), spec);
    }
    for (String name : params.keySet()) {
      if (!specs.containsKey(name)) {
        problems.add(unknown(name, specs));
      }
    }
    for (String name : connected) {
      if (!specs.containsKey(name) && !params.containsKey(name)) {
        problems.add(unknown(name, specs));
      }
    }
    ModelDescriptor model = node instanceof CrudNode crud ? crud.model() : null;
    for (ParamSpec spec : specs.values()) {
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
        checkValue(spec, params.get(spec.name()), model);
      } catch (InvalidParameterException e) {
        problems.add(new ParamProblem(e.parameter(), stripParameter(e)));
      }
    }
    if (problems.isEmpty()) {
      problems.addAll(node.check(params, connected));
    }
    return problems;
  }

  private static void checkValue(ParamSpec spec, Object value, ModelDescriptor model) {
    String name = spec.name();
    switch (spec.type()) {
      case COLUMN, KEY -> {
        if (value == null) {
          if (!spec.column().nullable()) {
            throw new InvalidParameterException(name, "column " + spec.column().name()
                + " is NOT NULL; give a value or leave the parameter out");
          }
        } else {
          ValueConverter.toJava(spec.column(), value, name);
        }
      }
      case FILTERS -> {
        Map<String, ?> filters = RowValues.asMap(value, name);
        if (model != null) {
          FilterCompiler.compile(model, filters);
        }
      }
      case FIELDS -> {
        Map<String, ?> fields = RowValues.asMap(value, name);
        if (model != null) {
          RowValues.forUpdate(model, fields, name);
        }
      }
      case RECORDS -> {
        List<?> records = RowValues.asList(value, name);
        if (model != null) {
          for (int i = 0; i < records.size(); i++) {
            RowValues.forCreate(model, RowValues.asMap(records.get(i), name + "." + i), name + "." + i);
          }
        }
      }
      case ORDER_BY -> {
        for (String column : RowValues.orderBy(value, name)) {
          String bare = column.startsWith("-") ? column.substring(1) : column;
          if (model != null && model.column(bare) == null) {
            throw new InvalidParameterException(name, "unknown column '" + bare + "'."
                + Suggestions.didYouMean(bare, model.columnsByName().keySet()));
          }
        }
      }
      case ON_CONFLICT -> RowValues.onConflict(value, name);
      case COLUMN_NAMES -> {
        if (model != null) {
          RowValues.conflictColumns(model, value, name);
        }
      }
      case INTEGER -> RowValues.nonNegativeInt(value, name);
      case BOOLEAN -> RowValues.bool(value, name);
      case ANY -> { }
    }
  }

  private static ParamProblem unknown(String name, Map<String, ParamSpec> specs) {
    return new ParamProblem(name, "unknown parameter." + Suggestions.didYouMean(name, specs.keySet())
        + " This node takes " + specs.keySet() + ".");
  }

  private static String stripParameter(InvalidParameterException e) {
    String prefix = e.parameter() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
