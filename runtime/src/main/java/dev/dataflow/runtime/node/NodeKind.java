package dev.dataflow.runtime.node;

/** The nine CRUD operations generated for every model, with the suffix of their node type names. */
public enum NodeKind {
  CREATE("CreateNode"),
  READ("ReadNode"),
  UPDATE("UpdateNode"),
  DELETE("DeleteNode"),
  LIST("ListNode"),
  COUNT("CountNode"),
  EXISTS("ExistsNode"),
  BULK_CREATE("BulkCreateNode"),
  BULK_UPDATE("BulkUpdateNode");

  private final String suffix;

  NodeKind(String suffix) {
    this.suffix = suffix;
  }

  /** The type-name suffix: {@code ConversationSession} + {@code CreateNode}. */
  public String suffix() {
    return suffix;
  }
}
