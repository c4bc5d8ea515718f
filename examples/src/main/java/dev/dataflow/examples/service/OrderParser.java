package dev.dataflow.examples.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the order lines of a message with plain rules: a <em>quantity</em> followed by what it is of, a pizza
 * <em>size</em> or <em>product words</em>.
 *
 * <ul>
 *   <li>A <b>size</b> is a number of one or two digits followed by an inch unit: {@code 10 inch}, {@code 10 inches},
 *       {@code 10-inch}, {@code 10inch}, {@code 10in}, {@code 10"}, {@code 10 inci} (Malay, Indonesian),
 *       {@code 10寸}, {@code 10吋}, {@code 10英寸} (Chinese).</li>
 *   <li>A <b>quantity</b> is any other whole number from 1 to 100,000 ({@code 400}, {@code 1,000}), standing on its
 *       own: not part of a decimal, a price ({@code $12}), a reference ({@code #123}, {@code ORD-...}), a date or a
 *       time ({@code 30/11}, {@code 10:30}), and not followed by {@code am}, {@code pm}, {@code %}, a weight or
 *       volume unit, or an ordinal ending ({@code 2nd}).</li>
 *   <li>Each quantity, in the order written, takes a size not taken yet: one written right before it with only
 *       spaces, {@code :}, {@code x}, {@code ×}, {@code *}, {@code =} or {@code -} between ("10 inch: 400, 12 inch:
 *       200" → 400 × 10", 200 × 12"); else the first one written after it and before the next quantity ("400 boxes
 *       for 10 inch pizzas" → 400 × 10", "200 for 12 inch as well" → 200 × 12", "400 boxes for 10 inch and 200 for
 *       12 inch" → two lines). A quantity with no size after it but with product words takes those: the first run of
 *       words after it, before any {@code , . ; ! ?}, that are not {@linkplain #STOP_WORDS stop words}, made
 *       singular ("50 packs of napkins" → 50 × "napkin", "100 dipping cups" → 100 × "dipping cup"). With neither,
 *       it takes the last size written before it and after the previous quantity.</li>
 *   <li>A quantity with neither size nor product ("we need 400 boxes") is still a line, without a size or product;
 *       the handler asks which size is meant.</li>
 * </ul>
 *
 * <p>Pure functions, no state: thread-safe.
 */
public final class OrderParser {
  /** The largest quantity read as one; bigger numbers are not quantities (phone-like numbers are scrubbed anyway). */
  public static final int MAX_QUANTITY = 100_000;

  private static final Pattern SIZE = Pattern.compile(
      "(?<![\\d.,$#/:-])(\\d{1,2})(?:\\s*-?\\s*(?:inches|inch|inci)\\b|in\\b|\\s*(?:\"|”|''|英寸|寸|吋))");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\d.,$#/:\\w-])(\\d{1,3}(?:,\\d{3})+|\\d+)"
      + "(?!\\d)(?![,.:/]\\d)(?!\\s*(?:am\\b|pm\\b|%|kg\\b|g\\b|ml\\b|l\\b|st\\b|nd\\b|rd\\b|th\\b))");
  private static final Pattern ATTACHED = Pattern.compile("[\\s:x×*=-]*");
  private static final Pattern CLAUSE_END = Pattern.compile("[,.;!?\\n]");
  private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+");

  /**
   * Words that never name a product: units ("boxes", "packs", "pcs"), fillers ("of", "for", "please") and "pizza",
   * which every box is for. Malay and Indonesian units and fillers are included ("kotak", "untuk", "dus").
   */
  public static final Set<String> STOP_WORDS = Set.of(
      "a", "an", "the", "of", "for", "and", "also", "as", "well", "more", "another", "extra", "additional", "please",
      "pls", "plz", "too", "with", "our", "my", "we", "i", "need", "want", "to", "order", "only", "each", "yes", "ok",
      "okay", "same", "again", "them", "those", "these", "x", "qty", "nos", "size", "sizes", "in", "at", "by", "on",
      "box", "boxes", "pack", "packs", "packet", "packets", "pc", "pcs", "piece", "pieces", "carton", "cartons",
      "ctn", "ctns", "bag", "bags", "unit", "units", "pizza", "pizzas",
      "kotak", "untuk", "dan", "juga", "lagi", "buah", "biji", "saiz", "ukuran", "dus", "kardus", "piza", "ya");

  private OrderParser() {}

  /** The order lines of {@code text}, in the order written; empty when it has no quantity. */
  public static List<OrderRequest> parse(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<int[]> sizes = new ArrayList<>();   // start, end, inches, claimed (0/1)
    Matcher s = SIZE.matcher(lower);
    while (s.find()) {
      sizes.add(new int[] {s.start(), s.end(), Integer.parseInt(s.group(1)), 0});
    }
    List<int[]> quantities = new ArrayList<>();   // start, end, quantity
    Matcher n = NUMBER.matcher(lower);
    while (n.find()) {
      if (insideSize(sizes, n.start())) {
        continue;
      }
      long value = Long.parseLong(n.group(1).replace(",", ""));
      if (value >= 1 && value <= MAX_QUANTITY) {
        quantities.add(new int[] {n.start(), n.end(), (int) value});
      }
    }
    List<OrderRequest> lines = new ArrayList<>();
    for (int i = 0; i < quantities.size(); i++) {
      int[] q = quantities.get(i);
      int previousEnd = i == 0 ? 0 : quantities.get(i - 1)[1];
      int nextStart = i + 1 < quantities.size() ? quantities.get(i + 1)[0] : lower.length();
      int[] size = attachedBefore(sizes, lower, q[0]);
      if (size == null) {
        size = firstSizeIn(sizes, q[1], nextStart);
      }
      String product = null;
      if (size == null) {
        String segment = lower.substring(q[1], nextStart);
        Matcher end = CLAUSE_END.matcher(segment);
        product = productWords(end.find() ? segment.substring(0, end.start()) : segment);
        if (product == null) {
          size = lastSizeIn(sizes, previousEnd, q[0]);
        }
      }
      if (size != null) {
        size[3] = 1;
      }
      lines.add(new OrderRequest(q[2], size == null ? null : size[2], product));
    }
    return List.copyOf(lines);
  }

  /** A word made singular by English rules: "boxes" → "box", "cups" → "cup", "supplies" → "supply". */
  public static String singular(String word) {
    if (word.length() > 4 && word.endsWith("ies")) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.length() > 3 && (word.endsWith("xes") || word.endsWith("ches") || word.endsWith("shes")
        || word.endsWith("sses"))) {
      return word.substring(0, word.length() - 2);
    }
    if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  private static boolean insideSize(List<int[]> sizes, int position) {
    for (int[] size : sizes) {
      if (position >= size[0] && position < size[1]) {
        return true;
      }
    }
    return false;
  }

  /** An unclaimed size that ends right before {@code position}, with only spaces, {@code :}, {@code x} between. */
  private static int[] attachedBefore(List<int[]> sizes, String text, int position) {
    for (int[] size : sizes) {
      if (size[3] == 0 && size[1] <= position && ATTACHED.matcher(text.substring(size[1], position)).matches()) {
        return size;
      }
    }
    return null;
  }

  private static int[] firstSizeIn(List<int[]> sizes, int from, int to) {
    for (int[] size : sizes) {
      if (size[3] == 0 && size[0] >= from && size[0] < to) {
        return size;
      }
    }
    return null;
  }

  private static int[] lastSizeIn(List<int[]> sizes, int from, int to) {
    int[] last = null;
    for (int[] size : sizes) {
      if (size[3] == 0 && size[0] >= from && size[1] <= to) {
        last = size;
      }
    }
    return last;
  }

  /** The first run of non-stop words of {@code segment}, singular and space-separated, or null. */
  private static String productWords(String segment) {
    StringBuilder run = new StringBuilder();
    Matcher w = WORD.matcher(segment);
    int lastEnd = -1;
    while (w.find()) {
      String word = w.group();
      boolean stop = STOP_WORDS.contains(word);
      boolean adjacent = lastEnd < 0 || segment.substring(lastEnd, w.start()).isBlank();
      if (run.length() > 0 && (stop || !adjacent)) {
        break;
      }
      if (!stop) {
        run.append(run.length() == 0 ? "" : " ").append(singular(word));
      }
      lastEnd = w.end();
    }
    return run.length() == 0 ? null : run.toString();
  }
}
