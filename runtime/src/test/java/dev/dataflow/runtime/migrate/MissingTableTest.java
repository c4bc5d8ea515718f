package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.AUTHOR;
import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static dev.dataflow.runtime.migrate.TestModels.BOOK;
import static dev.dataflow.runtime.migrate.TestModels.WIDGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.testing.StandardErr;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A registered model whose table no migration creates fails the start with the generate command, unless
 * development mode creates the table from the model's DDL, with a warning.
 */
class MissingTableTest {
  private static final String NO_MIGRATIONS = "classpath:db/test-migrations/none";

  @Test
  void modelWithoutMigrationOrTableFailsStartNamingModelAndCommand() throws Exception {
    String url = TestPostgres.newDatabase();

    DataFlowException e = assertThrows(DataFlowException.class, () -> start(url, false, AUTHOR, BOOK, WIDGET));

    String message = e.getMessage();
    assertTrue(message.contains("model dev.dataflow.test.Widget has no table widgets"), message);
    // dev.dataflow.test.Widget is no class here, so its project is unknown: both forms of the command.
    assertTrue(message.contains("Generate its migration (mvn compile -Ddataflow.migrations.mode=generate in the "
        + "project of Widget (in a multi-module build, from its root: mvn -pl <the module of Widget> -am compile "
        + "-Ddataflow.migrations.mode=generate)) and start again"), message);
    assertTrue(message.contains("createMissingTables(true)"), message);
    assertFalse(message.contains("Author"), "the covered models are fine: " + message);
    assertFalse(Databases.tableExists(url, "widgets"));
    assertEquals(2, Databases.history(url).size(), "the migrations themselves were applied");
  }

  @Test
  void developmentModeCreatesTheTableAndWarns() throws Exception {
    String url = TestPostgres.newDatabase();
    String log;
    try (StandardErr err = new StandardErr()) {
      start(url, true, AUTHOR, BOOK, WIDGET).close();
      log = err.text();
    }
    assertTrue(Databases.tableExists(url, "widgets"));
    assertTrue(log.contains("WARN dev.dataflow.runtime.migrate.TableCreator - Created table widgets from the model's "
        + "DDL; not for production: generate a migration"), log);
    assertFalse(log.contains("Created table authors"), "authors came from a migration: " + log);
    assertEquals(List.of("1:V1__create_authors.sql", "2:V2__create_books.sql"), Databases.history(url));
  }

  @Test
  void developmentModeWithoutAnyMigrationsRestartsOnTheSameDatabase() throws Exception {
    String url = TestPostgres.newDatabase();
    String log;
    try (StandardErr err = new StandardErr()) {
      for (int start = 0; start < 2; start++) {
        DataFlow.builder().databaseUrl(url).maximumPoolSize(2).migrationLocations(NO_MIGRATIONS)
            .createMissingTables(true).registry(TestModels.registry(AUTHOR, BOOK)).build().close();
      }
      log = err.text();
    }
    assertEquals(1, count(log, "Created table books"), "created by the first start only: " + log);
    assertTrue(Databases.tableExists(url, "authors"));
    assertTrue(Databases.tableExists(url, "books"));
  }

  @Test
  void withoutAnyMigrationsEveryModelIsReported() {
    String url = TestPostgres.newDatabase();

    DataFlowException e = assertThrows(DataFlowException.class, () -> DataFlow.builder().databaseUrl(url)
        .maximumPoolSize(2).migrationLocations(NO_MIGRATIONS).registry(TestModels.registry(AUTHOR, BOOK)).build());

    assertTrue(e.getMessage().contains("model dev.dataflow.test.Author has no table authors"), e.getMessage());
    assertTrue(e.getMessage().contains("model dev.dataflow.test.Book has no table books"), e.getMessage());
  }

  private static DataFlow start(String url, boolean createMissingTables, ModelDescriptor... models) {
    return DataFlow.builder().databaseUrl(url).maximumPoolSize(2).migrationLocations(BASIC)
        .createMissingTables(createMissingTables).registry(TestModels.registry(models)).build();
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
