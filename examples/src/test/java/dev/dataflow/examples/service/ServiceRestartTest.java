package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dataflow.runtime.DataFlow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on the embedded PostgreSQL with its data in a directory, as {@link ConversationService#main} runs it:
 * stopped and started again on the same directory, it still has the history.
 */
class ServiceRestartTest {

  @Test
  void historySurvivesARestartOnTheSameDataDirectory(@TempDir Path dataDirectory) {
    String token = ServiceSettings.randomToken();
    String session;
    try (DataFlow db = DataFlow.builder().embeddedDataDirectory(dataDirectory).build()) {
      DemoCatalogue.applyIfEmpty(db);
      try (ConversationService service = ConversationService.start(db, new ConversationMemory(db), 0, token)) {
        session = new ServiceClient(service.port(), token).postMessage("6591234567", DemoCatalogue.OUTLET_ID,
            "Hi, we need 400 boxes for 10 inch pizzas", null).json().get("session_id").asText();
      }
    }

    try (DataFlow db = DataFlow.builder().embeddedDataDirectory(dataDirectory).build();
        ConversationService service = ConversationService.start(db, new ConversationMemory(db), 0, token)) {
      JsonNode history = new ServiceClient(service.port(), token).get("/api/user/6591234567/history").json();

      assertEquals(1, history.get("sessions").size(), history.toString());
      assertEquals(session, history.get("sessions").get(0).get("session_id").asText());
      assertEquals(2, history.get("sessions").get(0).get("message_count").asInt(), "the message and its reply");
    }
  }
}
