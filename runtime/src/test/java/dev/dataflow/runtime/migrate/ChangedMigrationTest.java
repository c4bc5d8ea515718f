package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static dev.dataflow.runtime.migrate.TestModels.EDITED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A migration edited after it was applied fails the start (checksums are validated) and nothing is applied. */
class ChangedMigrationTest {

  @Test
  void editedAppliedMigrationFailsStartNamingVersionAndChecksum() throws Exception {
    String url = TestPostgres.newDatabase();
    ApplyMigrationsTest.start(url, BASIC).close();
    List<String> before = Databases.allHistory(url);

    // Same version 1, different content (it adds a column): as if someone edited the applied file.
    DataFlowException e = assertThrows(DataFlowException.class, () -> ApplyMigrationsTest.start(url, EDITED));

    String message = e.getMessage();
    assertTrue(message.contains("version 1 (create authors)"), message);
    assertTrue(message.contains("checksum mismatch"), message);
    assertTrue(message.contains("nothing was applied"), message);
    assertTrue(message.contains("new migration"), message);
    assertEquals(before, Databases.allHistory(url));
  }
}
