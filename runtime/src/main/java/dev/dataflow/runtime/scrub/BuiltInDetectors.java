package dev.dataflow.runtime.scrub;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The detectors every {@link PiiScrubber} has, in the order they run: EMAIL, CARD, NRIC, PHONE.
 *
 * <p>Each pattern runs in time linear in the text: no repeated group can split the same characters two ways, every
 * repetition that can fail late is bounded, and a lookbehind lets a candidate start only where a run of its
 * characters starts, so a long run is tried once rather than from each of its positions.
 *
 * <p>Before any pattern runs, one pass over the text ({@link TextFacts}) tells which detectors cannot match at all
 * (no {@code @}, no run of four digits, no {@code +}), so ordinary text such as {@code "400 boxes for 10 inch"} costs
 * one scan, not four regular expressions.
 *
 * <p>Each pattern is also fenced on both sides so that it does not take part of a longer token: a phone number is not
 * the tail of a word, a decimal or a price, nor one 4-digit group of a longer number (a card number that fails the
 * Luhn check stays whole rather than losing a middle group to PHONE).
 */
final class BuiltInDetectors {
  static final String EMAIL = "EMAIL";
  static final String CARD = "CARD";
  static final String NRIC = "NRIC";
  static final String PHONE = "PHONE";

  private static final String LOCAL_PART_CHAR = "[A-Za-z0-9._%+-]";

  /**
   * A local part of at most 64 characters, {@code @}, one to eight dot-terminated labels and a top-level domain of
   * letters: {@code jane.doe+orders@mail.example.com.sg}. A label holds no dot, so labels split one way only.
   */
  private static final Pattern EMAIL_PATTERN = Pattern.compile(
      "(?<!" + LOCAL_PART_CHAR + ")" + LOCAL_PART_CHAR + "{1,64}"
          + "@(?:[A-Za-z0-9-]{1,63}\\.){1,8}[A-Za-z]{2,24}"
          + "(?![A-Za-z0-9-])");

  /**
   * 13 to 19 digits starting with 2 to 6 (the major industry identifiers of payment cards: Mastercard's 2-series,
   * Amex, JCB and Diners 3, Visa 4, Mastercard and Maestro 5, Discover and UnionPay 6), written together, in groups
   * of four ({@code 4111 1111 1111 1111}, {@code 4222-2222-2222-2}) or as 4-6-5/4-6-4 ({@code 3782 822463 10005}),
   * with one kind of separator. Not part of a word, a decimal or a phone number ({@code +}). Unlike PHONE it may
   * follow another digit group ({@code 4111 1111 1111 1111 5555 5555 5555 4444} is two cards): the Luhn check, not
   * the fence, keeps it precise.
   */
  private static final Pattern CARD_PATTERN = Pattern.compile(
      "(?<![\\w+.])"
          + "[2-6]\\d{3}"
          + "(?:\\d{9,15}"
          + "|(?<sep>[ -])(?:\\d{4}\\k<sep>\\d{4}\\k<sep>\\d{1,4}|\\d{6}\\k<sep>\\d{4,5}))"
          + "(?!\\d)");

  /** S, T, F, G or M, seven digits and a letter, in either case, as a word of its own: {@code S1234567D}. */
  private static final Pattern NRIC_PATTERN = Pattern.compile(
      "(?<![A-Za-z0-9])[STFGMstfgm]\\d{7}[A-Za-z](?![A-Za-z0-9])");

  /** Singapore numbers, which have eight digits and start with 6 (fixed), 8 or 9 (mobile). */
  private static final String SG_NUMBER = "[689]\\d{3}[ .-]?\\d{4}";

  /**
   * In this order, so that the first alternative that fits a position wins: {@code +65 9123 4567} and
   * {@code (+65) 9123 4567}; any other {@code +}country number of 7 to 15 digits with spaces, dots, dashes or a
   * bracketed area code ({@code +1 (415) 555-2671}); {@code 65} without the plus, as in {@code 6591234567}; local
   * {@code 9123 4567}, {@code 9123-4567}, {@code 91234567}. Not after a word character, {@code +}, {@code #},
   * {@code $} or {@code .}, nor after or before another group of four digits, nor before a decimal point.
   */
  private static final Pattern PHONE_PATTERN = Pattern.compile(
      "(?<![\\w+#$.]|\\d{4}[ -])"
          + "(?:(?:\\+65|\\(\\+65\\))[ .-]?" + SG_NUMBER
          + "|(?:\\+[1-9]\\d{0,2}|\\(\\+[1-9]\\d{0,2}\\))(?:[ .-]?\\(\\d{1,4}\\))?(?:[ .-]?\\d){6,12}"
          + "|65[ -]?[689]\\d{3}[ -]?\\d{4}"
          + "|[689]\\d{3}[ -]?\\d{4})"
          + "(?!\\w|[ -]\\d{4}|\\.\\d)");

  /**
   * EMAIL first: an address may hold digits ({@code 6591234567@example.com} is one e-mail address, not a phone
   * number). CARD and NRIC before PHONE: a card's digit groups hold phone-shaped runs, and what an earlier detector
   * replaced, a later one cannot see.
   */
  static final List<Detector> ALL = List.of(
      new Detector(EMAIL, EMAIL_PATTERN, candidate -> true, TextFacts::hasAt),
      // every alternative starts with [2-6]\d{3} and holds 13 digits or more
      new Detector(CARD, CARD_PATTERN, Checksums::luhn,
          facts -> facts.longestDigitRun() >= 4 && facts.digits() >= 13),
      new Detector(NRIC, NRIC_PATTERN, Checksums::nricCheckLetter, facts -> facts.longestDigitRun() >= 7),
      // each alternative holds a +, or eight digits within nine characters ([689]\d{3}[ -]?\d{4}, which the
      // alternative starting 65 ends with): "400 boxes for 10 inch" or an order number of five digits runs no pattern
      new Detector(PHONE, PHONE_PATTERN, candidate -> true,
          facts -> facts.hasPlus() || facts.densestDigits() >= 8));

  private BuiltInDetectors() {}
}
