package dev.dataflow.processor.write;

/**
 * The nine generated node kinds: the suffix of their class and type names (matching the runtime's
 * {@code NodeKind}) and what one run of each does, for Javadoc.
 */
enum NodeKindSpec {
  CREATE("CreateNode", "Inserts one row"),
  READ("ReadNode", "Reads one row by key or filters"),
  UPDATE("UpdateNode", "Updates one row by key or filters"),
  DELETE("DeleteNode", "Deletes rows by key or filters"),
  LIST("ListNode", "Lists rows matching filters, ordered and paged"),
  COUNT("CountNode", "Counts rows matching filters"),
  EXISTS("ExistsNode", "Tells whether a row exists, by key or filters"),
  BULK_CREATE("BulkCreateNode", "Inserts many rows in batches"),
  BULK_UPDATE("BulkUpdateNode", "Updates many rows, by filters or one record per row");

  private final String suffix;
  private final String summary;

  NodeKindSpec(String suffix, String summary) {
    this.suffix = suffix;
    this.summary = summary;
  }

  String suffix() {
    return suffix;
  }

  String summary() {
    return summary;
  }
}
