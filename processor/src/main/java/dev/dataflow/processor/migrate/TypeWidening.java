package dev.dataflow.processor.migrate;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which column type changes keep every existing value as it is, so {@code ALTER COLUMN ... TYPE} cannot fail or
 * round. Everything else (narrowing, or a change of kind such as TEXT to INTEGER) is refused.
 */
final class TypeWidening {
  private static final Pattern VARCHAR = Pattern.compile("VARCHAR\\((\\d+)\\)");
  private static final Pattern NUMERIC = Pattern.compile("NUMERIC\\((\\d+),\\s*(\\d+)\\)");
  private static final Set<String> WIDER_THAN_SMALLINT = Set.of("INTEGER", "BIGINT");

  private TypeWidening() {}

  static boolean isSafe(String from, String to) {
    String a = from.toUpperCase(Locale.ROOT).trim();
    String b = to.toUpperCase(Locale.ROOT).trim();
    if (a.equals(b)) {
      return true;
    }
    if (a.equals("SMALLINT")) {
      return WIDER_THAN_SMALLINT.contains(b);
    }
    if (a.equals("INTEGER")) {
      return b.equals("BIGINT");
    }
    if (a.equals("REAL")) {
      return b.equals("DOUBLE PRECISION");
    }
    Matcher varcharFrom = VARCHAR.matcher(a);
    if (varcharFrom.matches()) {
      if (b.equals("TEXT")) {
        return true;
      }
      Matcher varcharTo = VARCHAR.matcher(b);
      return varcharTo.matches() && Long.parseLong(varcharTo.group(1)) > Long.parseLong(varcharFrom.group(1));
    }
    Matcher numericFrom = NUMERIC.matcher(a);
    if (numericFrom.matches()) {
      if (b.equals("NUMERIC")) {
        return true;
      }
      Matcher numericTo = NUMERIC.matcher(b);
      return numericTo.matches()
          && numericTo.group(2).equals(numericFrom.group(2))
          && Integer.parseInt(numericTo.group(1)) > Integer.parseInt(numericFrom.group(1));
    }
    return false;
  }
}
