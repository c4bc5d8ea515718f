package dev.dataflow.examples.service;

/**
 * Classifies a message's intent and language and reads the products it orders. {@link RuleBasedClassifier} is the
 * service's plain, documented rules; a team can put a model-backed classifier (an LLM, a trained intent model) in
 * its place through {@link ConversationMemory#ConversationMemory(dev.dataflow.runtime.DataFlow, MessageClassifier,
 * java.time.Clock)}.
 *
 * <p>The handler passes the text <em>after</em> scrubbing (e-mail addresses, phone, card and NRIC numbers already
 * replaced by {@code [EMAIL]}, {@code [PHONE]}, ...), so a classifier that calls an outside service never sees those.
 * An implementation must be thread-safe: one instance classifies the messages of every request thread.
 */
public interface MessageClassifier {

  /**
   * Classifies one message.
   *
   * @param text the message, scrubbed of personal data
   * @param previousLanguage the conversation's language so far (ISO 639-1), or null for a first message; a message
   *     with too few words to tell ("ok", "400") keeps it
   * @return the intent, confidence, language and order lines; never null
   */
  Classification classify(String text, String previousLanguage);
}
