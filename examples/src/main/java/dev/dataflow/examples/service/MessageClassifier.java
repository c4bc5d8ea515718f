package dev.dataflow.examples.service;

/** Classifies a message's intent and language and reads the products it orders. Skeleton. */
public interface MessageClassifier {}
