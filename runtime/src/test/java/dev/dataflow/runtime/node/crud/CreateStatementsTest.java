package dev.dataflow.runtime.node.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Statements;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Which statement a create binds: the build-time insert of every column when every defaulted column is given, the
 * build-time insert without the defaulted columns when none is given (the {@code @Pii} flag, which every create sets,
 * stays in both), and a rendered one for the columns given otherwise. {@code CrudNodesTest} (models) proves on
 * PostgreSQL that each path stores the defaults it should.
 */
class CreateStatementsTest {
  private static final List<ColumnDescriptor> COLUMNS = List.of(
      ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated(),
      ColumnDescriptor.column("body", "body", JavaType.STRING, "TEXT").notNull().asPii().asScrubbed(),
      ColumnDescriptor.column("status", "status", JavaType.STRING, "TEXT").notNull().withDefault(),
      ColumnDescriptor.column("note", "note", JavaType.STRING, "TEXT"),
      ColumnDescriptor.column("opened_at", "openedAt", JavaType.INSTANT, "TIMESTAMPTZ").notNull().withDefault(),
      ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").notNull().withDefault()
          .asPiiScrubbedFlag());
  private static final List<String> EVERY = List.of("body", "status", "note", "opened_at", "pii_scrubbed");
  private static final List<String> WITHOUT_DEFAULTS = List.of("body", "note", "pii_scrubbed");

  private static CreateNode node(Statements statements) {
    return new CreateNode(new ModelDescriptor("Ticket", "x.Ticket", "tickets", COLUMNS, "id", List.of(), List.of(),
        statements)) {};
  }

  private static Map<String, Object> row(String... columns) {
    Map<String, Object> row = new LinkedHashMap<>();
    for (String column : columns) {
      row.put(column, "v");
    }
    return row;
  }

  @Test
  void eachShapeBindsItsStatement() {
    Statements statements = new Statements("insert every", EVERY, "", "", List.of(), "", "", "insert without defaults",
        WITHOUT_DEFAULTS);
    CreateNode create = node(statements);

    assertSame(statements.insertColumns(), create.insertColumns(row("body", "status", "opened_at", "pii_scrubbed")),
        "every defaulted column given (note, plain, binds NULL): the full insert");
    assertSame(statements.insertOmittingDefaultsColumns(), create.insertColumns(row("body", "pii_scrubbed")),
        "no defaulted column given: the insert the database fills the defaults of");
    assertSame(statements.insertOmittingDefaultsColumns(), create.insertColumns(row("body", "note", "pii_scrubbed")));

    List<String> some = create.insertColumns(row("body", "status", "pii_scrubbed"));
    assertEquals(List.of("body", "status", "pii_scrubbed"), some, "one default given, one not: only what was given");
    assertNotSame(statements.insertOmittingDefaultsColumns(), some);
    assertEquals(List.of("body"), create.insertColumns(row("body")),
        "without the flag (never so after Scrubbing.beforeInsert) neither fixed statement fits");
  }

  @Test
  void descriptorsWithoutTheOmittingStatementRenderThatShape() {
    Statements statements = new Statements("insert every", EVERY, "", "", List.of(), "", "");
    CreateNode create = node(statements);
    assertSame(statements.insertColumns(), create.insertColumns(row("body", "status", "opened_at", "pii_scrubbed")));
    assertEquals(List.of("body", "pii_scrubbed"), create.insertColumns(row("body", "pii_scrubbed")));
  }
}
