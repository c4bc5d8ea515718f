package dev.dataflow.processor.scan;

import java.util.Collection;
import java.util.Locale;

/**
 * "Did you mean" for a name written in an annotation: the candidate closest by edit distance, when it is close enough
 * to be a typo. The runtime has its own ({@code Suggestions}) for names in node parameters; the processor does not
 * depend on the runtime.
 */
final class Spelling {
  private Spelling() {}

  /** The candidate closest to {@code written} (ignoring case), or null when none is a likely typo of it. */
  static String closest(String written, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = written.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    int allowed = Math.max(2, Math.min(written.length(), best.length()) / 3);
    return bestDistance <= allowed ? best : null;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
