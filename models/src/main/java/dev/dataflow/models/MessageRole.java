package dev.dataflow.models;

/**
 * Who wrote a message. The constants are lower case because their names are the stored values ({@code 'user'},
 * {@code 'assistant'}), the same values the seed system and chat APIs use.
 */
public enum MessageRole {
  user,
  assistant
}
