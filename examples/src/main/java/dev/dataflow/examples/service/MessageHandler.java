package dev.dataflow.examples.service;

/**
 * The conversation logic behind {@code POST /api/whatsapp/message}: logs the message in its session, classifies it,
 * places an order when it asks for products, answers, and updates the user's summary, all in one transaction.
 */
public interface MessageHandler {

  /**
   * Handles one message.
   *
   * @throws BadRequestException when the message refers to something that does not exist (for example an unknown
   *     outlet, field {@code outlet_id}, or a {@code session_id} of another user); nothing is written
   */
  MessageReply handle(IncomingMessage message);
}
