package dev.dataflow.processor.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dataflow.processor.schema.CheckConstraintSchema;
import dev.dataflow.processor.schema.ForeignKeySchema;
import dev.dataflow.processor.schema.IndexSchema;
import dev.dataflow.processor.schema.PartitionSchema;
import dev.dataflow.processor.schema.UniqueConstraintSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@code dataflow-schema.json}. The writer builds the tree field by field, so the key order is
 * fixed by this class rather than by reflection, and prints it with two-space indents, one value a line, {@code \n}
 * line ends on every platform and a trailing newline: a change to one column is a one-line diff in review.
 *
 * <pre>{@code
 * {
 *   "formatVersion": 1,
 *   "tables": [
 *     {
 *       "name": "outlets",
 *       "columns": [
 *         {
 *           "name": "id",
 *           "type": "BIGINT",
 *           "nullable": false,
 *           "identity": true,
 *           "default": null
 *         },
 *         ...
 * }</pre>
 *
 * An index column is written as its name, followed by {@code " DESC"} when descending. A partitioned table has
 * {@code "partitioning": {"column": "timestamp", "interval": "MONTH"}} after its foreign keys; a plain table has no
 * such field, so snapshots of models without {@code @Partitioned} are unchanged.
 */
public final class SnapshotJson {
  private static final String DESC = " DESC";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private SnapshotJson() {}

  /** The snapshot as JSON text. */
  public static String write(SchemaSnapshot snapshot) {
    ObjectNode root = NODES.objectNode();
    root.put("formatVersion", SchemaSnapshot.FORMAT_VERSION);
    ArrayNode tables = root.putArray("tables");
    for (TableSnapshot table : snapshot.tables()) {
      tables.add(table(table));
    }
    try {
      return writer().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings, numbers and booleans always serialises", e);
    }
  }

  /**
   * Loads and initialises what {@link #write} uses (Jackson's writer), so that a thread with nothing else to do can
   * take that start-up time off the processor's last round.
   */
  public static void warmUp() {
    write(new SchemaSnapshot(List.of()));
  }

  /** Parses a snapshot, or throws {@link SnapshotFormatException} saying what is wrong. */
  public static SchemaSnapshot read(String json) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new SnapshotFormatException("is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new SnapshotFormatException("is not a JSON object");
    }
    int version = root.path("formatVersion").asInt(-1);
    if (version != SchemaSnapshot.FORMAT_VERSION) {
      throw new SnapshotFormatException(
          "has formatVersion " + root.path("formatVersion") + "; this processor reads version "
              + SchemaSnapshot.FORMAT_VERSION);
    }
    List<TableSnapshot> tables = new ArrayList<>();
    for (JsonNode table : array(root, "tables")) {
      tables.add(readTable(table));
    }
    return new SchemaSnapshot(tables);
  }

  private static ObjectWriter writer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
    return MAPPER.writer(printer);
  }

  private static ObjectNode table(TableSnapshot table) {
    ObjectNode node = NODES.objectNode();
    node.put("name", table.name());
    ArrayNode columns = node.putArray("columns");
    for (ColumnSnapshot column : table.columns()) {
      ObjectNode c = columns.addObject();
      c.put("name", column.name());
      c.put("type", column.type());
      c.put("nullable", column.nullable());
      c.put("identity", column.identity());
      c.put("default", column.defaultValue());
    }
    ObjectNode primaryKey = node.putObject("primaryKey");
    primaryKey.put("name", table.primaryKey().name());
    strings(primaryKey.putArray("columns"), table.primaryKey().columns());
    ArrayNode uniques = node.putArray("uniqueConstraints");
    for (UniqueConstraintSchema unique : table.uniqueConstraints()) {
      ObjectNode u = uniques.addObject();
      u.put("name", unique.name());
      strings(u.putArray("columns"), unique.columns());
    }
    ArrayNode checks = node.putArray("checkConstraints");
    for (CheckConstraintSchema check : table.checkConstraints()) {
      ObjectNode c = checks.addObject();
      c.put("name", check.name());
      c.put("column", check.column());
      strings(c.putArray("allowedValues"), check.allowedValues());
    }
    ArrayNode indexes = node.putArray("indexes");
    for (IndexSchema index : table.indexes()) {
      ObjectNode i = indexes.addObject();
      i.put("name", index.name());
      ArrayNode columns2 = i.putArray("columns");
      for (IndexSchema.IndexColumn column : index.columns()) {
        columns2.add(column.name() + (column.descending() ? DESC : ""));
      }
      i.put("unique", index.unique());
      i.put("method", index.gin() ? "gin" : "btree");
    }
    ArrayNode foreignKeys = node.putArray("foreignKeys");
    for (ForeignKeySchema foreignKey : table.foreignKeys()) {
      ObjectNode f = foreignKeys.addObject();
      f.put("name", foreignKey.name());
      f.put("column", foreignKey.column());
      f.put("referencedTable", foreignKey.referencedTable());
      f.put("referencedColumn", foreignKey.referencedColumn());
      f.put("onDelete", foreignKey.onDelete().name());
    }
    if (table.partitioning() != null) {
      ObjectNode p = node.putObject("partitioning");
      p.put("column", table.partitioning().column());
      p.put("interval", table.partitioning().interval());
    }
    return node;
  }

  private static void strings(ArrayNode array, List<String> values) {
    for (String value : values) {
      array.add(value);
    }
  }

  private static TableSnapshot readTable(JsonNode node) {
    String table = text(node, "name");
    List<ColumnSnapshot> columns = new ArrayList<>();
    for (JsonNode c : array(node, "columns")) {
      JsonNode dflt = c.path("default");
      columns.add(
          new ColumnSnapshot(
              text(c, "name"),
              text(c, "type"),
              bool(c, "nullable"),
              bool(c, "identity"),
              dflt.isNull() || dflt.isMissingNode() ? null : dflt.asText()));
    }
    JsonNode pk = node.path("primaryKey");
    PrimaryKeySnapshot primaryKey = new PrimaryKeySnapshot(text(pk, "name"), readStrings(pk, "columns"));
    List<UniqueConstraintSchema> uniques = new ArrayList<>();
    for (JsonNode u : array(node, "uniqueConstraints")) {
      uniques.add(new UniqueConstraintSchema(text(u, "name"), readStrings(u, "columns")));
    }
    List<CheckConstraintSchema> checks = new ArrayList<>();
    for (JsonNode c : array(node, "checkConstraints")) {
      checks.add(new CheckConstraintSchema(text(c, "name"), text(c, "column"), readStrings(c, "allowedValues")));
    }
    List<IndexSchema> indexes = new ArrayList<>();
    for (JsonNode i : array(node, "indexes")) {
      List<IndexSchema.IndexColumn> columns2 = new ArrayList<>();
      for (String column : readStrings(i, "columns")) {
        boolean descending = column.endsWith(DESC);
        columns2.add(
            new IndexSchema.IndexColumn(
                descending ? column.substring(0, column.length() - DESC.length()) : column, descending));
      }
      indexes.add(new IndexSchema(text(i, "name"), columns2, bool(i, "unique"), "gin".equals(text(i, "method"))));
    }
    List<ForeignKeySchema> foreignKeys = new ArrayList<>();
    for (JsonNode f : array(node, "foreignKeys")) {
      ForeignKeySchema.OnDeleteAction onDelete;
      try {
        onDelete = ForeignKeySchema.OnDeleteAction.valueOf(text(f, "onDelete"));
      } catch (IllegalArgumentException e) {
        throw new SnapshotFormatException("has an unknown onDelete " + f.path("onDelete") + " in table " + table);
      }
      foreignKeys.add(
          new ForeignKeySchema(
              text(f, "name"), text(f, "column"), text(f, "referencedTable"), text(f, "referencedColumn"), onDelete));
    }
    PartitionSchema partitioning = null;
    JsonNode p = node.path("partitioning");
    if (!p.isMissingNode() && !p.isNull()) {
      String interval = text(p, "interval");
      if (!List.of("DAY", "WEEK", "MONTH", "YEAR").contains(interval)) {
        throw new SnapshotFormatException("has an unknown partitioning interval " + p.path("interval") + " in table "
            + table);
      }
      partitioning = new PartitionSchema(text(p, "column"), interval);
    }
    return new TableSnapshot(table, columns, primaryKey, uniques, checks, indexes, foreignKeys, partitioning);
  }

  private static Iterable<JsonNode> array(JsonNode node, String field) {
    JsonNode array = node.path(field);
    if (!array.isArray()) {
      throw new SnapshotFormatException("lacks the array \"" + field + "\" in " + abbreviate(node));
    }
    return array;
  }

  private static List<String> readStrings(JsonNode node, String field) {
    List<String> values = new ArrayList<>();
    for (JsonNode value : array(node, field)) {
      values.add(value.asText());
    }
    return values;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isTextual()) {
      throw new SnapshotFormatException("lacks the text \"" + field + "\" in " + abbreviate(node));
    }
    return value.asText();
  }

  private static boolean bool(JsonNode node, String field) {
    JsonNode value = node.path(field);
    if (!value.isBoolean()) {
      throw new SnapshotFormatException("lacks the boolean \"" + field + "\" in " + abbreviate(node));
    }
    return value.asBoolean();
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() > 80 ? text.substring(0, 77) + "..." : text;
  }
}
