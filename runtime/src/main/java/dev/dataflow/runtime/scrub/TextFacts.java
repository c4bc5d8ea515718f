package dev.dataflow.runtime.scrub;

/**
 * What one pass over a text says about which detectors could match it: whether it holds an {@code @} or a
 * {@code +}, and its longest run of ASCII digits.
 */
record TextFacts(boolean hasAt, boolean hasPlus, int longestDigitRun) {

  static TextFacts of(String text) {
    boolean at = false;
    boolean plus = false;
    int longest = 0;
    int run = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
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
    return new TextFacts(at, plus, longest);
  }
}
