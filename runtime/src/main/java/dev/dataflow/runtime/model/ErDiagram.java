package dev.dataflow.runtime.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Models as a Mermaid entity-relationship diagram: one entity per table with its columns (SQL type, {@code PK},
 * {@code FK}, {@code UK}, {@code "not null"}), then one relationship per foreign key, from the referencing table to
 * the referenced one, labelled with the column, the referenced column and the {@code ON DELETE} action.
 *
 * <p>A NOT NULL foreign key is drawn <code>&#125;o--||</code> (every row has exactly one parent), a nullable one
 * <code>&#125;o--o|</code> (zero or one). Mermaid takes a one-word attribute type, so {@code VARCHAR(64)} is written
 * {@code VARCHAR_64} and {@code NUMERIC(10,2)} {@code NUMERIC_10_2}. Everything shown comes from the schema
 * (identifiers and types), nothing from rows.
 *
 * <pre>
 * erDiagram
 *   outlets &#123;
 *     BIGINT id PK
 *   &#125;
 *   conversation_sessions &#123;
 *     BIGINT id PK
 *     BIGINT outlet_id FK
 *   &#125;
 *   conversation_sessions &#125;o--o| outlets : "outlet_id → id, ON DELETE SET NULL"
 * </pre>
 */
public final class ErDiagram {
  private ErDiagram() {}

  /** The diagram of these models, entities in the order given. */
  public static String render(List<ModelDescriptor> models) {
    StringBuilder out = new StringBuilder("erDiagram\n");
    for (ModelDescriptor model : models) {
      out.append("  ").append(word(model.table())).append(" {\n");
      for (ColumnDescriptor column : model.columns()) {
        out.append("    ").append(type(column.sqlType())).append(' ').append(word(column.name()));
        String keys = keys(model, column);
        if (!keys.isEmpty()) {
          out.append(' ').append(keys);
        }
        if (!column.nullable() && !column.primaryKey()) {
          out.append(" \"not null\"");
        }
        out.append('\n');
      }
      out.append("  }\n");
    }
    for (ModelDescriptor model : models) {
      for (ForeignKeyDescriptor fk : model.foreignKeys()) {
        ColumnDescriptor column = model.column(fk.column());
        boolean required = column != null && !column.nullable();
        out.append("  ").append(word(model.table())).append(required ? " }o--|| " : " }o--o| ")
            .append(word(fk.referencedTable())).append(" : \"").append(word(fk.column())).append(" → ")
            .append(word(fk.referencedColumn())).append(", ON DELETE ").append(fk.onDelete().sql()).append("\"\n");
      }
    }
    return out.toString();
  }

  private static String keys(ModelDescriptor model, ColumnDescriptor column) {
    List<String> keys = new ArrayList<>();
    if (column.primaryKey()) {
      keys.add("PK");
    }
    if (model.foreignKeys().stream().anyMatch(fk -> fk.column().equals(column.name()))) {
      keys.add("FK");
    }
    if (column.unique() && !column.primaryKey()) {
      keys.add("UK");
    }
    return String.join(", ", keys);
  }

  /** A SQL type as one Mermaid attribute word: {@code VARCHAR(64)} → {@code VARCHAR_64}, {@code TEXT[]} → {@code TEXT_ARRAY}. */
  private static String type(String sqlType) {
    String word = sqlType.replace("[]", "_ARRAY").replaceAll("[^A-Za-z0-9_]+", "_").replaceAll("_+$", "");
    return word.isEmpty() || !Character.isLetter(word.charAt(0)) ? "T_" + word : word;
  }

  /** An identifier as a Mermaid word; table and column names already are, this only guards the syntax. */
  private static String word(String identifier) {
    return identifier.replaceAll("[^A-Za-z0-9_]", "_");
  }
}
