package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.testing.Captured;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.models.testing.TestNodes;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.ExecutionOptions;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowExecutionException;
import dev.dataflow.runtime.WorkflowValidationException;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.sql.PostgresLimits;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Input that used to crash a workflow, change what was stored or give a huge or unclear message (issue 8) is refused
 * with a short message naming the parameter, and the tables stay as they were. One test per kind of input. Every
 * refusal is checked the same way ({@link #refusal}): nothing written, every message in the chain under 1,000
 * characters, the parameter named, the value never quoted.
 */
class InputLimitsTest extends DatabaseTest {
  /** Stands for personal data inside refused values: no message may contain it. */
  private static final String SECRET = "6591234567";
  private static final NodeRegistry REGISTRY = TestNodes.registry();
  private static final ExecutionOptions QUIET = ExecutionOptions.builder().logging(false).build();

  private List<String> allTypes;
  private List<String> measurements;

  @BeforeEach
  void seed() {
    Tables.execute(db, "TRUNCATE all_types, measurements RESTART IDENTITY");
    run("AllTypesCreateNode", Map.of("text", "a", "score", 1.0, "code", "c1", "attributes", Map.of("source", "web")));
    run("AllTypesCreateNode", Map.of("text", "b", "score", 2.0, "code", "c2"));
    run("MeasurementCreateNode", Map.of("label", "m", "quantity", 1, "rate", "1.50", "reading", 2.0, "total", 5.0));
    allTypes = Tables.snapshot(db, "all_types");
    measurements = Tables.snapshot(db, "measurements");
  }

  // ------------------------------------------------------------------------------------------------ the checks

  /**
   * Checks a refusal: the tables are unchanged, every message in the chain is short, the parameter is named (as
   * {@code parameter}, or starting with it when it ends in {@code ...}) and {@link #SECRET} appears nowhere.
   *
   * @return the first message, for checks of its wording
   */
  private String refusal(DataFlowException e, String parameter) {
    assertEquals(allTypes, Tables.snapshot(db, "all_types"), "all_types must be unchanged");
    assertEquals(measurements, Tables.snapshot(db, "measurements"), "measurements must be unchanged");
    String named = e instanceof WorkflowValidationException v ? v.problems().get(0).parameter()
        : ((WorkflowExecutionException) e).parameter();
    if (parameter.endsWith("...")) {
      assertTrue(named.startsWith(parameter.substring(0, parameter.length() - 3)), named);
    } else {
      assertEquals(parameter, named);
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      assertTrue(message.length() < 1000, "a message of " + message.length() + " characters: "
          + message.substring(0, Math.min(message.length(), 2000)));
      assertFalse(message.contains(SECRET), "the value must not be quoted: " + message);
    }
    assertTrue(e.getMessage().contains(named), e.getMessage());
    return e.getMessage();
  }

  /** The problem {@code build()} finds with one node of these parameters. */
  private String refusedAtBuild(String type, Map<String, ?> params, String parameter) {
    return refusal(assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder(REGISTRY).addNode(type, "n", params).build()), parameter);
  }

  /**
   * The failure when the parameter {@code connected} gets {@code value} through a connection, so that only the
   * check before the node runs sees it.
   */
  private String refusedAtRun(String type, Map<String, ?> params, String connected, Object value, String parameter) {
    Map<String, Object> values = new HashMap<>();
    values.put("v", value);
    Workflow workflow = new WorkflowBuilder(REGISTRY)
        .addNode("EmitNode", "source", Map.of("values", values))
        .addNode(type, "n", params)
        .addConnection("source", "v", "n", connected)
        .build();
    return refusal(assertThrows(WorkflowExecutionException.class, () -> runtime.execute(workflow, QUIET)), parameter);
  }

  /** {@code depth} maps inside one another, the innermost holding {@code leaf}. */
  private static Map<String, Object> nestedJson(int depth, Object leaf) {
    Map<String, Object> root = new HashMap<>();
    Map<String, Object> current = root;
    for (int i = 1; i < depth; i++) {
      Map<String, Object> next = new HashMap<>();
      current.put("k", next);
      current = next;
    }
    current.put(SECRET, leaf);
    return root;
  }

  /** {@code levels} of $and, $or and $not in turn around {@code {"text": SECRET}}. */
  private static Map<String, Object> nestedFilter(int levels) {
    Map<String, Object> filter = Map.of("text", SECRET);
    for (int i = 0; i < levels; i++) {
      filter = switch (i % 3) {
        case 0 -> Map.of("$and", List.of(filter));
        case 1 -> Map.of("$or", List.of(Map.of("code", "x"), filter));
        default -> Map.of("$not", filter);
      };
    }
    return filter;
  }

  private static Map<String, Object> row(Object... keysAndValues) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      row.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return row;
  }

  // -------------------------------------------------------------------------------------------- point 4: limits

  @Test
  void filtersAndJsonNestedDeeperThan64LevelsAreRefusedNotOverflowed() {
    Map<String, Object> deep = nestedFilter(1_000);
    // build(): the literal filter, on a read node and on a write node.
    String message = refusedAtBuild("AllTypesCountNode", Map.of("filters", deep), "filters.$and.0.$not.$or.1.$and.0...");
    assertTrue(message.contains("nest at most 64 levels"), message);
    refusedAtBuild("AllTypesDeleteNode", Map.of("filters", deep), "filters.$and.0.$not...");
    // execute(): a filter that arrives through a connection, and one given as an override.
    refusedAtRun("AllTypesUpdateNode", Map.of("fields", Map.of("text", "z")), "filters", deep, "filters.$and.0.$not...");
    Workflow count = new WorkflowBuilder(REGISTRY).addNode("AllTypesCountNode", "n", Map.of()).build();
    refusal(assertThrows(WorkflowValidationException.class,
        () -> runtime.execute(count, Map.of("n", Map.of("filters", deep)), QUIET)), "filters.$and.0.$not...");
    // Logging the parameters walks the deep filter too: it is cut, not overflowed, and the node is refused.
    ExecutionOptions logValues = ExecutionOptions.builder().logging(false).logParameterValues(true).build();
    Workflow connected = new WorkflowBuilder(REGISTRY)
        .addNode("EmitNode", "source", Map.of("values", Map.of("v", deep)))
        .addNode("AllTypesCountNode", "n", Map.of())
        .addConnection("source", "v", "n", "filters")
        .build();
    String log = Captured.err(() -> refusal(assertThrows(WorkflowExecutionException.class,
        () -> runtime.execute(connected, logValues)), "filters.$and.0.$not..."));
    assertTrue(log.contains("<nested too deep>"), log.substring(0, Math.min(log.length(), 2000)));

    // JSON values: $contains with JSON 10,000 deep, and a JSON column's value, literal and connected.
    message = refusedAtBuild("AllTypesListNode",
        Map.of("filters", Map.of("attributes", Map.of("$contains", nestedJson(10_000, 1)))),
        "filters.attributes.$contains");
    assertTrue(message.contains("nested more than 64 levels deep"), message);
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "attributes", nestedJson(10_000, 1)),
        "attributes");
    refusedAtBuild("AllTypesBulkCreateNode", Map.of("records", List.of(Map.of("text", "c", "score", 3.0),
        Map.of("text", "d", "score", 4.0, "tags", List.of(nestedJson(65, 1))))), "records.1.tags");
    refusedAtRun("AllTypesCreateNode", Map.of("text", "c", "score", 3.0), "attributes", nestedJson(10_000, 1),
        "attributes");
    // 64 levels are the limit, not beyond it: stored and read back.
    Map<String, Object> created = run("AllTypesCreateNode",
        Map.of("text", "c", "score", 3.0, "attributes", nestedJson(PostgresLimits.MAX_DEPTH, "leaf")));
    assertEquals(nestedJson(PostgresLimits.MAX_DEPTH, "leaf"), created.get("attributes"));
  }

  @Test
  void datesAndTimesOutsidePostgresRangeAreRefusedWithTheRange() {
    String message = refusedAtBuild("AllTypesCountNode",
        Map.of("filters", Map.of("happened_at", Map.of("$lt", Instant.MAX))), "filters.happened_at.$lt");
    assertTrue(message.contains("4713-01-01 00:00 BC to 294276-12-31 23:59:59.999999 UTC"), message);
    message = refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "day", LocalDate.MAX), "day");
    assertTrue(message.contains("4713-01-01 BC to 5874897-12-31"), message);
    refusedAtBuild("AllTypesCreateNode",
        Map.of("text", "c", "score", 3.0, "local_time", LocalDateTime.of(300_000, 1, 1, 0, 0)), "local_time");
    refusedAtBuild("AllTypesUpdateNode", Map.of("id", 1, "fields", Map.of("scheduled_at", OffsetDateTime.MIN)),
        "fields.scheduled_at");
    message = refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "day", "infinity"), "day");
    assertTrue(message.contains("java.time has no infinite value"), message);
    // pgjdbc would send a date before 4713-01-01 BC as -infinity; BulkCreate writes none of its records.
    refusedAtBuild("AllTypesBulkCreateNode", Map.of("records", List.of(Map.of("text", "c", "score", 3.0),
        Map.of("text", "d", "score", 4.0, "day", LocalDate.of(-4713, 12, 31)))), "records.1.day");
    refusedAtRun("AllTypesCreateNode", Map.of("text", "c", "score", 3.0), "happened_at", Instant.MAX, "happened_at");

    // The edges of the range are stored exactly.
    Map<String, Object> edges = run("AllTypesCreateNode", Map.of("text", "c", "score", 3.0,
        "day", PostgresLimits.MIN_DATE, "happened_at", PostgresLimits.MAX_INSTANT,
        "local_time", PostgresLimits.MAX_TIMESTAMP));
    assertEquals(PostgresLimits.MIN_DATE, edges.get("day"));
    assertEquals(PostgresLimits.MAX_INSTANT, edges.get("happened_at"));
    assertEquals(PostgresLimits.MAX_TIMESTAMP, edges.get("local_time"));
  }

  @Test
  void numericValuesThatWouldBeStoredChangedAreRefused() {
    // pgjdbc would store 1E+131072 as 0.
    String message = refusedAtBuild("MeasurementCreateNode", Map.of("label", "x", "quantity",
        new BigDecimal(SECRET + "E+131072")), "quantity");
    assertTrue(message.contains("131072 digits before the decimal point and 16383 after"), message);
    refusedAtBuild("MeasurementCreateNode", Map.of("label", "x", "quantity", SECRET + "E-16384"), "quantity");
    // NUMERIC(5,2): no rounding, no overflow.
    message = refusedAtBuild("MeasurementCreateNode", Map.of("label", "x", "rate", "1.005"), "rate");
    assertTrue(message.contains("NUMERIC(5,2): at most 3 digits before the decimal point and 2 after"), message);
    refusedAtBuild("MeasurementCreateNode", Map.of("label", "x", "rate", 1234.5), "rate");
    refusedAtBuild("MeasurementUpdateNode", Map.of("id", 1, "fields", Map.of("rate", 0.001)), "fields.rate");
    refusedAtBuild("MeasurementUpdateNode", Map.of("id", 1, "fields", Map.of("rate", Map.of("$inc", "0.001"))),
        "fields.rate.$inc");
    refusedAtBuild("MeasurementBulkUpdateNode", Map.of("records", List.of(Map.of("id", 1, "rate", "2.50"),
        Map.of("id", 1, "rate", "-0.125"))), "records.1.rate");
    refusedAtRun("MeasurementCreateNode", Map.of("label", "x"), "quantity", new BigDecimal("1E+131072"), "quantity");
    // A filter operand beyond PostgreSQL's NUMERIC would be compared as 0; one beyond the column's scale is fine.
    refusedAtBuild("MeasurementDeleteNode", Map.of("filters", Map.of("quantity", Map.of("$gt", "1E+131072"))),
        "filters.quantity.$gt");
    assertEquals(1L, run("MeasurementCountNode", Map.of("filters", Map.of("rate", Map.of("$gt", "1.495")))).get("count"));

    // What fits is stored exactly; trailing zeros are no digits.
    Map<String, Object> stored = run("MeasurementCreateNode",
        Map.of("label", "y", "quantity", "1E+131071", "rate", "999.990"));
    assertEquals(0, new BigDecimal("1E+131071").compareTo((BigDecimal) stored.get("quantity")));
    assertEquals(new BigDecimal("999.99"), stored.get("rate"));
  }

  @Test
  void textWithNulOrUnpairedSurrogatesIsRefusedNamingTheField() {
    String message = refusedAtBuild("AllTypesCreateNode", Map.of("text", SECRET + "\u0000", "score", 3.0), "text");
    assertTrue(message.contains("NUL character"), message);
    // The driver would send '?' in place of a lone surrogate.
    message = refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "code", SECRET + "\uD83D"),
        "code");
    assertTrue(message.contains("unpaired UTF-16 surrogate"), message);
    refusedAtBuild("AllTypesUpdateNode", Map.of("id", 1, "fields", Map.of("text", "\uDE00" + SECRET)), "fields.text");
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "level", "LOW\u0000"), "level");
    // Inside JSON: strings and keys alike.
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0,
        "attributes", Map.of("note", SECRET + "\u0000")), "attributes");
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0,
        "attributes", Map.of(SECRET + "\uD800", 1)), "attributes");
    refusedAtBuild("AllTypesBulkCreateNode", Map.of("records", List.of(Map.of("text", "c", "score", 3.0),
        Map.of("text", "d", "score", 4.0, "tags", List.of("ok", SECRET + "\uDBFF")))), "records.1.tags");
    // Filters: a value and a pattern.
    refusedAtBuild("AllTypesDeleteNode", Map.of("filters", Map.of("text", SECRET + "\u0000")), "filters.text");
    refusedAtBuild("AllTypesCountNode", Map.of("filters", Map.of("text", Map.of("$like", "%\uDC00%"))),
        "filters.text.$like");
    refusedAtRun("AllTypesCreateNode", Map.of("score", 3.0), "text", SECRET + "\u0000", "text");

    // A surrogate pair is a character like any other.
    assertEquals("emoji \uD83D\uDE00", run("AllTypesCreateNode",
        Map.of("text", "emoji \uD83D\uDE00", "score", 3.0)).get("text"));
  }

  @Test
  void namesEchoedInMessagesAreCutTo64Characters() {
    // A name is no value, so it is echoed, but never more than 64 characters of it.
    String name = "x" + "n".repeat(10_000_000);
    String cut = name.substring(0, 64) + "...";
    refusedAtBuild("AllTypesCountNode", Map.of("filters", Map.of(name, 1)), "filters." + cut);
    refusedAtBuild("AllTypesCountNode", Map.of("filters", Map.of("count", Map.of("$" + name, 1))),
        "filters.count.$xnnn...");
    refusedAtBuild("AllTypesCountNode", Map.of("filters", Map.of("$" + name, List.of())), "filters.$xnnn...");
    String message = refusedAtBuild("AllTypesListNode", Map.of("order_by", List.of("-" + name)), "order_by");
    assertTrue(message.contains("unknown column '" + cut + "'"), message);
    refusedAtBuild("AllTypesUpdateNode", Map.of("id", 1, "fields", Map.of(name, 1)), "fields." + cut);
    refusedAtBuild("AllTypesUpdateNode", Map.of("id", 1, "fields", Map.of("count", Map.of("$" + name, 1))),
        "fields.count.$xnnn...");
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, name, 1), cut);
    // Node types and node ids, in build() and in execute()'s overrides.
    assertShort(assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder(REGISTRY).addNode(name, "n", Map.of()).build()));
    assertShort(assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder(REGISTRY)
        .addNode("AllTypesCountNode", name, Map.of()).addNode("AllTypesCountNode", name, Map.of()).build()));
    assertShort(assertThrows(WorkflowValidationException.class, () -> new WorkflowBuilder(REGISTRY)
        .addNode("AllTypesCountNode", "n", Map.of()).addConnection(name, "count", "n", "limit").build()));
    Workflow count = new WorkflowBuilder(REGISTRY).addNode("AllTypesCountNode", "n", Map.of()).build();
    assertShort(assertThrows(WorkflowValidationException.class,
        () -> runtime.execute(count, Map.of(name, Map.of()), QUIET)));
  }

  /** A refusal of a node or connection rather than a parameter: nothing written, short, the name echoed cut. */
  private void assertShort(WorkflowValidationException e) {
    assertEquals(allTypes, Tables.snapshot(db, "all_types"));
    assertTrue(e.getMessage().length() < 1000, "a message of " + e.getMessage().length() + " characters");
    assertTrue(e.getMessage().contains("x" + "n".repeat(63) + "..."), e.getMessage());
  }

  @Test
  void nanAndInfinitiesAreStoredAsGivenButNeverAddedByInc() {
    // $inc by NaN or an infinity would replace the total for good.
    String message = refusedAtBuild("MeasurementUpdateNode",
        Map.of("id", 1, "fields", Map.of("total", Map.of("$inc", Double.NaN))), "fields.total.$inc");
    assertTrue(message.contains("finite number"), message);
    refusedAtBuild("MeasurementBulkUpdateNode", Map.of("filters", Map.of("label", "m"),
        "fields", Map.of("ratio", Map.of("$inc", "-Infinity"))), "fields.ratio.$inc");
    refusedAtRun("MeasurementUpdateNode", Map.of("id", 1), "fields",
        Map.of("reading", Map.of("$inc", Double.POSITIVE_INFINITY)), "fields.reading.$inc");
    // JSON has no NaN: Jackson would write the string "NaN".
    refusedAtBuild("AllTypesCreateNode", Map.of("text", "c", "score", 3.0, "tags", List.of(1.5, Double.NaN)), "tags");

    // REAL and DOUBLE PRECISION hold NaN and the infinities, and DataFlow stores them as given.
    Map<String, Object> stored = run("MeasurementCreateNode", Map.of("label", "n",
        "reading", Double.NaN, "ratio", Float.NEGATIVE_INFINITY, "total", "Infinity"));
    assertTrue(Double.isNaN((Double) stored.get("reading")));
    assertEquals(Float.NEGATIVE_INFINITY, stored.get("ratio"));
    assertEquals(Double.POSITIVE_INFINITY, stored.get("total"));
    // PostgreSQL compares NaN as equal to NaN and greater than every number.
    assertEquals(1L, run("MeasurementCountNode", Map.of("filters", Map.of("reading", Double.NaN))).get("count"));
    assertEquals(1L, run("MeasurementCountNode", Map.of("filters", Map.of("reading", Map.of("$gt", 1e308))))
        .get("count"));
  }

  // ------------------------------------------------------------------------------------------ point 5: $in

  @Test
  void inAndNinTakeAHundredThousandValuesAsOneParameter() {
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(1_000_000 + i);
    }
    ids.set(50_000, 2);
    assertEquals(1L, run("AllTypesCountNode", Map.of("filters", Map.of("id", Map.of("$in", ids)))).get("count"));
    assertEquals(1L, run("AllTypesCountNode", Map.of("filters", Map.of("id", Map.of("$nin", ids)))).get("count"));
    // One bad value among 100,000 is named by its index; nothing is deleted.
    List<Object> withABadOne = new ArrayList<>(ids);
    withABadOne.set(99_999, SECRET + "-not-a-number");
    refusedAtBuild("AllTypesDeleteNode", Map.of("filters", Map.of("id", Map.of("$in", withABadOne))),
        "filters.id.$in.99999");
    refusedAtRun("AllTypesDeleteNode", Map.of(), "filters", Map.of("code", Map.of("$nin", List.of("c1", 7))),
        "filters.code.$nin.1");
    // A write by 100,000 values changes exactly the rows it names.
    assertEquals(1, run("AllTypesUpdateNode", Map.of("filters", Map.of("id", Map.of("$in", ids)),
        "fields", Map.of("count", Map.of("$inc", 1)))).get("updated"));
    assertEquals(1, run("AllTypesDeleteNode", Map.of("filters", Map.of("code", Map.of("$nin", List.of("c1")))))
        .get("deleted"));
    assertEquals(List.of(1L), run("AllTypesListNode", Map.of()).get("records") instanceof List<?> records
        ? records.stream().map(r -> ((Map<?, ?>) r).get("id")).toList() : null);
  }
}
