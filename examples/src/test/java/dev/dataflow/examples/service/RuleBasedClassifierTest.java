package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each intent and language rule of {@link RuleBasedClassifier}. */
class RuleBasedClassifierTest {
  private final RuleBasedClassifier classifier = new RuleBasedClassifier();

  private String intent(String text) {
    return classifier.classify(text, null).intent();
  }

  private String language(String text, String previous) {
    return classifier.classify(text, previous).language();
  }

  @Test
  void theSeedsMessagesAreOrdersInEnglish() {
    Classification first = classifier.classify("Hi, we need 400 boxes for 10 inch pizzas", null);
    assertEquals(new Classification("order_placement", 0.95, "en", List.of(new OrderRequest(400, 10, null))), first);
    Classification third = classifier.classify("Yes, and 200 for 12 inch as well", "en");
    assertEquals(new Classification("order_placement", 0.95, "en", List.of(new OrderRequest(200, 12, null))), third);
  }

  @Test
  void complaintComesFirst() {
    Classification c = classifier.classify("The 400 boxes arrived damaged", null);
    assertEquals("complaint", c.intent());
    assertEquals(0.85, c.confidence());
    assertEquals(List.of(), c.lines());
    assertEquals("complaint", intent("Kotak rosak, saya mahu refund"));
    assertEquals("complaint", intent("我要投诉"));
  }

  @Test
  void orderStatus() {
    assertEquals("order_status", intent("Where is my order?"));
    assertEquals("order_status", intent("Any update on ORD-20261130-0A1B2C3D"));
    assertEquals("order_status", intent("Can you track my delivery"));
    assertEquals("order_status", intent("Bila sampai?"));
    assertEquals(0.85, classifier.classify("order status please", null).confidence());
  }

  @Test
  void pricingBeforeOrderLines() {
    assertEquals("pricing_inquiry", intent("How much for 400 boxes for 10 inch?"));
    assertEquals("pricing_inquiry", intent("What is the price of 12 inch boxes"));
    assertEquals("pricing_inquiry", intent("Berapa harga kotak 10 inci?"));
    assertEquals("pricing_inquiry", intent("10寸多少钱"));
  }

  @Test
  void orderLinesMakeAnOrderSureWhenEachSaysWhat() {
    assertEquals(0.95, classifier.classify("50 packs of napkins", null).confidence());
    Classification vague = classifier.classify("we need 400 boxes", null);
    assertEquals("order_placement", vague.intent());
    assertEquals(0.75, vague.confidence());
    assertEquals(List.of(new OrderRequest(400, null, null)), vague.lines());
  }

  @Test
  void anOrderWordWithoutLines() {
    Classification c = classifier.classify("I want to order some boxes", null);
    assertEquals("order_placement", c.intent());
    assertEquals(0.6, c.confidence());
    assertEquals(List.of(), c.lines());
  }

  @Test
  void greetingAndOther() {
    Classification hi = classifier.classify("Hello there", null);
    assertEquals("greeting", hi.intent());
    assertEquals(0.9, hi.confidence());
    assertEquals("greeting", intent("Good morning!"));
    assertEquals("greeting", intent("你好"));
    Classification other = classifier.classify("thanks, bye", null);
    assertEquals("other", other.intent());
    assertEquals(0.5, other.confidence());
  }

  @Test
  void languageByScript() {
    assertEquals("zh", language("我们需要400个10寸的披萨盒", "en"));
    assertEquals("ja", language("ピザの箱を400個ください", null));
    assertEquals("ko", language("피자 상자 400개 주세요", null));
    assertEquals("th", language("ขอกล่องพิซซ่า 400 ใบ", null));
    assertEquals("ta", language("எனக்கு 400 பெட்டிகள் வேண்டும்", null));
  }

  @Test
  void languageByWords() {
    assertEquals("en", language("Hi, we need 400 boxes for 10 inch pizzas", null));
    assertEquals("ms", language("Saya nak 400 kotak untuk piza 10 inci", null));
    assertEquals("id", language("Saya mau pesan 400 dus, bisa kirim besok?", null));
    assertEquals("ms", language("Terima kasih, ada lagi", null));   // shared words only: Malay
    assertEquals("id", language("Terima kasih, ada lagi", "id"));   // ... unless the conversation is Indonesian
  }

  @Test
  void aTextWithFewerThanTwoListWordsKeepsTheConversationsLanguage() {
    assertEquals("ms", language("ok 400", "ms"));
    assertEquals("ms", language("yes", "ms"));
    assertEquals("en", language("ya", "en"));
    assertEquals("en", language("400", null));
  }

  @Test
  void aClassificationChecksItsValues() {
    assertEquals("intent must be one of " + Classification.INTENTS + ", was 'shopping'",
        assertThrows(IllegalArgumentException.class,
            () -> new Classification("shopping", 0.5, "en", List.of())).getMessage());
    assertEquals("confidence must be between 0 and 1, was 1.5", assertThrows(IllegalArgumentException.class,
        () -> new Classification("other", 1.5, "en", List.of())).getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Classification("other", Double.NaN, "en", List.of()));
    assertThrows(IllegalArgumentException.class, () -> new Classification("other", 0.5, "eng", List.of()));
  }
}
