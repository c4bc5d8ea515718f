package dev.dataflow.processor.migrate;

import java.util.List;

/** A table's primary-key constraint ({@code pk_<table>}). */
public record PrimaryKeySnapshot(String name, List<String> columns) {

  public PrimaryKeySnapshot {
    columns = List.copyOf(columns);
  }
}
