package dev.dataflow.runtime.scrub;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of personal data: a pattern that finds candidates and a check that each candidate must also pass (a
 * checksum; always true for patterns without one). Every accepted candidate is replaced by {@code [NAME]}.
 *
 * @param name the upper-case name, also the placeholder's text
 * @param pattern finds candidates; a zero-length match is never replaced
 * @param check decides whether a candidate is personal data; a rejected candidate stays, whole
 * @param mayMatch false when the text's {@link TextFacts} show the pattern cannot match, so it is not run (a
 *     necessary condition only: true whenever unsure)
 */
record Detector(String name, Pattern pattern, Predicate<String> check, Predicate<TextFacts> mayMatch) {

  /** A detector that always runs its pattern (an application's own). */
  Detector(String name, Pattern pattern, Predicate<String> check) {
    this(name, pattern, check, facts -> true);
  }

  /** The text that replaces what this detector finds: {@code [NAME]}. */
  String placeholder() {
    return "[" + name + "]";
  }

  /** {@code text} with every accepted candidate replaced, or {@code text} itself when there is none. */
  String replaceIn(String text) {
    Matcher matcher = pattern.matcher(text);
    StringBuilder out = null;
    int copied = 0;
    while (matcher.find()) {
      if (matcher.end() == matcher.start() || !check.test(matcher.group())) {
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length());
      }
      out.append(text, copied, matcher.start()).append(placeholder());
      copied = matcher.end();
    }
    if (out == null) {
      return text;
    }
    return out.append(text, copied, text.length()).toString();
  }
}
