package dev.dataflow.processor.write;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Lays a rendered SQL statement out over several lines of generated source, as string pieces joined with {@code +}:
 * one clause per line ({@code values}, {@code set}, {@code from}, {@code where}, {@code returning}, {@code on}), one
 * column or constraint per line of a {@code create table}, and a clause still too long wrapped after a comma.
 *
 * <p>The pieces concatenate to exactly the statement jOOQ rendered: the runtime runs, caches and compares the same
 * text as before, and only the source a reader sees changes. A statement that fits on one line stays one piece.
 */
final class SqlLayout {
  /** The longest piece, counted as written in Java source (with {@code \"} escapes), before it is split. */
  static final int WIDTH = 90;

  private static final Set<String> CLAUSES = Set.of("values", "set", "from", "where", "returning", "on");
  private static final String CREATE_TABLE = "create table";

  private SqlLayout() {}

  /** {@code sql} as a string literal, split into one {@code + "..."} continuation line per piece. */
  static CodeBlock literal(String sql) {
    List<String> pieces = pieces(sql);
    CodeBlock.Builder code = CodeBlock.builder().add("$S", pieces.get(0)).indent().indent();
    for (String piece : pieces.subList(1, pieces.size())) {
      code.add("\n+ $S", piece);
    }
    return code.unindent().unindent().build();
  }

  /** The pieces of {@code sql}, in order; joined, they are {@code sql}. */
  static List<String> pieces(String sql) {
    if (sourceLength(sql) <= WIDTH) {
      return List.of(sql);
    }
    List<String> pieces = new ArrayList<>();
    int start = 0;
    for (int end : clauseBreaks(sql)) {
      pieces.addAll(wrapAtCommas(sql.substring(start, end)));
      start = end;
    }
    pieces.addAll(wrapAtCommas(sql.substring(start)));
    return pieces;
  }

  /**
   * Where a new line starts: before a clause keyword outside parentheses, and in a {@code create table} after its
   * opening parenthesis, after each comma between its columns and constraints, and before its closing parenthesis.
   */
  private static List<Integer> clauseBreaks(String sql) {
    boolean createTable = sql.startsWith(CREATE_TABLE);
    boolean columnsOpened = false;
    List<Integer> breaks = new ArrayList<>();
    Scanner scanner = new Scanner(sql);
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      int depth = scanner.depth();
      if (!scanner.step(i)) {
        continue; // inside a quoted identifier or literal
      }
      if (depth == 0 && c == ' ' && startsClause(sql, i + 1)) {
        breaks.add(i);
      } else if (createTable && depth == 0 && c == '(' && !columnsOpened) {
        columnsOpened = true;
        breaks.add(i + 1);
      } else if (createTable && depth == 1 && c == ',' && next(sql, i) == ' ') {
        breaks.add(i + 2);
      } else if (createTable && depth == 1 && c == ')') {
        breaks.add(i);
      }
    }
    breaks.removeIf(at -> at <= 0 || at >= sql.length());
    return breaks;
  }

  private static boolean startsClause(String sql, int at) {
    int end = at;
    while (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      end++;
    }
    return end < sql.length() && CLAUSES.contains(sql.substring(at, end));
  }

  /**
   * {@code text} as it is, or, when too long, split after commas (outside quotes) into as few lines as fit
   * {@link #WIDTH}, of lengths as even as they can be, so that no line holds a lone last item.
   */
  private static List<String> wrapAtCommas(String text) {
    if (sourceLength(text) <= WIDTH) {
      return List.of(text);
    }
    List<Integer> breaks = new ArrayList<>();
    Scanner scanner = new Scanner(text);
    for (int i = 0; i < text.length(); i++) {
      if (scanner.step(i) && text.charAt(i) == ',' && next(text, i) == ' ' && i + 2 < text.length()) {
        breaks.add(i + 2);
      }
    }
    List<String> widest = fill(text, breaks, WIDTH);
    for (int width = sourceLength(text) / widest.size(); width < WIDTH; width++) {
      List<String> even = fill(text, breaks, width);
      if (even.size() == widest.size()) {
        return even;
      }
    }
    return widest;
  }

  /** Fills lines up to {@code width}, breaking only at {@code breaks}; a segment longer than that stands alone. */
  private static List<String> fill(String text, List<Integer> breaks, int width) {
    List<String> lines = new ArrayList<>();
    int lineStart = 0;
    int lastBreak = 0;
    for (int at : breaks) {
      if (sourceLength(text.substring(lineStart, at)) > width && lastBreak > lineStart) {
        lines.add(text.substring(lineStart, lastBreak));
        lineStart = lastBreak;
      }
      lastBreak = at;
    }
    if (sourceLength(text.substring(lineStart)) > width && lastBreak > lineStart) {
      lines.add(text.substring(lineStart, lastBreak));
      lineStart = lastBreak;
    }
    lines.add(text.substring(lineStart));
    return lines;
  }

  private static char next(String text, int i) {
    return i + 1 < text.length() ? text.charAt(i + 1) : 0;
  }

  /** The length of {@code text} inside a Java string literal: quotes and backslashes take two characters. */
  static int sourceLength(String text) {
    int length = text.length();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        length++;
      }
    }
    return length;
  }

  /** Walks SQL one character at a time, tracking quoted identifiers, string literals and parentheses. */
  private static final class Scanner {
    private final String sql;
    private char quote;
    private int depth;

    Scanner(String sql) {
      this.sql = sql;
    }

    int depth() {
      return depth;
    }

    /**
     * Takes the character at {@code i}; false when it belongs to a quoted identifier or literal (its quotes
     * included). A doubled quote inside ({@code 'it''s'}) closes and reopens, which leaves it quoted.
     */
    boolean step(int i) {
      char c = sql.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
        return false;
      }
      if (c == '"' || c == '\'') {
        quote = c;
        return false;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      return true;
    }
  }
}
