package dev.dataflow.runtime.scrub;

/**
 * What one pass over a text says about which detectors could match it: whether it holds an {@code @} or a
 * {@code +}, its longest run of ASCII digits, how many ASCII digits it holds, and the most ASCII digits in any nine
 * characters in a row.
 *
 * @param densestDigits the most ASCII digits within any {@value #WINDOW} consecutive characters (a phone number
 *     without {@code +} has eight digits within nine characters: {@code 9123 4567})
 */
record TextFacts(boolean hasAt, boolean hasPlus, int longestDigitRun, int digits, int densestDigits) {
  /** The width of the window {@link #densestDigits} is counted in. */
  static final int WINDOW = 9;

  static TextFacts of(String text) {
    boolean at = false;
    boolean plus = false;
    int longest = 0;
    int run = 0;
    int digits = 0;
    int densest = 0;
    int window = 0; // bit k set: the character k places back is a digit
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean digit = c >= '0' && c <= '9';
      window = ((window << 1) | (digit ? 1 : 0)) & ((1 << WINDOW) - 1);
      if (digit) {
        digits++;
        densest = Math.max(densest, Integer.bitCount(window));
        run++;
        if (run > longest) {
          longest = run;
        }
        continue;
      }
      run = 0;
      if (c == '@') {
        at = true;
      } else if (c == '+') {
        plus = true;
      }
    }
    return new TextFacts(at, plus, longest, digits, densest);
  }
}
