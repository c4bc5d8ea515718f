package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The example prints the seed's expected output, and a second run on the same database still succeeds. */
class ConversationMemoryExampleTest {

  private static List<String> runOnce(DataFlow db) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new ConversationMemoryExample(db, new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(db);
    return bytes.toString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
  }

  @Test
  void printsTheSeedsExpectedOutput() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      List<String> lines = runOnce(db);
      String uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
      List<String> patterns = List.of(
          "\\[OK\\] Initialized 3 conversation models",
          " +- ConversationSession, ConversationMessage, UserInteractionSummary",
          " +- 27 CRUD nodes available \\(9 per model\\)",
          "Example 1: Create Conversation Session",
          "\\[OK\\] Created session: " + uuid,
          "Example 2: Add Conversation Messages",
          "\\[OK\\] Message 1: user - Hi, we need 400 boxes for 10 inch pizzas\\.\\.\\.",
          "\\[OK\\] Message 2: assistant - I understand you need 400 boxes.*\\.\\.\\.",
          "\\[OK\\] Message 3: user - Yes, and 200 for 12 inch as well\\.\\.\\.",
          "Example 3: Query Conversation History",
          "\\[OK\\] Found 3 messages in session " + uuid,
          "Example 4: Update User Interaction Summary",
          "\\[OK\\] Created user summary for 6591234567",
          "Example 5: Analytics - Sessions by Language",
          "\\[OK\\] Found 1 English language sessions",
          "Example completed successfully!");
      assertEquals(patterns.size(), lines.size(), String.join("\n", lines));
      for (int i = 0; i < patterns.size(); i++) {
        assertTrue(lines.get(i).matches(patterns.get(i)), "line " + i + ": " + lines.get(i));
      }

      List<String> second = runOnce(db);
      assertTrue(second.contains("[OK] Updated user summary for 6591234567"), String.join("\n", second));
      assertTrue(second.contains("[OK] Found 2 English language sessions"), String.join("\n", second));
    }
  }
}
