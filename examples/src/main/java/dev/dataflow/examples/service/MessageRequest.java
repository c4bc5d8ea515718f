package dev.dataflow.examples.service;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.UUID;

/**
 * Reads the body of {@code POST /api/whatsapp/message} into an {@link IncomingMessage}, or refuses it with a
 * {@link BadRequestException} that names the field. Messages never quote the body: it is personal data.
 */
final class MessageRequest {
  /** The longest {@code whatsapp_user_id}, as the models declare it. */
  static final int MAX_USER_ID_LENGTH = 64;

  private MessageRequest() {}

  static IncomingMessage parse(ObjectMapper json, byte[] body) {
    if (body.length == 0) {
      throw new BadRequestException(null, "the body is empty; send a JSON object with whatsapp_user_id, outlet_id and"
          + " message");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the offending text; only its position is passed on.
      JsonLocation at = e.getLocation();
      throw new BadRequestException(null, "the body is not valid JSON" + (at == null ? ""
          : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
    } catch (IOException e) {
      throw new BadRequestException(null, "the body could not be read as JSON");
    }
    if (root == null || !root.isObject()) {
      throw new BadRequestException(null, "the body must be a JSON object with whatsapp_user_id, outlet_id and"
          + " message");
    }
    String userId = text(root, "whatsapp_user_id", "the sender's WhatsApp id (a phone number, as a string)");
    if (userId.length() > MAX_USER_ID_LENGTH) {
      throw new BadRequestException("whatsapp_user_id",
          "whatsapp_user_id must be at most " + MAX_USER_ID_LENGTH + " characters");
    }
    long outletId = outletId(root.get("outlet_id"));
    String message = text(root, "message", "the text the customer sent");
    return new IncomingMessage(userId, outletId, message, sessionId(root.get("session_id")));
  }

  private static String text(JsonNode root, String field, String what) {
    JsonNode node = root.get(field);
    if (node == null || node.isNull()) {
      throw new BadRequestException(field, field + " is required: " + what);
    }
    if (!node.isTextual()) {
      throw new BadRequestException(field, field + " must be a JSON string: " + what);
    }
    String value = node.textValue();
    if (value.isBlank()) {
      throw new BadRequestException(field, field + " must not be empty: " + what);
    }
    checkStorable(field, value);
    return value;
  }

  private static long outletId(JsonNode node) {
    if (node == null || node.isNull()) {
      throw new BadRequestException("outlet_id", "outlet_id is required: the id of the outlet, such as 1");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 1) {
      throw new BadRequestException("outlet_id", "outlet_id must be a positive integer (a JSON number), the id of"
          + " the outlet");
    }
    return node.longValue();
  }

  private static UUID sessionId(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      try {
        UUID id = UUID.fromString(node.textValue());
        if (id.toString().equalsIgnoreCase(node.textValue())) {   // fromString also takes shortened forms
          return id;
        }
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw new BadRequestException("session_id", "session_id must be a UUID string such as"
        + " \"3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b\", or left out to continue the user's open session");
  }

  /** PostgreSQL text holds no NUL, and a lone UTF-16 surrogate is no character: refused here with the field. */
  private static void checkStorable(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == 0) {
        throw new BadRequestException(field, field + " must not contain the NUL character (\\u0000)");
      }
      if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new BadRequestException(field, field + " holds an unpaired UTF-16 surrogate (a broken \\u escape)");
      }
    }
  }
}
