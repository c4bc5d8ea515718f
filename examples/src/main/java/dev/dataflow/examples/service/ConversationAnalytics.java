package dev.dataflow.examples.service;

import dev.dataflow.models.ConversationMessageCountNode;
import dev.dataflow.models.ConversationSessionCountNode;
import dev.dataflow.models.OrderCountNode;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code GET /api/analytics/conversations}: counts of sessions, customer messages, intents and orders between two
 * UTC dates. One workflow of six Count nodes, five of them grouped ({@code group_by}, {@code $avg}): PostgreSQL counts,
 * no row is fetched.
 */
final class ConversationAnalytics {
  /** The widest range one request may ask for, in days. */
  static final int MAX_DAYS = 366;
  /** The range when {@code from} is not given: the 30 days up to {@code to}. */
  static final int DEFAULT_DAYS = 30;
  /** How many intents {@code top_intents} lists at most. */
  static final int TOP_INTENTS = 10;

  private final LocalRuntime runtime;
  private final Clock clock;

  ConversationAnalytics(LocalRuntime runtime, Clock clock) {
    this.runtime = runtime;
    this.clock = clock;
  }

  /**
   * The report for the query parameters {@code from} and {@code to} (ISO dates, both included; either may be null).
   *
   * @throws BadRequestException naming {@code from} or {@code to} when it is not a date, or the range is empty or
   *     wider than {@value #MAX_DAYS} days
   */
  Map<String, Object> report(String fromParam, String toParam) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate to = toParam == null ? today : date("to", toParam);
    LocalDate from = fromParam == null ? to.minusDays(DEFAULT_DAYS - 1L) : date("from", fromParam);
    if (from.isAfter(to)) {
      throw new BadRequestException("from", "from must be on or before to (both are dates, both included)");
    }
    long days = ChronoUnit.DAYS.between(from, to) + 1;
    if (days > MAX_DAYS) {
      throw new BadRequestException("from", "the range from..to may cover at most " + MAX_DAYS + " days; it covers "
          + days);
    }
    Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Object> inRange = Map.of("$gte", start, "$lt", end);
    Map<String, Object> customerMessages = Map.of("role", "user", "timestamp", inRange);

    WorkflowResult result = runtime.execute(new WorkflowBuilder()
        .addNode("sessions_today", ConversationSessionCountNode.params()
            .filters(Map.of("start_time", Map.of("$gte", today.atStartOfDay(ZoneOffset.UTC).toInstant()))))
        .addNode("sessions_by_language", ConversationSessionCountNode.params()
            .filters(Map.of("start_time", inRange))
            .groupBy("language"))
        .addNode("top_intents", ConversationMessageCountNode.params()
            .filters(Map.of("role", "user", "timestamp", inRange, "intent", Map.of("$exists", true)))
            .groupBy("intent")
            .limit(TOP_INTENTS))
        .addNode("messages_per_day", ConversationMessageCountNode.params()
            .filters(customerMessages)
            .groupBy("timestamp:day")
            .limit((int) days))
        .addNode("confidence", ConversationMessageCountNode.params()      // one group: role 'user'
            .filters(Map.of("role", "user", "timestamp", inRange, "confidence", Map.of("$exists", true)))
            .groupBy("role")
            .aggregate("average_confidence", "$avg", "confidence"))
        .addNode("orders", OrderCountNode.params()
            .filters(Map.of("session_id", Map.of("$exists", true), "created_at", inRange)))
        .build());

    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from.toString());
    body.put("to", to.toString());
    body.put("sessions_today", count(result.get("sessions_today")));
    Map<String, Object> byLanguage = new LinkedHashMap<>();
    for (Map<String, Object> group : groups(result.get("sessions_by_language"))) {
      byLanguage.put(String.valueOf(group.get("language")), group.get("count"));
    }
    body.put("sessions_by_language", byLanguage);
    List<Map<String, Object>> intents = new ArrayList<>();
    for (Map<String, Object> group : groups(result.get("top_intents"))) {
      Map<String, Object> intent = new LinkedHashMap<>();
      intent.put("intent", group.get("intent"));
      intent.put("count", group.get("count"));
      intents.add(intent);
    }
    body.put("top_intents", intents);
    body.put("messages_per_day", messagesPerDay(from, to, groups(result.get("messages_per_day"))));
    List<Map<String, Object>> confidence = groups(result.get("confidence"));
    body.put("average_confidence", confidence.isEmpty() ? null : confidence.get(0).get("average_confidence"));
    body.put("orders_from_conversations", count(result.get("orders")));
    return body;
  }

  /** Every day of the range, in order, with its count of customer messages (0 for a day without any). */
  private static List<Map<String, Object>> messagesPerDay(LocalDate from, LocalDate to,
      List<Map<String, Object>> groups) {
    Map<LocalDate, Object> counts = new TreeMap<>();
    for (Map<String, Object> group : groups) {
      Instant day = (Instant) group.get("timestamp:day");
      counts.put(LocalDate.ofInstant(day, ZoneOffset.UTC), group.get("count"));
    }
    List<Map<String, Object>> days = new ArrayList<>();
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("day", day.toString());
      entry.put("count", counts.getOrDefault(day, 0L));
      days.add(entry);
    }
    return days;
  }

  private static long count(Map<String, Object> output) {
    return ((Number) output.get("count")).longValue();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> groups(Map<String, Object> output) {
    return (List<Map<String, Object>>) output.get("groups");
  }

  private static LocalDate date(String parameter, String value) {
    try {
      return LocalDate.parse(value);
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(parameter, parameter + " must be a date such as 2026-11-30 (ISO 8601, UTC)");
    }
  }
}
