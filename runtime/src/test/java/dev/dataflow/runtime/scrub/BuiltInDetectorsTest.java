package dev.dataflow.runtime.scrub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The built-in detectors on a table of personal data that must be replaced and of order text that must stay exactly
 * as it is (the same instance, so a write can tell cheaply that nothing changed).
 */
class BuiltInDetectorsTest {
  private static final PiiScrubber SCRUBBER = PiiScrubber.defaults();

  /** Text with personal data, and what it becomes. */
  record Replaced(String text, String scrubbed) {
    @Override
    public String toString() {
      return text;
    }
  }

  static final List<Replaced> PERSONAL_DATA = List.of(
      // EMAIL
      new Replaced("jane@example.com", "[EMAIL]"),
      new Replaced("Mail me at jane.doe@example.com please", "Mail me at [EMAIL] please"),
      new Replaced("orders+pizza@mail.example.com.sg", "[EMAIL]"),
      new Replaced("JOHN_SMITH@EXAMPLE.ORG", "[EMAIL]"),
      new Replaced("a.b-c%d@sub-domain.example.co.uk", "[EMAIL]"),
      new Replaced("<jane@example.com>", "<[EMAIL]>"),
      new Replaced("(jane@example.com)", "([EMAIL])"),
      new Replaced("email: jane@example.com.", "email: [EMAIL]."),
      new Replaced("jane@example.com, tom@example.net", "[EMAIL], [EMAIL]"),
      new Replaced("6591234567@example.com", "[EMAIL]"),
      new Replaced("mailto:sales@tria.sg", "mailto:[EMAIL]"),
      new Replaced("x@y.io", "[EMAIL]"),
      new Replaced("first.last@outlet-12.example.com", "[EMAIL]"),
      new Replaced("reply to u123@gmail.com thanks", "reply to [EMAIL] thanks"),
      // PHONE
      new Replaced("6591234567", "[PHONE]"),
      new Replaced("+65 9123 4567", "[PHONE]"),
      new Replaced("+6591234567", "[PHONE]"),
      new Replaced("9123 4567", "[PHONE]"),
      new Replaced("9123-4567", "[PHONE]"),
      new Replaced("91234567", "[PHONE]"),
      new Replaced("+65-9123-4567", "[PHONE]"),
      new Replaced("(+65) 9123 4567", "[PHONE]"),
      new Replaced("65 9123 4567", "[PHONE]"),
      new Replaced("65-9123-4567", "[PHONE]"),
      new Replaced("+65 6123 4567", "[PHONE]"),
      new Replaced("6123 4567", "[PHONE]"),
      new Replaced("8123 4567", "[PHONE]"),
      new Replaced("+1 415 555 2671", "[PHONE]"),
      new Replaced("+44 20 7946 0958", "[PHONE]"),
      new Replaced("+1 (415) 555-2671", "[PHONE]"),
      new Replaced("+60 12-345 6789", "[PHONE]"),
      new Replaced("+65.9123.4567", "[PHONE]"),
      new Replaced("call me at 9123 4567 tomorrow", "call me at [PHONE] tomorrow"),
      new Replaced("Tel:91234567", "Tel:[PHONE]"),
      new Replaced("91234567 400 boxes", "[PHONE] 400 boxes"),
      new Replaced("+6591234567 400 boxes", "[PHONE] 400 boxes"),
      new Replaced("whatsapp 6591234567, thanks", "whatsapp [PHONE], thanks"),
      new Replaced("my hp is 98765432.", "my hp is [PHONE]."),
      // CARD
      new Replaced("4111 1111 1111 1111", "[CARD]"),
      new Replaced("4111-1111-1111-1111", "[CARD]"),
      new Replaced("4111111111111111", "[CARD]"),
      new Replaced("4012888888881881", "[CARD]"),
      new Replaced("4222222222222", "[CARD]"),
      new Replaced("5555 5555 5555 4444", "[CARD]"),
      new Replaced("2223 0031 2200 3222", "[CARD]"),
      new Replaced("3782 822463 10005", "[CARD]"),
      new Replaced("371449635398431", "[CARD]"),
      new Replaced("6011 1111 1111 1117", "[CARD]"),
      new Replaced("3530-1113-3330-0000", "[CARD]"),
      new Replaced("30569309025904", "[CARD]"),
      new Replaced("6000000000000000004", "[CARD]"),
      new Replaced("card 4111 1111 1111 1111 exp 12/27", "card [CARD] exp 12/27"),
      new Replaced("pay with 5105105105105100, cvv 123", "pay with [CARD], cvv 123"),
      new Replaced("4111 1111 1111 1111 12/27 123", "[CARD] 12/27 123"),
      new Replaced("4111 1111 1111 1111 5555 5555 5555 4444", "[CARD] [CARD]"),
      // NRIC
      new Replaced("S1234567D", "[NRIC]"),
      new Replaced("T0123456G", "[NRIC]"),
      new Replaced("F1234567N", "[NRIC]"),
      new Replaced("G1234567X", "[NRIC]"),
      new Replaced("M1234567K", "[NRIC]"),
      new Replaced("s1234567d", "[NRIC]"),
      new Replaced("NRIC S9876543C please", "NRIC [NRIC] please"),
      new Replaced("IC: T1234567J.", "IC: [NRIC]."),
      new Replaced("F9876543M", "[NRIC]"),
      new Replaced("G7654321L", "[NRIC]"),
      new Replaced("M7654321J", "[NRIC]"),
      // Several in one message
      new Replaced("Hi, I'm S1234567D, call +65 9123 4567 or mail jane@example.com",
          "Hi, I'm [NRIC], call [PHONE] or mail [EMAIL]"),
      new Replaced("Need 400 boxes, call 91234567", "Need 400 boxes, call [PHONE]"),
      new Replaced("card 4111 1111 1111 1111, phone 9123 4567", "card [CARD], phone [PHONE]"),
      new Replaced("Deliver to 10 Anson Rd #08-12, Singapore 079903, contact 8123 4567 by 10:30",
          "Deliver to 10 Anson Rd #08-12, Singapore 079903, contact [PHONE] by 10:30"));

