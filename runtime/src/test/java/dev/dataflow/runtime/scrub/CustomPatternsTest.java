package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An application's own named patterns: their placeholder, their place before the built-ins, their names. */
class CustomPatternsTest {
  private static final Pattern ORDER_REF = Pattern.compile("\\bORD-\\d{8}\\b");

  @Test
  void aNamedPatternIsReplacedByItsName() {
    PiiScrubber scrubber = PiiScrubber.builder().add("ORDER_REF", ORDER_REF).build();
    assertEquals("ref [ORDER_REF] for [EMAIL]", scrubber.scrub("ref ORD-12345678 for jane@example.com"));
  }

  /** ORD-91234567 holds a Singapore mobile number's shape; the application's pattern sees it first. */
  @Test
  void addedPatternsRunBeforeTheBuiltInsInTheOrderAdded() {
    PiiScrubber scrubber = PiiScrubber.builder()
        .add("ORDER_REF", ORDER_REF)
        .add("LOYALTY_ID", Pattern.compile("\\bLOY\\d{4}\\b"))
        .build();
    assertEquals(List.of("ORDER_REF", "LOYALTY_ID", "EMAIL", "CARD", "NRIC", "PHONE"), scrubber.detectorNames());
    assertEquals("[ORDER_REF] [LOYALTY_ID] [PHONE]", scrubber.scrub("ORD-91234567 LOY1234 9123 4567"));
  }

  @Test
  void theDefaultsAreUntouchedByABuilder() {
    PiiScrubber.builder().add("ORDER_REF", ORDER_REF).build();
    String text = "ORD-12345678";
    assertSame(text, PiiScrubber.defaults().scrub(text));
    assertEquals(List.of("EMAIL", "CARD", "NRIC", "PHONE"), PiiScrubber.builder().build().detectorNames());
  }

  @ParameterizedTest
  @ValueSource(strings = {"order_ref", "OrderRef", "1ST", "_X", "ORDER-REF", "ORDER REF", "[X]", ""})
  void aNameIsUpperCaseLettersDigitsAndUnderscores(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> PiiScrubber.builder().add(name, ORDER_REF));
    assertTrue(e.getMessage().contains("for example ORDER_REF"), e.getMessage());
  }

  @Test
  void aNameIsUsedOnce() {
    IllegalArgumentException builtIn =
        assertThrows(IllegalArgumentException.class, () -> PiiScrubber.builder().add("PHONE", ORDER_REF));
    assertEquals("PHONE is a built-in detector; give the pattern a name of its own, for example PHONE_2",
        builtIn.getMessage());
    PiiScrubber.Builder builder = PiiScrubber.builder().add("ORDER_REF", ORDER_REF);
    IllegalArgumentException twice =
        assertThrows(IllegalArgumentException.class, () -> builder.add("ORDER_REF", Pattern.compile("x")));
    assertTrue(twice.getMessage().contains("already added"), twice.getMessage());
  }

  @Test
  void aPatternMatchingNothingIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> PiiScrubber.builder().add("DIGITS", Pattern.compile("\\d*")));
    assertTrue(e.getMessage().startsWith("the pattern of DIGITS matches the empty text"), e.getMessage());
  }

  /** A pattern can still match empty text somewhere other than in "" (a lookahead): such a match is skipped. */
  @Test
  void anEmptyMatchIsNeverReplaced() {
    PiiScrubber scrubber = PiiScrubber.builder().add("BEFORE_X", Pattern.compile("(?=x)|y")).build();
    assertEquals("ax[BEFORE_X]", scrubber.scrub("axy"));
    String unchanged = "xx";
    assertSame(unchanged, scrubber.scrub(unchanged));
  }

  @Test
  void aBuiltScrubberIsUnaffectedByLaterAdds() {
    PiiScrubber.Builder builder = PiiScrubber.builder();
    PiiScrubber before = builder.build();
    builder.add("ORDER_REF", ORDER_REF);
    assertFalse(before.detectorNames().contains("ORDER_REF"));
  }
}
