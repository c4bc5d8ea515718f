package dev.dataflow.runtime.scrub;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Replaces personal data in free text with placeholders, before the text is stored. Immutable and thread-safe: one
 * instance serves every write.
 *
 * <pre>{@code
 * PiiScrubber.defaults().scrub("Call +65 9123 4567 or mail jane@example.com");
 *     // "Call [PHONE] or mail [EMAIL]"
 * PiiScrubber.defaults().scrub("400 boxes for 10 inch pizzas, $12.50, by 2026-11-30");
 *     // unchanged, the same String instance
 * PiiScrubber withOrders = PiiScrubber.builder().add("ORDER_REF", Pattern.compile("\\bORD-\\d{6}\\b")).build();
 * withOrders.scrub("ORD-123456");   // "[ORDER_REF]"
 * }</pre>
 *
 * <p>The built-in detectors, each replacing what it finds with its name in brackets:
 *
 * <ul>
 *   <li>{@code [EMAIL]}: e-mail addresses, with sub-domains, dots, {@code +} and {@code %} in the local part.
 *   <li>{@code [CARD]}: payment card numbers, 13 to 19 digits starting with 2 to 6, together or grouped by spaces or
 *       dashes, that pass the Luhn check. A number failing the check stays.
 *   <li>{@code [NRIC]}: Singapore NRIC and FIN numbers (S, T, F, G, M, seven digits, a letter) whose last letter is
 *       the official check letter. A number with another letter stays.
 *   <li>{@code [PHONE]}: {@code +}country numbers ({@code +65 9123 4567}, {@code +6591234567},
 *       {@code +1 (415) 555-2671}), Singapore numbers with the country code and no plus ({@code 6591234567}), and
 *       local eight-digit Singapore numbers starting with 6, 8 or 9 ({@code 9123 4567}, {@code 9123-4567}).
 * </ul>
 *
 * <p>Order text stays as it is: quantities and sizes ({@code 400 boxes}, {@code 10x12}), prices ({@code $12.50}),
 * dates and times ({@code 2026-11-30}, {@code 30/11/2026}, {@code 10:30}), numbers under eight digits (order numbers,
 * six-digit postal codes), version numbers. An eight-digit number starting with 6, 8 or 9 is a Singapore phone number
 * to this scrubber, whatever it was meant to be.
 *
 * <p><b>Order.</b> Detectors run one after the other, each on the text the previous ones left, so a later detector
 * never sees what an earlier one replaced: first the application's own, in the order they were added (an
 * application's pattern knows its formats better than a general one), then EMAIL (an address may hold a phone-shaped
 * run of digits), CARD, NRIC, and PHONE last (a card number holds phone-shaped groups). Within one detector a
 * candidate that fails its check stays whole; no part of it is tried again.
 *
 * <p><b>Cost.</b> The built-in patterns run in time linear in the text's length. An application's pattern is run as
 * given: keep it free of nested repetition that can match the same text two ways.
 *
 * <p>The scrubber never logs and never throws with the text it was given in a message.
 */
public final class PiiScrubber {
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
  private static final PiiScrubber DEFAULTS = new PiiScrubber(BuiltInDetectors.ALL);

  private final List<Detector> detectors;

  private PiiScrubber(List<Detector> detectors) {
    this.detectors = List.copyOf(detectors);
  }

  /** The scrubber with the built-in detectors only: EMAIL, CARD, NRIC, PHONE. */
  public static PiiScrubber defaults() {
    return DEFAULTS;
  }

  /** A builder that starts with the built-in detectors and adds named patterns before them. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@code text} with every piece of personal data replaced by its detector's placeholder ({@code [EMAIL]},
   * {@code [PHONE]}, ...). When nothing is found, the very instance passed in, so a caller can tell with
   * {@code ==} whether anything changed. Null stays null.
   */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    // The facts of the text as given decide: what an earlier detector put in ([NAME]) is nothing to look for.
    TextFacts facts = TextFacts.of(text);
    String scrubbed = text;
    for (Detector detector : detectors) {
      if (detector.mayMatch().test(facts)) {
        scrubbed = detector.replaceIn(scrubbed);
      }
    }
    return scrubbed;
  }

  /** The detectors' names in the order they run; each one's placeholder is the name in brackets. */
  public List<String> detectorNames() {
    return detectors.stream().map(Detector::name).toList();
  }

  @Override
  public String toString() {
    return "PiiScrubber" + detectorNames();
  }

  /** Adds named patterns to the built-in detectors. Not thread-safe; the scrubber it builds is. */
  public static final class Builder {
    private final List<Detector> added = new ArrayList<>();

    private Builder() {}

    /**
     * Replaces every match of {@code pattern} with {@code [name]}. Added patterns run before the built-in detectors,
     * in the order they were added.
     *
     * @param name upper-case letters, digits and underscores, starting with a letter, at most 64 characters, and not
     *     the name of another detector ({@code ORDER_REF})
     * @param pattern what to replace; it must not match the empty text
     * @throws IllegalArgumentException when the name is not such a name or is taken, or the pattern matches the
     *     empty text
     */
    public Builder add(String name, Pattern pattern) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(pattern, "pattern");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException("detector name \"" + name + "\" is not upper-case letters, digits and"
            + " underscores starting with a letter (at most 64); for example ORDER_REF");
      }
      for (Detector detector : BuiltInDetectors.ALL) {
        if (detector.name().equals(name)) {
          throw new IllegalArgumentException(
              name + " is a built-in detector; give the pattern a name of its own, for example " + name + "_2");
        }
      }
      for (Detector detector : added) {
        if (detector.name().equals(name)) {
          throw new IllegalArgumentException(
              "a pattern named " + name + " was already added; give each pattern its own name");
        }
      }
      if (pattern.matcher("").matches()) {
        throw new IllegalArgumentException("the pattern of " + name + " matches the empty text, so it would put ["
            + name + "] between every two characters; make it match at least one character (\"+\" rather than"
            + " \"*\")");
      }
      added.add(new Detector(name, pattern, candidate -> true));
      return this;
    }

    /** The scrubber: the added patterns, then the built-in detectors. */
    public PiiScrubber build() {
      List<Detector> all = new ArrayList<>(added);
      all.addAll(BuiltInDetectors.ALL);
      return new PiiScrubber(all);
    }
  }
}
