package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.AUTHOR;
import static dev.dataflow.runtime.migrate.TestModels.FAILING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failing migration is rolled back whole; the ones before it stay applied; the error names the file. */
class FailingMigrationTest {

  @Test
  void failingMigrationLeavesEarlierOnesAndNothingOfItself() throws Exception {
    String url = TestPostgres.newDatabase();

    DataFlowException e = assertThrows(DataFlowException.class, () -> start(url));

    String message = e.getMessage();
    assertTrue(message.contains("V2__create_shelves.sql"), message);
    assertTrue(message.contains("no_such_table"), message);
    assertTrue(message.contains("rolled back"), message);
    assertEquals(List.of("1:V1__create_authors.sql"), Databases.history(url));
    assertEquals(List.of("1:true"), Databases.allHistory(url), "no failed row is recorded for V2");
    assertTrue(Databases.tableExists(url, "authors"));
    assertFalse(Databases.tableExists(url, "shelves"), "V2's first statement was rolled back");
  }

  @Test
  void nextStartTriesTheFailedMigrationAgain() throws Exception {
    String url = TestPostgres.newDatabase();
    assertThrows(DataFlowException.class, () -> start(url));

    DataFlowException again = assertThrows(DataFlowException.class, () -> start(url));

    assertTrue(again.getMessage().contains("V2__create_shelves.sql"), again.getMessage());
    assertEquals(List.of("1:true"), Databases.allHistory(url));
  }

  private static DataFlow start(String url) {
    return DataFlow.builder().databaseUrl(url).maximumPoolSize(2).migrationLocations(FAILING)
        .registry(TestModels.registry(AUTHOR)).build();
  }
}
