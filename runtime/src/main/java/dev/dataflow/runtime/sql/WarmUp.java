package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.List;
import java.util.Map;

/**
 * Loads and initialises, off the caller's thread, what the first filtered List, Count or JSON value would otherwise
 * pay for on a request: jOOQ's rendering classes (several hundred) and Jackson's. {@code DataFlow.build()} starts it
 * on a daemon thread while it connects and migrates, so a short-lived process's first node calls do not wait for class
 * loading. It renders and serialises only; it never touches a database, and a failure is ignored (the first real call
 * then pays, as before). After it, the same thread builds a few workflows of the first model and scrubs a sample text
 * (see {@code DataFlow.Builder.warmUpEngine}).
 */
public final class WarmUp {
  private WarmUp() {}

  /** Renders a filtered select, count and exists of {@code model} and writes and reads a small JSON document. */
  public static void run(ModelDescriptor model) {
    String key = model.keyColumn().name();
    // an equality (the commonest filter) and range and list operators, ANDed
    Map<String, Object> filters = Map.of("$and", List.of(Map.of(key, 1), Map.of(key, Map.of("$gte", 1,
        "$in", List.of(1, 2)))));
    var condition = FilterCompiler.compile(model, filters);
    SqlRenderer.select(model, condition, List.of("-" + key), 20, 0);
    SqlRenderer.count(model, condition);
    SqlRenderer.exists(model, condition);
    Json.read(Json.write(Map.of("warm", List.of(1, "up", true))));
  }
}
