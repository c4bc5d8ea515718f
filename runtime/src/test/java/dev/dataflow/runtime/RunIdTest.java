package dev.dataflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Run ids are random version-4 UUIDs in their usual text, different for every run. */
class RunIdTest {
  @Test
  void runIdsAreDistinctVersion4Uuids() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 100_000; i++) {
      String id = WorkflowRun.newRunId();
      UUID uuid = UUID.fromString(id);
      assertEquals(4, uuid.version(), id);
      assertEquals(2, uuid.variant(), id);
      assertEquals(uuid.toString(), id);
      seen.add(id);
    }
    assertEquals(100_000, seen.size());
  }
}
