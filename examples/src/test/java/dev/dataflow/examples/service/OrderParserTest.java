package dev.dataflow.examples.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each rule of {@link OrderParser}, with the seed's messages first. */
class OrderParserTest {

  private static OrderRequest size(int quantity, int inches) {
    return new OrderRequest(quantity, inches, null);
  }

  private static OrderRequest product(int quantity, String words) {
    return new OrderRequest(quantity, null, words);
  }

  @Test
  void theSeedsMessages() {
    assertEquals(List.of(size(400, 10)), OrderParser.parse("Hi, we need 400 boxes for 10 inch pizzas"));
    assertEquals(List.of(size(200, 12)), OrderParser.parse("Yes, and 200 for 12 inch as well"));
  }

  @Test
  void everyInchSpellingIsASize() {
    for (String size : List.of("10 inch", "10 inches", "10-inch", "10 - inch", "10inch", "10in", "10\"", "10 inci",
        "10寸", "10吋", "10英寸", "10 INCH")) {
      assertEquals(List.of(size(400, 10)), OrderParser.parse("400 boxes for " + size + " pizzas"), size);
    }
  }

  @Test
  void eachQuantityTakesTheFirstSizeAfterIt() {
    assertEquals(List.of(size(400, 10), size(200, 12)),
        OrderParser.parse("400 boxes for 10 inch and 200 for 12 inch"));
    assertEquals(List.of(size(400, 10), size(200, 12), size(50, 14)),
        OrderParser.parse("400 x 10 inch, 200 x 12 inch, 50 x 14 inch"));
  }

  @Test
  void aSizeBeforeTheQuantityCountsWhenNothingFollows() {
    assertEquals(List.of(size(400, 10)), OrderParser.parse("10 inch x 400"));
    assertEquals(List.of(size(400, 10), size(200, 12)), OrderParser.parse("10 inch: 400, 12 inch: 200"));
  }

  @Test
  void productWordsAreTheFirstRunOfNonStopWordsMadeSingular() {
    assertEquals(List.of(product(50, "napkin")), OrderParser.parse("50 packs of napkins please"));
    assertEquals(List.of(product(100, "dipping cup"), product(50, "napkin")),
        OrderParser.parse("100 dipping cups and 50 napkins"));
    assertEquals(List.of(product(20, "saver")), OrderParser.parse("20 pizza savers"));
  }

  @Test
  void aQuantityAloneIsALineWithoutSizeOrProduct() {
    assertEquals(List.of(new OrderRequest(400, null, null)), OrderParser.parse("we need 400 boxes"));
    assertEquals(List.of(new OrderRequest(400, null, null)), OrderParser.parse("400 pizza boxes pls"));
  }

  @Test
  void thousandsSeparatorsAreOneQuantity() {
    assertEquals(List.of(size(1000, 12)), OrderParser.parse("1,000 boxes for 12 inch"));
  }

  @Test
  void numbersThatAreNoQuantitiesAreSkipped() {
    assertEquals(List.of(), OrderParser.parse("deliver at 10:30 on 30/11 please"));
    assertEquals(List.of(), OrderParser.parse("is it $12.50 or 3.5kg or 10%?"));
    assertEquals(List.of(), OrderParser.parse("where is ORD-20261130-0A1B2C3D"));
    assertEquals(List.of(), OrderParser.parse("order #1234 was fine, come at 10am"));
    assertEquals(List.of(), OrderParser.parse("how much are 10 inch boxes?"));
    assertEquals(List.of(), OrderParser.parse("call me at [PHONE]"));
    assertEquals(List.of(size(300, 10)), OrderParser.parse("300 for 10 inch, delivery on the 2nd"));
  }

  @Test
  void quantitiesAboveTheMaximumAreNoQuantities() {
    assertEquals(List.of(), OrderParser.parse("ref 1234567 for 10 inch"));
    assertEquals(List.of(size(100000, 10)), OrderParser.parse("100000 for 10 inch"));
  }

  @Test
  void malayIndonesianAndChineseOrders() {
    assertEquals(List.of(size(400, 10)), OrderParser.parse("Kami perlukan 400 kotak untuk piza 10 inci"));
    assertEquals(List.of(size(400, 10)), OrderParser.parse("Saya mau pesan 400 dus ukuran 10 inci"));
    assertEquals(List.of(size(400, 10)), OrderParser.parse("我们需要400个10寸的披萨盒"));
  }

  @Test
  void singular() {
    assertEquals("box", OrderParser.singular("boxes"));
    assertEquals("cup", OrderParser.singular("cups"));
    assertEquals("supply", OrderParser.singular("supplies"));
    assertEquals("glass", OrderParser.singular("glasses"));
    assertEquals("glass", OrderParser.singular("glass"));
    assertEquals("bus", OrderParser.singular("bus"));
  }

  @Test
  void anOrderRequestNeedsAPositiveQuantity() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OrderRequest(0, 10, null));
    assertEquals("quantity must be at least 1, was 0", e.getMessage());
  }
}
