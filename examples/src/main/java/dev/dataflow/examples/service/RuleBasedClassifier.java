package dev.dataflow.examples.service;

/** The documented rules behind {@link MessageClassifier}. Skeleton. */
public final class RuleBasedClassifier implements MessageClassifier {}
