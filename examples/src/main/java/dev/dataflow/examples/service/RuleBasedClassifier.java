package dev.dataflow.examples.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's {@link MessageClassifier}: plain rules, no model. Deterministic and thread-safe.
 *
 * <p><b>Intent</b>: the first rule that matches, on the lower-cased text (words are runs of Latin letters; CJK
 * phrases are matched as substrings):
 *
 * <ol>
 *   <li>{@code complaint}, confidence 0.85: a complaint word ({@link #COMPLAINT_WORDS}: "damaged", "wrong",
 *       "missing", "refund", "rosak", "rusak", "投诉", ...).</li>
 *   <li>{@code order_status}, 0.85: a status word or phrase ({@link #STATUS_WORDS}: "status", "track", "where is",
 *       "arrived", "sampai", "订单状态", ...) or an order number ({@code ORD-20261130-...}).</li>
 *   <li>{@code pricing_inquiry}, 0.85: a price word or phrase ({@link #PRICING_WORDS}: "price", "how much", "cost",
 *       "harga", "berapa", "价格", "多少钱", ...). Before the order rule, so "how much for 400 10-inch boxes?" is a
 *       question, not an order.</li>
 *   <li>{@code order_placement}, 0.95: the text has order lines ({@link OrderParser}) and each says a size or a
 *       product; 0.75 when some line has a quantity only ("we need 400 boxes").</li>
 *   <li>{@code order_placement}, 0.6: an ordering word without lines ({@link #ORDER_WORDS}: "order", "buy", "need",
 *       "pesan", "beli", "订", ...).</li>
 *   <li>{@code greeting}, 0.9: a greeting ({@link #GREETING_WORDS}: "hi", "hello", "good morning", "selamat",
 *       "你好", ...).</li>
 *   <li>{@code other}, 0.5.</li>
 * </ol>
 *
 * <p><b>Language</b> (ISO 639-1), first by script, then by words:
 *
 * <ol>
 *   <li>Any kana → {@code ja}; else any Hangul → {@code ko}; else any Han character → {@code zh}; else Thai →
 *       {@code th}; else Tamil → {@code ta}.</li>
 *   <li>Otherwise each of {@code en}, {@code ms} and {@code id} scores the number of the text's words in its list
 *       ({@link #ENGLISH}, {@link #MALAY}, {@link #INDONESIAN}; Malay and Indonesian share many words, which count
 *       for both, and differ in a few: "nak", "mahu", "boleh", "tak" are Malay, "mau", "bisa", "butuh", "nggak"
 *       Indonesian). The highest score wins.</li>
 *   <li>A text with fewer than two list words ("ok", "400", "ya") keeps {@code previousLanguage}; so does a tie
 *       that includes it. Otherwise a tie between Malay and Indonesian is {@code ms}, any other tie {@code en}, and
 *       no word at all {@code en}.</li>
 * </ol>
 *
 * <p><b>Order lines</b>: {@link OrderParser#parse}, whatever the intent; only {@code order_placement} messages carry
 * them in the result.
 */
public final class RuleBasedClassifier implements MessageClassifier {
  /** Words that make a message a complaint. */
  public static final Set<String> COMPLAINT_WORDS = Set.of("complain", "complaint", "damaged", "broken", "wrong",
      "missing", "refund", "terrible", "crushed", "wet", "torn", "late", "disappointed", "unhappy", "rosak", "salah",
      "lambat", "rusak", "kecewa", "投诉", "破", "坏", "错");
  /** Words and phrases that ask about an order's progress. */
  public static final Set<String> STATUS_WORDS = Set.of("status", "track", "tracking", "where is", "where's",
      "arrived", "arrive", "eta", "when will", "delivered yet", "sampai", "di mana", "kapan", "bila", "订单状态",
      "到了", "送到");
  /** Words and phrases that ask for a price. */
  public static final Set<String> PRICING_WORDS = Set.of("price", "prices", "pricing", "how much", "cost", "costs",
      "quote", "quotation", "rate", "rates", "harga", "berapa", "价格", "价钱", "多少钱");
  /** Words that say the customer wants to order, without saying what. */
  public static final Set<String> ORDER_WORDS = Set.of("order", "buy", "need", "want", "purchase", "restock",
      "pesan", "pesanan", "beli", "nak", "mahu", "mau", "butuh", "perlu", "要", "订", "买");
  /** Greetings. */
  public static final Set<String> GREETING_WORDS = Set.of("hi", "hello", "hey", "hiya", "good morning",
      "good afternoon", "good evening", "morning", "selamat", "halo", "hai", "apa khabar", "assalamualaikum", "你好",
      "您好", "早上好");
  /** English words that tell the language. */
  public static final Set<String> ENGLISH = Set.of("the", "a", "an", "we", "i", "you", "need", "want", "for", "and",
      "as", "well", "is", "are", "my", "our", "please", "hi", "hello", "hey", "yes", "no", "thanks", "thank", "how",
      "much", "what", "where", "when", "order", "boxes", "box", "inch", "of", "to", "with", "can", "do", "have",
      "more", "also", "good", "morning", "some", "would", "like", "send", "deliver", "delivery", "price");
  /** Malay words, including those Indonesian shares. */
  public static final Set<String> MALAY = Set.of("saya", "kami", "kita", "perlu", "perlukan", "nak", "hendak",
      "mahu", "untuk", "dan", "juga", "boleh", "tak", "tidak", "ini", "itu", "berapa", "harga", "terima", "kasih",
      "kotak", "inci", "pesanan", "sudah", "belum", "ada", "lagi", "selamat", "pagi", "petang", "ya", "mana", "bila",
      "sampai", "dengan", "khabar", "tolong", "hantar");
  /** Indonesian words, including those Malay shares. */
  public static final Set<String> INDONESIAN = Set.of("saya", "kami", "kita", "perlu", "butuh", "mau", "ingin",
      "untuk", "dan", "juga", "bisa", "tidak", "enggak", "nggak", "gak", "ini", "itu", "berapa", "harga", "terima",
      "kasih", "kotak", "dus", "kardus", "inci", "pesanan", "pesan", "sudah", "belum", "ada", "lagi", "selamat",
      "pagi", "sore", "ya", "mana", "kapan", "sampai", "dengan", "ukuran", "tolong", "kirim");

  private static final Pattern WORD = Pattern.compile("\\p{IsLatin}+");
  private static final Pattern ORDER_NUMBER = Pattern.compile("\\bord-\\d{8}-");

  @Override
  public Classification classify(String text, String previousLanguage) {
    String lower = text.toLowerCase(Locale.ROOT);
    List<String> words = new ArrayList<>();
    Matcher m = WORD.matcher(lower);
    while (m.find()) {
      words.add(m.group());
    }
    String padded = " " + String.join(" ", words) + " ";
    String language = language(text, words, previousLanguage);
    if (mentions(lower, padded, COMPLAINT_WORDS)) {
      return new Classification(Classification.COMPLAINT, 0.85, language, List.of());
    }
    if (mentions(lower, padded, STATUS_WORDS) || ORDER_NUMBER.matcher(lower).find()) {
      return new Classification(Classification.ORDER_STATUS, 0.85, language, List.of());
    }
    if (mentions(lower, padded, PRICING_WORDS)) {
      return new Classification(Classification.PRICING_INQUIRY, 0.85, language, List.of());
    }
    List<OrderRequest> lines = OrderParser.parse(text);
    if (!lines.isEmpty()) {
      boolean specific = lines.stream().allMatch(OrderRequest::isSpecific);
      return new Classification(Classification.ORDER_PLACEMENT, specific ? 0.95 : 0.75, language, lines);
    }
    if (mentions(lower, padded, ORDER_WORDS)) {
      return new Classification(Classification.ORDER_PLACEMENT, 0.6, language, List.of());
    }
    if (mentions(lower, padded, GREETING_WORDS)) {
      return new Classification(Classification.GREETING, 0.9, language, List.of());
    }
    return new Classification(Classification.OTHER, 0.5, language, List.of());
  }

  /** The language by the rules in the class comment. */
  static String language(String text, List<String> words, String previousLanguage) {
    String byScript = byScript(text);
    if (byScript != null) {
      return byScript;
    }
    int en = count(words, ENGLISH);
    int ms = count(words, MALAY);
    int id = count(words, INDONESIAN);
    int best = Math.max(en, Math.max(ms, id));
    if (en + ms + id == 0 || best < 2 && previousLanguage != null) {
      return previousLanguage != null ? previousLanguage : "en";
    }
    List<String> tied = new ArrayList<>();
    if (en == best) {
      tied.add("en");
    }
    if (ms == best) {
      tied.add("ms");
    }
    if (id == best) {
      tied.add("id");
    }
    if (tied.size() == 1) {
      return tied.get(0);
    }
    if (previousLanguage != null && tied.contains(previousLanguage)) {
      return previousLanguage;
    }
    return tied.contains("en") ? "en" : "ms";
  }

  private static String byScript(String text) {
    boolean han = false;
    boolean kana = false;
    boolean hangul = false;
    boolean thai = false;
    boolean tamil = false;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      Character.UnicodeScript script = Character.UnicodeScript.of(c);
      han |= script == Character.UnicodeScript.HAN;
      kana |= script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA;
      hangul |= script == Character.UnicodeScript.HANGUL;
      thai |= script == Character.UnicodeScript.THAI;
      tamil |= script == Character.UnicodeScript.TAMIL;
      i += Character.charCount(c);
    }
    return kana ? "ja" : hangul ? "ko" : han ? "zh" : thai ? "th" : tamil ? "ta" : null;
  }

  private static int count(List<String> words, Set<String> list) {
    int n = 0;
    for (String word : words) {
      if (list.contains(word)) {
        n++;
      }
    }
    return n;
  }

  /** Whether a word of {@code list} is a word of the text, a phrase of it, or (CJK) a substring of it. */
  private static boolean mentions(String lower, String paddedWords, Set<String> list) {
    for (String entry : list) {
      if (entry.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) {
        if (lower.contains(entry)) {
          return true;
        }
      } else if (paddedWords.contains(" " + entry.replace("'", " ") + " ")) {
        return true;
      }
    }
    return false;
  }
}
