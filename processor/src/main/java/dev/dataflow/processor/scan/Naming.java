package dev.dataflow.processor.scan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/** How Java names become SQL names, and which SQL names PostgreSQL accepts. */
public final class Naming {
  /** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
  private static final int HASH_CHARS = 8;

  private Naming() {}

  /** {@code sessionId} → {@code session_id}, {@code URLValue} → {@code url_value}. */
  public static String snakeCase(String javaName) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaName.length(); i++) {
      char c = javaName.charAt(i);
      if (Character.isUpperCase(c)) {
        boolean previousIsLowerOrDigit =
            i > 0 && (Character.isLowerCase(javaName.charAt(i - 1)) || Character.isDigit(javaName.charAt(i - 1)));
        boolean endsAcronym =
            i > 0
                && Character.isUpperCase(javaName.charAt(i - 1))
                && i + 1 < javaName.length()
                && Character.isLowerCase(javaName.charAt(i + 1));
        if ((previousIsLowerOrDigit || endsAcronym) && out.length() > 0 && out.charAt(out.length() - 1) != '_') {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The English plural of a snake_case name's last word: {@code address} → {@code addresses}. */
  public static String plural(String snakeName) {
    String lower = snakeName.toLowerCase(Locale.ROOT);
    if (lower.endsWith("s")
        || lower.endsWith("x")
        || lower.endsWith("z")
        || lower.endsWith("ch")
        || lower.endsWith("sh")) {
      return snakeName + "es";
    }
    if (lower.length() >= 2 && lower.endsWith("y") && !isVowel(lower.charAt(lower.length() - 2))) {
      return snakeName.substring(0, snakeName.length() - 1) + "ies";
    }
    return snakeName + "s";
  }

  /** The default table of a model class: {@code ConversationSession} → {@code conversation_sessions}. */
  public static String tableName(String simpleClassName) {
    return plural(snakeCase(simpleClassName));
  }

  /** Whether PostgreSQL takes {@code name} without truncating it. */
  public static boolean fitsLength(String name) {
    return name.getBytes(StandardCharsets.UTF_8).length <= MAX_IDENTIFIER_BYTES;
  }

  /** Whether {@code name} is a plain SQL identifier (letters, digits, {@code _}, {@code $}; no leading digit). */
  public static boolean isPlainIdentifier(String name) {
    return IDENTIFIER.matcher(name).matches();
  }

  /**
   * A generated constraint or index name, {@code prefix_table_col1_col2}, shortened to 63 bytes when longer: the
   * first 54 characters, {@code _}, and 8 hex digits of a SHA-256 of the full name, so it stays stable and unique.
   */
  public static String constraintName(String prefix, String table, List<String> columns) {
    return shorten(prefix + "_" + table + "_" + String.join("_", columns));
  }

  static String shorten(String name) {
    if (fitsLength(name)) {
      return name;
    }
    String hash = sha256Hex(name).substring(0, HASH_CHARS);
    int keep = MAX_IDENTIFIER_BYTES - HASH_CHARS - 1;
    // Generated names are built from valid identifiers, which are ASCII, so chars are bytes here.
    return name.substring(0, keep) + "_" + hash;
  }

  private static String sha256Hex(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format(Locale.ROOT, "%02x", b));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private static boolean isVowel(char c) {
    return "aeiou".indexOf(c) >= 0;
  }

  /** A name is at most 63 bytes and a plain identifier; {@code hint} says how to change it. */
  static boolean checkName(
      ErrorReporter errors,
      Element element, AnnotationMirror annotation, AnnotationValue value, String what, String name, String hint) {
    if (!Naming.fitsLength(name)) {
      errors.error(
          element,
          annotation,
          value,
          what + " name " + name + " is longer than PostgreSQL's 63-byte limit; " + hint);
      return false;
    }
    if (!Naming.isPlainIdentifier(name)) {
      errors.error(
          element,
          annotation,
          value,
          what
              + " name \""
              + name
              + "\" is not a valid identifier (letters, digits, _ and $, not starting with a digit); "
              + hint);
      return false;
    }
    return true;
  }
}
