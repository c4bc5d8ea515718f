package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

/** The one pass that lets the scrubber skip detectors that cannot match, and that skipping changes no result. */
class TextFactsTest {

  @Test
  void factsOfATextAreItsAtItsPlusAndItsLongestDigitRun() {
    assertEquals(new TextFacts(false, false, 3), TextFacts.of("we need 400 boxes for 10 inch pizzas"));
    assertEquals(new TextFacts(true, true, 8), TextFacts.of("+65 9123 4567 or 91234567 or a@b.co"));
    assertEquals(new TextFacts(false, false, 0), TextFacts.of(""));
    assertEquals(new TextFacts(false, false, 0), TextFacts.of("٣٤٥٦٧٨٩٠ digits of another script"));
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
