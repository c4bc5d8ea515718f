package dev.dataflow.runtime.scrub;

/**
 * The check digits that tell an identifier from a number that only looks like one: the Luhn check of payment card
 * numbers, and the check letter of Singapore NRIC/FIN numbers.
 */
final class Checksums {
  private static final int[] NRIC_WEIGHTS = {2, 7, 6, 5, 4, 3, 2};
  // Indexed by the weighted sum (plus the prefix's offset) modulo 11.
  private static final String CHECK_LETTERS_S_T = "JZIHGFEDCBA";
  private static final String CHECK_LETTERS_F_G = "XWUTRQPNMLK";
  private static final String CHECK_LETTERS_M = "XWUTRQPNJLK";

  private Checksums() {}

  /** Whether the digits of {@code text} (other characters are skipped) pass the Luhn check. */
  static boolean luhn(CharSequence text) {
    int sum = 0;
    boolean doubled = false;
    for (int i = text.length() - 1; i >= 0; i--) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        continue;
      }
      int digit = c - '0';
      if (doubled) {
        digit *= 2;
        if (digit > 9) {
          digit -= 9;
        }
      }
      sum += digit;
      doubled = !doubled;
    }
    return sum % 10 == 0;
  }

  /**
   * Whether {@code text}, a prefix letter, seven digits and a letter (either case), carries the check letter of a
   * Singapore NRIC (S, T) or FIN (F, G, M): the digits weighted 2, 7, 6, 5, 4, 3, 2, plus 4 for T and G or 3 for M,
   * modulo 11, looked up in the prefix's letter table.
   */
  static boolean nricCheckLetter(CharSequence text) {
    if (text.length() != 9) {
      return false;
    }
    char prefix = Character.toUpperCase(text.charAt(0));
    int sum = switch (prefix) {
      case 'S', 'F' -> 0;
      case 'T', 'G' -> 4;
      case 'M' -> 3;
      default -> -1;
    };
    if (sum < 0) {
      return false;
    }
    for (int i = 0; i < NRIC_WEIGHTS.length; i++) {
      char c = text.charAt(i + 1);
      if (c < '0' || c > '9') {
        return false;
      }
      sum += (c - '0') * NRIC_WEIGHTS[i];
    }
    String letters = switch (prefix) {
      case 'S', 'T' -> CHECK_LETTERS_S_T;
      case 'F', 'G' -> CHECK_LETTERS_F_G;
      default -> CHECK_LETTERS_M;
    };
    return Character.toUpperCase(text.charAt(8)) == letters.charAt(sum % 11);
  }
}
