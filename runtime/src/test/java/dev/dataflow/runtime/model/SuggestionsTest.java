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

  @Test
  void echoedNamesAreCutTo64CharactersAndSuggestionsStayCheap() {
    assertEquals("short", Suggestions.cut("short"));
    assertEquals("x".repeat(64), Suggestions.cut("x".repeat(64)));
    assertEquals("x".repeat(64) + "...", Suggestions.cut("x".repeat(10_000_000)));
    // Never half of a surrogate pair.
    String emoji = "x".repeat(63) + "\uD83D\uDE00" + "y";
    assertEquals("x".repeat(63) + "...", Suggestions.cut(emoji));
    assertEquals("null", Suggestions.cut(null));
    // A ten-million-character name is no typo of anything; finding that out takes no edit distance.
    assertEquals("", Suggestions.didYouMean("user_id" + "x".repeat(10_000_000), names));
    assertEquals(" Did you mean '" + "a".repeat(64) + "...'?",
        Suggestions.didYouMean("a".repeat(99) + "b", List.of("a".repeat(100))));
  }
}
