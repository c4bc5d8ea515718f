package dev.dataflow.processor.write;

import java.util.List;

/**
 * The SQL of one model, rendered at build time: the fixed-shape statements with JDBC {@code ?} placeholders and the
 * DDL. Field meanings follow the runtime's {@code Statements} and {@code ModelDescriptor.ddl()}.
 */
public record RenderedSql(
    String insert,
    List<String> insertColumns,
    String selectById,
    String updateById,
    List<String> updateColumns,
    String deleteById,
    String existsById,
    String insertOmittingDefaults,
    List<String> insertOmittingDefaultsColumns,
    List<String> ddl) {

  public RenderedSql {
    insertColumns = List.copyOf(insertColumns);
    updateColumns = List.copyOf(updateColumns);
    insertOmittingDefaultsColumns = List.copyOf(insertOmittingDefaultsColumns);
    ddl = List.copyOf(ddl);
  }
}
