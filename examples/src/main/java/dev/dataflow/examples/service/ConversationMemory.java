package dev.dataflow.examples.service;

import dev.dataflow.runtime.DataFlow;
import java.time.Clock;
import java.util.Objects;

/**
 * The service's {@link MessageHandler}: one workflow transaction per message (session, user message, classification,
 * order, assistant reply, user summary). Skeleton; filled in by the issue-11 handler work.
 */
public final class ConversationMemory implements MessageHandler {
  private final DataFlow db;
  private final MessageClassifier classifier;
  private final Clock clock;

  /** With the rule-based classifier and the system clock. */
  public ConversationMemory(DataFlow db) {
    this(db, new RuleBasedClassifier(), Clock.systemUTC());
  }

  public ConversationMemory(DataFlow db, MessageClassifier classifier, Clock clock) {
    this.db = Objects.requireNonNull(db, "db");
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public MessageReply handle(IncomingMessage message) {
    throw new UnsupportedOperationException("not yet");
  }
}
