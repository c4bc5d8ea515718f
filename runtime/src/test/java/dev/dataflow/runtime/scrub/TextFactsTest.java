package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The one pass that lets the scrubber skip detectors that cannot match, and that skipping changes no result. */
class TextFactsTest {

  @Test
  void factsOfATextAreItsAtItsPlusItsLongestDigitRunItsDigitsAndTheirDensest() {
    assertEquals(new TextFacts(false, false, 3, 5, 3), TextFacts.of("we need 400 boxes for 10 inch pizzas"));
    assertEquals(new TextFacts(true, true, 8, 18, 8), TextFacts.of("+65 9123 4567 or 91234567 or a@b.co"));
    assertEquals(new TextFacts(false, false, 4, 8, 4), TextFacts.of("order 1234, ref 5678"));
    assertEquals(new TextFacts(false, false, 4, 8, 8), TextFacts.of("call 9123-4567"));
    assertEquals(new TextFacts(false, false, 0, 0, 0), TextFacts.of(""));
    assertEquals(new TextFacts(false, false, 0, 0, 0), TextFacts.of("٣٤٥٦٧٨٩٠ digits of another script"));
  }

  /**
   * A detector's precheck may only skip texts its pattern cannot match: random texts rich in digits, separators and
   * signs, every one the precheck turns away checked against the pattern itself.
   */
  @Test
  void noDetectorSkipsATextItsPatternWouldMatch() {
    java.util.Random random = new java.util.Random(12);
    String alphabet = "0123456789012345678901234567890123456789 -.()+@abSTxz#$_";
    int skipped = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 4 + random.nextInt(28);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String candidate = text.toString();
      TextFacts facts = TextFacts.of(candidate);
      for (Detector detector : BuiltInDetectors.ALL) {
        if (!detector.mayMatch().test(facts)) {
          skipped++;
          assertFalse(detector.pattern().matcher(candidate).find(), detector.name() + " skipped " + candidate);
        }
      }
    }
    assertTrue(skipped > 100_000, "the prechecks turn most of these texts away: " + skipped);
  }

  @Test
  void textNoDetectorCanMatchComesBackAsTheSameInstance() {
    String ordinary = "Hi, we need 400 boxes for 10 inch pizzas, 200 for 12 inch";
    assertSame(ordinary, PiiScrubber.defaults().scrub(ordinary));
    assertEquals("call [PHONE] or mail [EMAIL]", PiiScrubber.defaults().scrub("call 9123 4567 or mail a@b.co"));
    assertEquals("card [CARD], NRIC [NRIC]",
        PiiScrubber.defaults().scrub("card 4111 1111 1111 1111, NRIC S1234567D"));
  }
}
