package dev.dataflow.examples.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * What the service answers to one {@link IncomingMessage}: the body of {@code POST /api/whatsapp/message}.
 *
 * @param sessionId the conversation the message was logged in
 * @param messageId the stored user message's id
 * @param intent the classified intent, for example {@code order_placement}
 * @param confidence the classifier's confidence in {@code intent}, 0 to 1
 * @param language the detected language (ISO 639-1)
 * @param reply the assistant's answer, also logged in the conversation
 * @param order the order this message placed, or null
 */
public record MessageReply(
    UUID sessionId, long messageId, String intent, double confidence, String language, String reply,
    PlacedOrder order) {

  /** An order created from a message, with its lines. */
  public record PlacedOrder(String orderNumber, List<Line> items, BigDecimal total) {}

  /** One line of a {@link PlacedOrder}. */
  public record Line(String sku, int quantity, BigDecimal unitPrice) {}
}
