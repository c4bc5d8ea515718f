package dev.dataflow.runtime.migrate;

import static dev.dataflow.runtime.migrate.TestModels.BASIC;
import static dev.dataflow.runtime.migrate.TestModels.EXTRA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.DataFlowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tables committed migrations create, read from their dataflow-schema.json snapshots. */
class MigrationCoverageTest {
  private static final ClassLoader LOADER = MigrationCoverageTest.class.getClassLoader();

  @Test
  void readsTableNamesIgnoringOtherFields() {
    MigrationCoverage coverage = MigrationCoverage.read(List.of(BASIC), LOADER);

    assertEquals(Set.of("authors", "books"), coverage.tables());
    assertTrue(coverage.covers("books"));
    assertFalse(coverage.covers("widgets"));
    assertTrue(coverage.snapshotOf("books").endsWith("db/test-migrations/basic/dataflow-schema.json"));
  }

  @Test
  void combinesLocationsAndAcceptsUnprefixedOnes() {
    MigrationCoverage coverage = MigrationCoverage.read(List.of(BASIC, "db/test-migrations/extra/"), LOADER);

    assertEquals(Set.of("authors", "books", "tags"), coverage.tables());
  }

  @Test
  void locationWithoutSnapshotCoversNothing() {
    assertTrue(MigrationCoverage.read(List.of("classpath:db/test-migrations/none"), LOADER).tables().isEmpty());
  }

  @Test
  void readsFilesystemLocations(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("dataflow-schema.json"), "{\"tables\":[{\"name\":\"notes\"}]}");

    MigrationCoverage coverage = MigrationCoverage.read(List.of("filesystem:" + directory, EXTRA), LOADER);

    assertEquals(Set.of("notes", "tags"), coverage.tables());
  }

  @Test
  void tableWithoutNameIsAnError() {
    DataFlowException e = assertThrows(DataFlowException.class,
        () -> MigrationCoverage.read(List.of("classpath:db/test-migrations/malformed"), LOADER));

    assertTrue(e.getMessage().contains("malformed/dataflow-schema.json lists a table without a \"name\""),
        e.getMessage());
  }

  @Test
  void invalidJsonIsAnError(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("dataflow-schema.json"), "{\"tables\": [");

    DataFlowException e = assertThrows(DataFlowException.class,
        () -> MigrationCoverage.read(List.of("filesystem:" + directory), LOADER));

    assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
  }
}
