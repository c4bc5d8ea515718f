package dev.dataflow.runtime;

import java.util.Map;

/**
 * For tests in other modules (in the test-jar): a builder that reads its environment variables ({@code DATABASE_URL},
 * {@code DATAFLOW_EMBEDDED}) from a map instead of the process's environment.
 */
public final class TestBuilders {
  private TestBuilders() {}

  /** {@code DataFlow.builder()} with {@code variables} as its whole environment. */
  public static DataFlow.Builder withEnvironment(Map<String, String> variables) {
    return DataFlow.builder().environment(variables);
  }
}
