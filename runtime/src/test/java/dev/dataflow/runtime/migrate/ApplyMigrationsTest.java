package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.AUTHOR;
import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static dev.dataflow.runtime.migrate.TestModels.BOOK;
import static dev.dataflow.runtime.migrate.TestModels.EXTRA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Start applies the pending migrations once, records them in Flyway's history, and nothing on later starts. */
class ApplyMigrationsTest {

  @Test
  void pendingMigrationsAreAppliedAndRecorded() throws Exception {
    String url = TestPostgres.newDatabase();
    try (DataFlow db = start(url, BASIC)) {
      assertEquals(2, db.models().size());
    }
    assertEquals(List.of("1:V1__create_authors.sql", "2:V2__create_books.sql"), Databases.history(url));
    assertTrue(Databases.tableExists(url, "authors"));
    assertTrue(Databases.tableExists(url, "books"));
  }

  @Test
  void secondStartAppliesNothing() throws Exception {
    String url = TestPostgres.newDatabase();
    try (DataFlow db = start(url, BASIC)) {
      assertFalse(db.isEmbedded());
    }
    List<String> afterFirst = Databases.allHistory(url);
    try (DataFlow db = start(url, BASIC)) {
      assertFalse(db.isEmbedded());
    }
    assertEquals(afterFirst, Databases.allHistory(url));
    assertEquals(List.of("1:V1__create_authors.sql", "2:V2__create_books.sql"), Databases.history(url));
  }

  @Test
  void laterStartAppliesOnlyNewMigrations() throws Exception {
    String url = TestPostgres.newDatabase();
    start(url, BASIC).close();
    try (DataFlow db = start(url, BASIC, EXTRA)) {
      assertEquals(2, db.models().size());
    }
    assertEquals(List.of("1:V1__create_authors.sql", "2:V2__create_books.sql", "3:V3__create_tags.sql"),
        Databases.history(url));
  }

  @Test
  void withoutAutoMigrateNothingIsApplied() throws Exception {
    String url = TestPostgres.newDatabase();
    try (DataFlow db = DataFlow.builder().databaseUrl(url).maximumPoolSize(2).autoMigrate(false)
        .migrationLocations(BASIC).registry(TestModels.registry(AUTHOR, BOOK)).build()) {
      assertEquals(2, db.models().size());
    }
    assertFalse(Databases.historyExists(url));
    assertFalse(Databases.tableExists(url, "authors"));
  }

  @Test
  void aPoolOfOneConnectionIsEnough() throws Exception {
    String url = TestPostgres.newDatabase();
    try (DataFlow db = DataFlow.builder().databaseUrl(url).maximumPoolSize(1).migrationLocations(BASIC)
        .registry(TestModels.registry(AUTHOR, BOOK)).build()) {
      assertEquals(2, db.models().size());
    }
    assertEquals(2, Databases.history(url).size());
  }

  static DataFlow start(String url, String... locations) {
    return DataFlow.builder().databaseUrl(url).maximumPoolSize(2).migrationLocations(locations)
        .registry(TestModels.registry(AUTHOR, BOOK)).build();
  }
}
