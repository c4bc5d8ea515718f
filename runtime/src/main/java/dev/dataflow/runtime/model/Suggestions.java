package dev.dataflow.runtime.model;

import java.util.Collection;
import java.util.Locale;

/**
 * Names as messages echo them: "did you mean" hints for misspelled names (node types, parameters, columns,
 * operators), and {@link #cut} for any name taken from input, so that a message stays short whatever was given.
 *
 * <pre>{@code
 * "unknown field '" + Suggestions.cut(name) + "'." + Suggestions.didYouMean(name, columns)
 * }</pre>
 */
public final class Suggestions {
  /** The most characters of an input name a message repeats; {@link #cut} adds {@code ...} to a longer one. */
  public static final int MAX_ECHOED_NAME = 64;

  private Suggestions() {}

  /**
   * {@code name} as a message may echo it: unchanged up to {@value #MAX_ECHOED_NAME} characters, else its first
   * {@value #MAX_ECHOED_NAME} characters (never half of a surrogate pair) and {@code ...}. Null is {@code "null"}.
   */
  public static String cut(String name) {
    if (name == null) {
      return "null";
    }
    if (name.length() <= MAX_ECHOED_NAME) {
      return name;
    }
    int end = MAX_ECHOED_NAME;
    if (Character.isHighSurrogate(name.charAt(end - 1)) && Character.isLowSurrogate(name.charAt(end))) {
      end--;
    }
    return name.substring(0, end) + "...";
  }

  /**
   * The candidate closest to {@code name} by edit distance (case-insensitive), if it is close enough to be a
   * likely typo; else null.
   */
  public static String closest(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = null;
    for (String candidate : candidates) {
      // The distance is at least the difference in length: a candidate that far off is no typo, and skipping it
      // keeps a name of millions of characters from costing millions of steps per candidate.
      if (Math.abs(name.length() - candidate.length()) > allowed(name, candidate)) {
        continue;
      }
      if (lower == null) {
        lower = name.toLowerCase(Locale.ROOT);
      }
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    if (best == null) {
      return null;
    }
    return bestDistance <= allowed(name, best) ? best : null;
  }

  /** {@code " Did you mean 'x'?"} or the empty string; the suggestion is {@link #cut} like any echoed name. */
  public static String didYouMean(String name, Collection<String> candidates) {
    String best = name == null ? null : closest(name, candidates);
    return best == null ? "" : " Did you mean '" + cut(best) + "'?";
  }

  /** How many edits still make {@code candidate} a likely typo of {@code name}. */
  private static int allowed(String name, String candidate) {
    return Math.max(2, Math.min(name.length(), candidate.length()) / 3);
  }

  static int distance(String a, String b) {
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
