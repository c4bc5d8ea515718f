package dev.dataflow.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.runtime.model.ForeignKeyDescriptor.OnDelete;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ER diagram's rules that the seed models do not show: self references, composite keys, odd SQL types. */
class ErDiagramTest {
  private static final Statements NONE = new Statements("", List.of(), "", "", List.of(), "", "");

  @Test
  void aSelfReferenceAndOddTypesDrawAsValidMermaid() {
    ModelDescriptor node = new ModelDescriptor("Node", "x.Node", "nodes", List.of(
        ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated(),
        ColumnDescriptor.column("parent_id", "parentId", JavaType.LONG, "BIGINT").asUnique(),
        ColumnDescriptor.column("price", "price", JavaType.BIG_DECIMAL, "NUMERIC(10,2)").notNull(),
        ColumnDescriptor.column("tags", "tags", JavaType.STRING, "TEXT[]")),
        "id", List.of(), List.of(), NONE)
        .withForeignKeys(new ForeignKeyDescriptor("parent_id", "nodes", "id", OnDelete.RESTRICT));
    assertEquals("""
        erDiagram
          nodes {
            BIGINT id PK
            BIGINT parent_id FK, UK
            NUMERIC_10_2 price "not null"
            TEXT_ARRAY tags
          }
          nodes }o--o| nodes : "parent_id → id, ON DELETE RESTRICT"
        """, ErDiagram.render(List.of(node)));
  }

  @Test
  void onDeleteReadsAsSql() {
    assertEquals("SET NULL", OnDelete.SET_NULL.sql());
    assertEquals("NO ACTION", OnDelete.NO_ACTION.sql());
  }
}
