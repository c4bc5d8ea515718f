package dev.dataflow.runtime.node.crud;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** When a node reuses what a check converted: same value object, same zone, same thread, and parts that cannot change. */
class ConvertedTest {
  private final Converted<String> converted = new Converted<>();
  private final AtomicInteger conversions = new AtomicInteger();

  private String convert(Object source) {
    return converted.of(source, ZoneOffset.UTC, () -> "converted " + conversions.incrementAndGet());
  }

  @Test
  void theRunReusesWhatTheCheckConvertedForTheSameObject() {
    Map<String, Object> filters = Map.of("session_id", UUID.randomUUID(), "role", List.of("user", "assistant"));
    converted.remember(filters, ZoneOffset.UTC, "checked");
    assertEquals("checked", convert(filters));
    assertEquals(0, conversions.get());
  }

  @Test
  void anEqualButOtherObjectAnotherZoneOrAnotherThreadConvertsAgain() throws Exception {
    Map<String, Object> filters = Map.of("name", "red");
    converted.remember(filters, ZoneOffset.UTC, "checked");
    assertEquals("converted 1", convert(Map.of("name", "red")), "identity, not equality");
    converted.remember(filters, ZoneOffset.UTC, "checked");
    assertEquals("converted 2", converted.of(filters, ZoneId.of("Asia/Singapore"),
        () -> "converted " + conversions.incrementAndGet()));
    converted.remember(filters, ZoneOffset.UTC, "checked");
    ExecutorService other = Executors.newSingleThreadExecutor();
    try {
      assertEquals("converted 3", other.submit(() -> convert(filters)).get());
    } finally {
      other.shutdown();
    }
  }

  @Test
  void aValueWithAPartThatMayChangeIsNeverRemembered() {
    Map<String, Object> filters = Map.of("created_at", Map.of("$lt", new Date()));
    converted.remember(filters, ZoneOffset.UTC, "checked");
    assertEquals("converted 1", convert(filters));
    assertEquals("converted 2", convert(filters));
  }

  @Test
  void aCheckAlwaysReplacesWhatWasRememberedForTheSameObject() {
    Map<String, Object> shared = new HashMap<>(Map.of("name", "red"));
    converted.remember(shared, ZoneOffset.UTC, "red");
    shared.put("name", "blue");
    converted.remember(shared, ZoneOffset.UTC, "blue"); // a connected value is checked again before its node runs
    assertSame("blue", convert(shared));
  }
}
