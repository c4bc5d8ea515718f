package dev.dataflow.examples.service;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a {@link MessageClassifier} made of one message.
 *
 * @param intent one of {@link #INTENTS}
 * @param confidence how sure the classifier is of {@code intent}, 0 to 1
 * @param language the message's language, an ISO 639-1 code such as {@code en}, {@code ms}, {@code id}, {@code zh}
 * @param lines the order lines the message asks for, in the order written; empty when it orders nothing
 */
public record Classification(String intent, double confidence, String language, List<OrderRequest> lines) {
  /** The customer wants products: the message has order lines, or says it wants to order. */
  public static final String ORDER_PLACEMENT = "order_placement";
  /** The customer asks where an order is. */
  public static final String ORDER_STATUS = "order_status";
  /** The customer asks what something costs. */
  public static final String PRICING_INQUIRY = "pricing_inquiry";
  /** The customer is unhappy with an order or a delivery. */
  public static final String COMPLAINT = "complaint";
  /** Hello, and nothing else the rules recognise. */
  public static final String GREETING = "greeting";
  /** None of the above. */
  public static final String OTHER = "other";
  /** Every intent a classifier may return; the service stores them in {@code conversation_messages.intent}. */
  public static final Set<String> INTENTS =
      Set.of(ORDER_PLACEMENT, ORDER_STATUS, PRICING_INQUIRY, COMPLAINT, GREETING, OTHER);

  public Classification {
    Objects.requireNonNull(intent, "intent");
    Objects.requireNonNull(language, "language");
    if (!INTENTS.contains(intent)) {
      throw new IllegalArgumentException("intent must be one of " + INTENTS + ", was '" + intent + "'");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence must be between 0 and 1, was " + confidence);
    }
    if (!language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("language must be an ISO 639-1 code of two lower-case letters, was '"
          + language + "'");
    }
    lines = List.copyOf(lines);
  }
}
