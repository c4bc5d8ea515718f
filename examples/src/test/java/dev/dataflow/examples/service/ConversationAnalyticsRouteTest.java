package dev.dataflow.examples.service;

import static dev.dataflow.examples.service.ConversationServiceTest.assertBadRequest;
import static dev.dataflow.examples.service.ConversationServiceTest.fieldNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataflow.examples.service.ServiceClient.Response;
import dev.dataflow.models.OrderCreateNode;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.testing.TestPostgres;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code GET /api/analytics/conversations} on a database of its own, so that every count is known. */
class ConversationAnalyticsRouteTest {
  private static final String TOKEN = ServiceSettings.randomToken();

  @Test
  void countsSessionsMessagesIntentsAndOrdersOfTheRange() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build();
        ConversationService service = ConversationService.start(db, new StoringHandler(db), 0, TOKEN)) {
      long outlet = ConversationServiceTest.outlet(db);
      ServiceClient client = new ServiceClient(service.port(), TOKEN);
      String session = client.postMessage("6591234567", outlet, "Hi, we need 400 boxes", null).json()
          .get("session_id").asText();
      client.postMessage("6591234567", outlet, "and 200 boxes more", session);
      client.postMessage("6591234567", outlet, "new: 50 boxes", null);
      client.postMessage("6598765432", outlet, "Hello", null);
      LocalRuntime runtime = new LocalRuntime(db);
      runtime.execute(new WorkflowBuilder()
          .addNode("from_chat", OrderCreateNode.params().orderNumber("ORD-1").outletId(outlet)
              .sessionId(UUID.fromString(session)))
          .addNode("by_phone", OrderCreateNode.params().orderNumber("ORD-2").outletId(outlet))
          .build());
      LocalDate today = LocalDate.now(ZoneOffset.UTC);

      Response response = client.get("/api/analytics/conversations");

      assertEquals(200, response.status(), response.toString());
      JsonNode body = response.json();
      assertEquals(List.of("from", "to", "sessions_today", "sessions_by_language", "top_intents", "messages_per_day",
          "average_confidence", "orders_from_conversations"), fieldNames(body));
      assertEquals(today.toString(), body.get("to").asText());
      assertEquals(today.minusDays(29).toString(), body.get("from").asText());
      assertEquals(3, body.get("sessions_today").asInt());
      assertEquals("{\"en\":3}", body.get("sessions_by_language").toString());
      assertEquals("[{\"intent\":\"order_placement\",\"count\":3},{\"intent\":\"greeting\",\"count\":1}]",
          body.get("top_intents").toString());
      JsonNode days = body.get("messages_per_day");
      assertEquals(30, days.size());
      assertEquals(today.minusDays(29).toString(), days.get(0).get("day").asText());
      assertEquals("{\"day\":\"" + today + "\",\"count\":4}", days.get(29).toString(), "customer messages only");
      for (int i = 0; i < 29; i++) {
        assertEquals(0, days.get(i).get("count").asInt());
      }
      assertEquals(0.825, body.get("average_confidence").asDouble(), 1e-9);   // (3 × 0.9 + 0.6) / 4
      assertEquals(1, body.get("orders_from_conversations").asInt());

      LocalDate yesterday = today.minusDays(1);
      JsonNode past = client.get("/api/analytics/conversations?from=" + yesterday + "&to=" + yesterday).json();
      assertEquals(3, past.get("sessions_today").asInt(), "today's sessions, whatever the range");
      assertEquals("{}", past.get("sessions_by_language").toString());
      assertEquals("[]", past.get("top_intents").toString());
      assertEquals("[{\"day\":\"" + yesterday + "\",\"count\":0}]", past.get("messages_per_day").toString());
      assertTrue(past.get("average_confidence").isNull());
      assertEquals(0, past.get("orders_from_conversations").asInt());
    }
  }

  @Test
  void refusesDatesItCannotRead() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build();
        ConversationService service = ConversationService.start(db, new StoringHandler(db), 0, TOKEN)) {
      ServiceClient client = new ServiceClient(service.port(), TOKEN);
      String route = "/api/analytics/conversations";
      assertBadRequest(client.get(route + "?from=2026-13-01"), "from", "from must be a date such as 2026-11-30");
      assertBadRequest(client.get(route + "?to=yesterday"), "to", "to must be a date such as 2026-11-30");
      assertBadRequest(client.get(route + "?from=2026-11-30&to=2026-11-01"), "from", "from must be on or before to");
      assertBadRequest(client.get(route + "?from=2024-01-01&to=2026-11-30"), "from", "at most 366 days");
      assertEquals(200, client.get(route + "?from=2025-12-01&to=2026-11-30").status(), "366 days are fine");
    }
  }
}
