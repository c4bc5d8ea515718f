package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.AUTHOR_WITH_EMAIL;
import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.testing.TestPostgres;
import org.junit.jupiter.api.Test;

/** An existing table lacking a model's column fails the start, in development mode too: tables are never altered. */
class MissingColumnTest {

  @Test
  void tableLackingModelColumnFailsStartNamingTableAndColumn() {
    for (boolean createMissingTables : new boolean[] {false, true}) {
      String url = TestPostgres.newDatabase();

      DataFlowException e = assertThrows(DataFlowException.class, () -> DataFlow.builder().databaseUrl(url)
          .maximumPoolSize(2).migrationLocations(BASIC).createMissingTables(createMissingTables)
          .registry(TestModels.registry(AUTHOR_WITH_EMAIL)).build());

      String message = e.getMessage();
      assertTrue(message.contains("table authors lacks column(s) email of model dev.dataflow.test.AuthorWithEmail"),
          message);
      assertTrue(message.contains("-am compile -Ddataflow.migrations.mode=generate"), message);
    }
  }
}
