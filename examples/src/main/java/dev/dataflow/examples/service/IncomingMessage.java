package dev.dataflow.examples.service;

import java.util.UUID;

/**
 * A message a customer sent over WhatsApp, as the {@code POST /api/whatsapp/message} route received it (already
 * checked for presence and type; the outlet's existence is checked by the {@link MessageHandler}).
 *
 * @param whatsappUserId the sender's WhatsApp id (a phone number); personal data, never logged
 * @param outletId the outlet the conversation is about
 * @param message the text as sent; personal data until scrubbed, never logged
 * @param sessionId the conversation to continue, or null to continue the user's open one or start one
 */
public record IncomingMessage(String whatsappUserId, long outletId, String message, UUID sessionId) {}
