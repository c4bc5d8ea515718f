package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationSessionCountNode;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Level;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Count with {@code group_by} and {@code aggregates} on PostgreSQL: keys, units, JSON keys, order, refusals. */
class GroupByCountTest extends DatabaseTest {

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE all_types, conversation_sessions RESTART IDENTITY CASCADE");
  }

  private static void create(Map<String, Object> row) {
    Map<String, Object> full = new HashMap<>(row);
    full.putIfAbsent("text", "t");
    full.putIfAbsent("score", 0.0);
    run("AllTypesCreateNode", full);
  }

  private static Map<String, Object> count(Map<String, ?> params) {
    return run("AllTypesCountNode", params);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> groups(Map<String, Object> output) {
    return (List<Map<String, Object>>) output.get("groups");
  }

  private static Map<String, Object> group(Object... keysAndValues) {
    Map<String, Object> group = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      group.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return group;
  }

  @Test
  void groupsByAColumnLargestFirstThenByKeyWithNullLast() {
    for (Level level : List.of(Level.HIGH, Level.HIGH, Level.HIGH, Level.MEDIUM, Level.LOW, Level.LOW, Level.MEDIUM)) {
      create(Map.of("level", level));
    }
    create(Map.of());
    Map<String, Object> out = count(Map.of("group_by", List.of("level")));
    assertEquals(8L, out.get("count"));
    assertEquals(List.of(group("level", Level.HIGH, "count", 3L), group("level", Level.LOW, "count", 2L),
        group("level", Level.MEDIUM, "count", 2L), group("level", null, "count", 1L)), groups(out));
  }

  @Test
  void withoutGroupByTheOutputIsUnchanged() {
    create(Map.of());
    assertEquals(Map.of("count", 1L), count(Map.of()));
  }

  @Test
  void everyTimeUnitTruncatesInUtc() {
    Instant a = Instant.parse("2026-03-04T05:06:07Z");   // a Wednesday
    Instant b = Instant.parse("2026-03-04T05:59:59Z");
    Instant c = Instant.parse("2026-03-09T23:30:00Z");   // the next Monday
    for (Instant at : List.of(a, b, c)) {
      create(Map.of("happened_at", at));
    }
    Map<String, List<Map<String, Object>>> expected = Map.of(
        "hour", List.of(group("happened_at:hour", Instant.parse("2026-03-04T05:00:00Z"), "count", 2L),
            group("happened_at:hour", Instant.parse("2026-03-09T23:00:00Z"), "count", 1L)),
        "day", List.of(group("happened_at:day", Instant.parse("2026-03-04T00:00:00Z"), "count", 2L),
            group("happened_at:day", Instant.parse("2026-03-09T00:00:00Z"), "count", 1L)),
        "week", List.of(group("happened_at:week", Instant.parse("2026-03-02T00:00:00Z"), "count", 2L),
            group("happened_at:week", Instant.parse("2026-03-09T00:00:00Z"), "count", 1L)),
        "month", List.of(group("happened_at:month", Instant.parse("2026-03-01T00:00:00Z"), "count", 3L)),
        "year", List.of(group("happened_at:year", Instant.parse("2026-01-01T00:00:00Z"), "count", 3L)));
    for (String unit : List.of("hour", "day", "week", "month", "year")) {
      Map<String, Object> out = count(Map.of("group_by", List.of("happened_at:" + unit)));
      assertEquals(expected.get(unit), groups(out), unit);
      assertEquals(3L, out.get("count"), unit);
    }
  }

  @Test
  void timeBucketsOfEachDateTimeType() {
    // 07:08 at +08:00 is 23:08 UTC the day before: the bucket is the UTC day, whatever the offset given.
    create(Map.of("scheduled_at", OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(8)),
        "local_time", LocalDateTime.of(2026, 5, 6, 7, 8), "day", LocalDate.of(2026, 5, 6)));
    Map<String, Object> out = count(Map.of("group_by", List.of("scheduled_at:day", "local_time:hour", "day:month")));
    assertEquals(List.of(group("scheduled_at:day", Instant.parse("2026-05-05T00:00:00Z"),
        "local_time:hour", LocalDateTime.of(2026, 5, 6, 7, 0), "day:month", LocalDate.of(2026, 5, 1),
        "count", 1L)), groups(out));
  }

  @Test
  void groupsByJsonKeysAsText() {
    create(Map.of("attributes", Map.of("source", "whatsapp", "nested", Map.of("n", 1))));
    create(Map.of("attributes", Map.of("source", "whatsapp", "nested", Map.of("n", 2))));
    create(Map.of("attributes", Map.of("source", "web")));
    create(Map.of());
    Map<String, Object> out = count(Map.of("group_by", List.of("attributes.source")));
    assertEquals(List.of(group("attributes.source", "whatsapp", "count", 2L),
        group("attributes.source", "web", "count", 1L), group("attributes.source", null, "count", 1L)), groups(out));
    Map<String, Object> nested = count(Map.of("group_by", List.of("attributes.nested.n"),
        "filters", Map.of("attributes", Map.of("$contains", Map.of("source", "whatsapp")))));
    assertEquals(List.of(group("attributes.nested.n", "1", "count", 1L), group("attributes.nested.n", "2", "count",
        1L)), groups(nested));
    assertEquals(2L, nested.get("count"));
  }

  @Test
  void aggregatesPerGroupWithFiltersAppliedFirst() {
    create(Map.of("code", "a", "level", "HIGH", "count", 2, "score", 1.0, "price", new BigDecimal("1.50"),
        "happened_at", Instant.parse("2026-01-01T00:00:00Z")));
    create(Map.of("code", "b", "level", "HIGH", "count", 3, "score", 2.0, "price", new BigDecimal("2.25"),
        "happened_at", Instant.parse("2026-01-03T00:00:00Z")));
    create(Map.of("code", "c", "level", "LOW", "count", 10, "score", 4.0));
    create(Map.of("code", "d", "level", "HIGH", "count", 100, "score", 100.0, "active", false)); // filtered out
    Map<String, Object> aggregates = new LinkedHashMap<>();
    aggregates.put("total_count", Map.of("$sum", "count"));
    aggregates.put("avg_score", Map.of("$avg", "score"));
    aggregates.put("total_price", Map.of("$sum", "price"));
    aggregates.put("first", Map.of("$min", "happened_at"));
    aggregates.put("last", Map.of("$max", "happened_at"));
    aggregates.put("codes", Map.of("$count_distinct", "code"));
    Map<String, Object> out = count(Map.of("group_by", List.of("level"), "aggregates", aggregates,
        "filters", Map.of("active", Map.of("$ne", false))));
    assertEquals(3L, out.get("count"), "filters apply before grouping");
    assertEquals(List.of(
        group("level", Level.HIGH, "count", 2L, "total_count", 5L, "avg_score", 1.5, "total_price",
            new BigDecimal("3.75"), "first", Instant.parse("2026-01-01T00:00:00Z"),
            "last", Instant.parse("2026-01-03T00:00:00Z"), "codes", 2L),
        group("level", Level.LOW, "count", 1L, "total_count", 10L, "avg_score", 4.0, "total_price", null,
            "first", null, "last", null, "codes", 1L)), groups(out));
  }

  @Test
  void limitCutsGroupsNotTheCount() {
    for (int i = 0; i < 5; i++) {
      for (int j = 0; j <= i; j++) {
        create(Map.of("small_number", (short) i));
      }
    }
    Map<String, Object> out = count(Map.of("group_by", List.of("small_number"), "limit", 2));
    assertEquals(15L, out.get("count"));
    assertEquals(List.of(group("small_number", (short) 4, "count", 5L), group("small_number", (short) 3, "count",
        4L)), groups(out));
  }

  @Test
  void typedParamsGroupSessionsByLanguageAndJsonKey() {
    for (String language : List.of("en", "en", "ms")) {
      run("ConversationSessionCreateNode", Map.of("session_id", UUID.randomUUID(), "user_id", "u", "language",
          language, "intents", Map.of("primary", "order_placement")));
    }
    Map<String, Object> out = runtime.execute(new WorkflowBuilder().addNode("n", ConversationSessionCountNode.params()
        .groupBy("language", "intents.primary").aggregate("users", "$count_distinct", "user_id").limit(10))
        .build()).get("n");
    assertEquals(List.of(group("language", "en", "intents.primary", "order_placement", "count", 2L, "users", 1L),
        group("language", "ms", "intents.primary", "order_placement", "count", 1L, "users", 1L)), groups(out));
  }

  private static WorkflowValidationException.Problem refused(Map<String, ?> params) {
    var e = assertThrows(WorkflowValidationException.class,
        () -> new WorkflowBuilder().addNode("AllTypesCountNode", "n", params).build());
    return e.problems().get(0);
  }

  private static void assertRefused(String parameter, String messagePart, Map<String, ?> params) {
    WorkflowValidationException.Problem problem = refused(params);
    assertEquals(parameter, problem.parameter(), problem.toString());
    assertTrue(problem.message().contains(messagePart), problem.message());
  }

  @Test
  void hostileAndWrongGroupKeysAreRefusedByBuild() {
    assertRefused("group_by.0", "unknown column", Map.of("group_by", List.of("text; drop table all_types")));
    assertRefused("group_by.0", "Did you mean 'level'", Map.of("group_by", List.of("levle")));
    assertRefused("group_by.0", "unknown time unit", Map.of("group_by", List.of("happened_at:day') --")));
    assertRefused("group_by.0", "Did you mean 'week'", Map.of("group_by", List.of("happened_at:weak")));
    assertRefused("group_by.0", "needs a date/time column", Map.of("group_by", List.of("text:day")));
    assertRefused("group_by.0", "has no hours", Map.of("group_by", List.of("day:hour")));
    assertRefused("group_by.0", "needs a JSON column", Map.of("group_by", List.of("text.key")));
    assertRefused("group_by.0", "JSON keys", Map.of("group_by", List.of("attributes.a'||pg_sleep(1)||'")));
    assertRefused("group_by.0", "JSON keys", Map.of("group_by", List.of("attributes.")));
    assertRefused("group_by.1", "listed twice", Map.of("group_by", List.of("level", "level")));
    assertRefused("group_by.0", "'count'", Map.of("group_by", List.of("count")));
    assertRefused("group_by.0", "a string", Map.of("group_by", List.of(1)));
    assertEquals(0L, Tables.count(db, "all_types"), "the table is still there");
  }

  @Test
  void wrongAggregatesAreRefusedByBuild() {
    List<String> byLevel = List.of("level");
    assertRefused("aggregates.m.$median", "unknown aggregate operator", Map.of("group_by", byLevel,
        "aggregates", Map.of("m", Map.of("$median", "score"))));
    assertRefused("aggregates.m.$avg", "numeric", Map.of("group_by", byLevel,
        "aggregates", Map.of("m", Map.of("$avg", "text"))));
    assertRefused("aggregates.m.$sum", "numeric", Map.of("group_by", byLevel,
        "aggregates", Map.of("m", Map.of("$sum", "happened_at"))));
    assertRefused("aggregates.m.$max", "unknown column", Map.of("group_by", byLevel,
        "aggregates", Map.of("m", Map.of("$max", "scroe"))));
    assertRefused("aggregates", "plain identifiers", Map.of("group_by", byLevel,
        "aggregates", Map.of("a\"; drop", Map.of("$max", "score"))));
    assertRefused("aggregates.count", "'count'", Map.of("group_by", byLevel,
        "aggregates", Map.of("count", Map.of("$max", "score"))));
    assertRefused("aggregates.level", "group_by key", Map.of("group_by", byLevel,
        "aggregates", Map.of("level", Map.of("$max", "score"))));
    assertRefused("aggregates.m", "one operator", Map.of("group_by", byLevel,
        "aggregates", Map.of("m", Map.of("$max", "score", "$min", "score"))));
    assertRefused("aggregates", "give group_by too", Map.of("aggregates", Map.of("m", Map.of("$max", "score"))));
    assertRefused("limit", "give group_by too", Map.of("limit", 5));
    assertRefused("limit", "1 or more", Map.of("group_by", byLevel, "limit", 0));
  }
}
