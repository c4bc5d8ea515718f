package dev.dataflow.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
  private final List<String> names = List.of("session_id", "user_id", "outlet_id", "language", "start_time");

  @Test
  void typosFindTheirName() {
    assertEquals("user_id", Suggestions.closest("usr_id", names));
    assertEquals("language", Suggestions.closest("Languag", names));
    assertEquals("start_time", Suggestions.closest("starttime", names));
  }

  @Test
  void unrelatedNamesFindNothing() {
    assertNull(Suggestions.closest("price", names));
    assertEquals("", Suggestions.didYouMean("zzzzzzzz", names));
    assertEquals(" Did you mean 'user_id'?", Suggestions.didYouMean("user_di", names));
  }
}
