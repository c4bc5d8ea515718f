package dev.dataflow.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints JMH's JSON result ({@code -rf json -rff result.json}) as a Markdown table: each DataFlow benchmark next
 * to the {@code jdbc} benchmark of its class, with their ratio (DataFlow time / JDBC time; 1.00 is parity, 1.10 is
 * 10 % slower).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.dataflow.benchmarks.RatioReport result.json
 * </pre>
 */
public final class RatioReport {
  private static final String BASELINE = "jdbc";

  private RatioReport() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: RatioReport <jmh result.json>");
      System.exit(2);
    }
    System.out.print(render(new ObjectMapper().readTree(new File(args[0]))));
  }

  /** One measured benchmark: its average and error, median of iteration scores, unit. */
  record Score(String method, double average, double error, double median, String unit) {}

  static String render(JsonNode results) {
    Map<String, Map<String, Score>> byClass = new LinkedHashMap<>();
    for (JsonNode result : results) {
      String benchmark = result.get("benchmark").asText();
      int dot = benchmark.lastIndexOf('.');
      String owner = benchmark.substring(benchmark.lastIndexOf('.', dot - 1) + 1, dot);
      String method = benchmark.substring(dot + 1);
      JsonNode metric = result.get("primaryMetric");
      JsonNode percentiles = metric.get("scorePercentiles");
      double median = percentiles != null && percentiles.has("50.0")
          ? percentiles.get("50.0").asDouble() : Double.NaN;
      byClass.computeIfAbsent(owner, k -> new LinkedHashMap<>()).put(method, new Score(method,
          metric.get("score").asDouble(), metric.get("scoreError").asDouble(), median,
          metric.get("scoreUnit").asText()));
    }
    StringBuilder out = new StringBuilder();
    out.append("| operation | DataFlow benchmark | DataFlow avg ± err | DataFlow median | JDBC avg ± err | JDBC median"
        + " | ratio (avg) | ratio (median) |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, Map<String, Score>> e : byClass.entrySet()) {
      Score jdbc = e.getValue().get(BASELINE);
      List<Score> others = new ArrayList<>();
      for (Score s : e.getValue().values()) {
        if (!s.method().equals(BASELINE)) {
          others.add(s);
        }
      }
      for (Score s : others) {
        out.append("| ").append(e.getKey().replace("Benchmark", "")).append(" | ").append(s.method())
            .append(" | ").append(fmt(s.average(), s.error(), s.unit()))
            .append(" | ").append(num(s.median()))
            .append(" | ").append(jdbc == null ? "–" : fmt(jdbc.average(), jdbc.error(), jdbc.unit()))
            .append(" | ").append(jdbc == null ? "–" : num(jdbc.median()))
            .append(" | ").append(jdbc == null ? "–" : ratio(s.average(), jdbc.average()))
            .append(" | ").append(jdbc == null ? "–" : ratio(s.median(), jdbc.median()))
            .append(" |\n");
      }
    }
    return out.toString();
  }

  private static String fmt(double score, double error, String unit) {
    return Double.isNaN(error) ? num(score) + " " + unit : num(score) + " ± " + num(error) + " " + unit;
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v >= 100 ? "%.0f" : "%.1f", v);
  }

  private static String ratio(double dataflow, double jdbc) {
    return Double.isNaN(dataflow) || Double.isNaN(jdbc) || jdbc == 0 ? "–"
        : String.format(Locale.ROOT, "%.2f", dataflow / jdbc);
  }
}
