package dev.dataflow.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a descriptor says about its rows' lifecycle: the retention policy, the scrubbed columns and their flag. */
class ModelDescriptorLifecycleTest {
  private static final List<ColumnDescriptor> COLUMNS = List.of(
      ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated(),
      ColumnDescriptor.column("content", "content", JavaType.STRING, "TEXT").notNull().asPii().asScrubbed(),
      ColumnDescriptor.column("note", "note", JavaType.STRING, "TEXT"),
      ColumnDescriptor.column("sent_on", "sentOn", JavaType.LOCAL_DATE, "DATE"),
      ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").notNull().withDefault()
          .asPiiScrubbedFlag());
  private static final Statements STATEMENTS = new Statements("", List.of(), "", "", List.of(), "", "");

  private static ModelDescriptor messages() {
    return new ModelDescriptor("Message", "x.Message", "messages", COLUMNS, "id", List.of(), List.of(), STATEMENTS);
  }

  @Test
  void aModelWithoutRetainKeepsItsRows() {
    assertNull(messages().retention());
  }

  @Test
  void withRetentionAddsThePolicyAndKeepsTheRest() {
    ModelDescriptor retained = messages().withRetention(new Retention(90, "sent_on"));
    assertEquals(new Retention(90, "sent_on"), retained.retention());
    assertEquals(messages(), new ModelDescriptor(retained.modelName(), retained.modelClassName(), retained.table(),
        retained.columns(), retained.primaryKey(), retained.referencedTables(), retained.ddl(),
        retained.statements()));
  }

  @Test
  void theRetentionCountsFromADateOrTimeColumnOfTheModel() {
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> messages().withRetention(new Retention(90, "sent_at")));
    assertEquals("the retention of messages counts from sent_at, which is not one of its columns",
        missing.getMessage());
    IllegalArgumentException text = assertThrows(IllegalArgumentException.class,
        () -> messages().withRetention(new Retention(90, "note")));
    assertEquals("the retention of messages counts from note, which holds no date or time", text.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Retention(0, "sent_on"));
  }

  @Test
  void theScrubbedColumnsAndTheirFlag() {
    assertEquals(List.of("content"), messages().scrubbedColumns().stream().map(ColumnDescriptor::name).toList());
    assertEquals("pii_scrubbed", messages().piiScrubbedFlagColumn().name());
  }
}