  /** Order text, and numbers that only look like personal data: each stays exactly as it is. */
  static final List<String> ORDER_TEXT = List.of(
      // quantities, sizes, prices
      "400 boxes for 10 inch pizzas",
      "Hi, we need 400 pizza boxes",
      "Yes, and 200 for 12 inch as well",
      "$12.50",
      "S$1,250.00",
      "10x12",
      "10 x 12 x 4 inch",
      "12 inch x 400, 10 inch x 200",
      "3.5kg",
      "12.5%",
      "Qty 1000, 2000, 3000",
      "total: 1,234,567 boxes",
      "2 x 400 = 800 boxes",
      "1/2 tray, 3/4 tray",
      "Table 12, 4 pax",
      "10-12 inch",
      "65 boxes",
      "temperature 65 degrees",
      "+100 boxes",
      "$91234567",
      "0.91234567",
      // dates and times
      "2026-11-30",
      "30/11/2026",
      "11/30/2026",
      "20261130",
      "10:30",
      "10:30am to 11:45pm",
      "2026-11-30 10:30",
      "2026-11-30T10:30:00+08:00",
      "call back at 10:30 or 11:00",
      "batch 2026/11/30-0001",
      // order numbers, references, postal codes, versions
      "order 123456",
      "order #1234567",
      "orders 123456 and 654321",
      "ref #91234567",
      "12345678",
      "1234-5678",
      "9123 456",
      "91234 567",
      "1234 5678 9012",
      "Singapore 238823",
      "Singapore 680123",
      "postal code 560123",
      "Blk 123 Ang Mo Kio Ave 3 #08-1234",
      "Room 08-123",
      "ext. 1234",
      "v1.2.3",
      "192.168.1.10",
      "ISBN 978-3-16-148410-0",
      "550e8400-e29b-41d4-a716-446655440000",
      "page 6 of 9",
      "+65",
      // card-shaped numbers that are not cards: Luhn fails, or no card issuer's first digit
      "4111 1111 1111 1112",
      "4111111111111112",
      "5555 5555 5555 4445",
      "6011 9123 4567 8901",
      "9123456781234569",
      "1234567890123452",
      // NRIC-shaped text that is not an NRIC/FIN: wrong check letter, prefix or boundaries
      "S1234567A",
      "T0123456A",
      "F1234567A",
      "M1234567A",
      "A1234567B",
      "XS1234567D",
      "S1234567D9",
      // e-mail-shaped text that is not an address
      "@pizzaplace",
      "jane@",
      "@example.com",
      "jane@example",
      "a@b.c",
      "jane at example dot com",
      "10 boxes @ $5.00");

  @ParameterizedTest(name = "{0}")
  @FieldSource("PERSONAL_DATA")
  void personalDataIsReplaced(Replaced row) {
    assertEquals(row.scrubbed(), SCRUBBER.scrub(row.text()));
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("ORDER_TEXT")
  void orderTextStaysTheSameInstance(String text) {
    assertSame(text, SCRUBBER.scrub(text));
  }

  @Test
  void theTableHasAtLeastSixtyOfEach() {
    assertTrue(PERSONAL_DATA.size() >= 60, "positives: " + PERSONAL_DATA.size());
    assertTrue(ORDER_TEXT.size() >= 60, "negatives: " + ORDER_TEXT.size());
  }

  @Test
  void nullAndEmptyStayAsTheyAre() {
    assertNull(SCRUBBER.scrub(null));
    String empty = new String();
    assertSame(empty, SCRUBBER.scrub(empty));
  }

  @Test
  void theSeedsMessageKeepsItsOrderAndLosesItsContact() {
    assertEquals(
        "Hi, we need 400 boxes for 10 inch pizzas by 2026-11-30 10:30, $12.50 each, order 123456. Call [PHONE]",
        SCRUBBER.scrub(
            "Hi, we need 400 boxes for 10 inch pizzas by 2026-11-30 10:30, $12.50 each, order 123456. Call"
                + " 6591234567"));
  }

  @Test
  void detectorsRunEmailCardNricPhone() {
    assertEquals(List.of("EMAIL", "CARD", "NRIC", "PHONE"), SCRUBBER.detectorNames());
  }

  @Test
  void aPlaceholderIsNeverFoundAgain() {
    String once = SCRUBBER.scrub("jane@example.com 4111 1111 1111 1111 S1234567D +65 9123 4567");
    assertEquals("[EMAIL] [CARD] [NRIC] [PHONE]", once);
    assertSame(once, SCRUBBER.scrub(once));
  }
}
