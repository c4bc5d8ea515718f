package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * A megabyte of text built to make a backtracking pattern retry from every position finishes: each built-in pattern
 * is linear in the text. The bound is generous on purpose; this is a behaviour test, not a benchmark. (The textbook
 * e-mail pattern {@code [\w.+-]+@([\w-]+\.)+\w{2,}} is quadratic: 13 s on 64 KB of {@code a}, hours on one MB.)
 */
class LinearTimeTest {
  private static final int ONE_MB = 1 << 20;
  private static final Duration GENEROUS = Duration.ofSeconds(10);

  /** A name, and the unit repeated to a megabyte. */
  record Adversary(String name, String unit) {
    String text() {
      return unit.repeat(ONE_MB / unit.length());
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static final List<Adversary> ADVERSARIES = List.of(
      new Adversary("one long local part", "a"),
      new Adversary("local part characters without an @", "a.b+c-"),
      new Adversary("@ after @", "a@"),
      new Adversary("labels without a top-level domain", "a@b.c.d.e.f.g.h.i.j.1 "),
      new Adversary("one long run of digits", "4"),
      new Adversary("digit groups that never end", "4111 "),
      new Adversary("dashed digit groups", "9123-"),
      new Adversary("plus signs and digits", "+6"),
      new Adversary("country codes without a number", "+65 "),
      new Adversary("brackets", "(+1 (12"),
      new Adversary("NRIC without a check letter", "S1234567"),
      new Adversary("almost phones", "9123 456 "),
      new Adversary("card-shaped groups failing the Luhn check", "4111 1111 1111 1112 "));

  @ParameterizedTest(name = "{0}")
  @FieldSource("ADVERSARIES")
  void aMegabyteOfAdversarialTextFinishes(Adversary adversary) {
    String text = adversary.text();
    String scrubbed = assertTimeoutPreemptively(GENEROUS, () -> PiiScrubber.defaults().scrub(text));
    // Not assertSame: on failure it would print a megabyte.
    assertTrue(scrubbed == text, "none of these holds personal data, so the text comes back as it was");
  }

  /** A megabyte of the real thing: every card is found. */
  @Test
  void aMegabyteOfCardsFinishes() {
    String text = "4111 1111 1111 1111 ".repeat(ONE_MB / 20);
    String scrubbed = assertTimeoutPreemptively(GENEROUS, () -> PiiScrubber.defaults().scrub(text));
    assertTrue(scrubbed.equals("[CARD] ".repeat(ONE_MB / 20)), "every card replaced");
  }
}
