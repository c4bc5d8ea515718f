package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.models.ConversationSession;
import dev.dataflow.models.ConversationSessionCreateNode;
import dev.dataflow.models.ConversationSessionReadNode;
import dev.dataflow.models.Outlet;
import dev.dataflow.models.OutletBulkCreateNode;
import dev.dataflow.models.OutletCountNode;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.models.OutletListNode;
import dev.dataflow.models.OutletReadNode;
import dev.dataflow.models.OutletUpdateNode;
import dev.dataflow.models.testing.Address;
import dev.dataflow.models.testing.AllTypes;
import dev.dataflow.models.testing.AllTypesCreateNode;
import dev.dataflow.models.testing.AllTypesRowMapper;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.Gauge;
import dev.dataflow.models.testing.GaugeCreateNode;
import dev.dataflow.models.testing.GaugeReadNode;
import dev.dataflow.models.testing.GaugeRowMapper;
import dev.dataflow.models.testing.Level;
import dev.dataflow.models.testing.Profile;
import dev.dataflow.models.testing.ProfileCreateNode;
import dev.dataflow.models.testing.ProfileListNode;
import dev.dataflow.models.testing.ProfileReadNode;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.node.NodeParams;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Typed results ({@code result.get("create", Profile.class)}, {@code result.records("list", Profile.class)}) and
 * typed parameters from a model ({@code ProfileCreateNode.params(profile)}), through the generated row mappers, for
 * record and class models, on PostgreSQL.
 */
class TypedResultsTest extends DatabaseTest {
  private static final Address HOME = new Address("1 Quay", "Singapore", 3, List.of("lift", "blue door"));
  private static final Address OLD = new Address("2 Square", "Penang", 0, List.of());

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE profiles, gauges, all_types, outlets RESTART IDENTITY CASCADE");
  }

  private static WorkflowResult run(String nodeId, NodeParams params) {
    return runtime.execute(new WorkflowBuilder().addNode(nodeId, params).build());
  }

  private static Profile profile(String name) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    attributes.put("source", "whatsapp");
    attributes.put("nested", Map.of("depth", 2));
    return new Profile(
        null,
        name,
        (short) 3,
        42,
        1L << 40,
        0.25f,
        98.5,
        true,
        (short) -7,
        -42,
        -(1L << 41),
        1.5f,
        -2.75,
        false,
        new BigDecimal("1234.5600"),
        UUID.fromString("0b6a4e0e-6a7e-4c8e-9d0a-1c2b3d4e5f60"),
        Instant.parse("2026-01-02T03:04:05.123456Z"),
        OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC),
        LocalDateTime.of(2026, 1, 1, 12, 30, 15),
        LocalDate.of(1990, 2, 28),
        Level.HIGH,
        HOME,
        List.of(OLD, HOME),
        attributes,
        List.of("vip", 7, true));
  }

  // ---- record model: round trip, every supported type ----

  @Test
  void aRecordComesBackAsGivenFromParamsThroughCreateAndRead() {
    Profile given = profile("Ada");
    Profile created = run("create", ProfileCreateNode.params(given)).get("create", Profile.class);
    assertNotNull(created.id());
    assertEquals(given.withId(created.id()), created);
    // The JSON columns are their declared types, not Map trees.
    assertEquals(HOME, created.home());
    assertEquals(List.of(OLD, HOME), created.previous());

    Profile read = run("read", ProfileReadNode.params().id(created.id())).get("read", Profile.class);
    assertEquals(created, read);
  }

  @Test
  void nullFieldsAreLeftOutOfParamsAndComeBackNull() {
    Profile sparse = new Profile(null, "Bo", (short) 0, 0, 0, 0, 0, false, null, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null);
    Map<String, Object> params = ProfileCreateNode.params(sparse).toMap();
    assertTrue(!params.containsKey("id") && !params.containsKey("home") && params.containsKey("visits"), params
        .keySet().toString());
    Profile created = run("create", ProfileCreateNode.params(sparse)).get("create", Profile.class);
    assertEquals(sparse.withId(created.id()), created);
  }

  @Test
  void aListNodeGivesRecordsInOrder() {
    runtime.execute(new WorkflowBuilder()
        .addNode("a", ProfileCreateNode.params(profile("Ada")))
        .addNode("b", ProfileCreateNode.params(profile("Bo")))
        .build());
    List<Profile> listed =
        run("list", ProfileListNode.params().orderBy("-name")).records("list", Profile.class);
    assertEquals(List.of("Bo", "Ada"), listed.stream().map(Profile::name).toList());
    assertEquals(profile("Bo").withId(listed.get(0).id()), listed.get(0));
  }

  @Test
  void bulkCreateTakesAListOfModels() {
    Outlet harbour = new Outlet(null, "Harbour", "H1", "1 Quay");
    Outlet market = new Outlet(null, "Market", "M1", null);
    assertEquals(2, run("bulk", OutletBulkCreateNode.params(List.of(harbour, market))).get("bulk").get("inserted"));
    List<Outlet> outlets = run("list", OutletListNode.params().orderBy("code")).records("list", Outlet.class);
    assertEquals(List.of("H1", "M1"), outlets.stream().map(Outlet::code).toList());
    assertEquals(new Outlet(outlets.get(0).id(), "Harbour", "H1", "1 Quay"), outlets.get(0));
  }

  @Test
  void everyAllTypesColumnComesBackAsItsFieldType() {
    byte[] payload = {0, 1, (byte) 0xff};
    AllTypes given = new AllTypes(null, "text", "C1", (short) 7, 42, 1L << 40, 0.5f, 98.25,
        new BigDecimal("1234.50"), true, UUID.randomUUID(), Instant.parse("2026-01-02T03:04:05Z"),
        OffsetDateTime.of(2026, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC), LocalDateTime.of(2026, 1, 1, 12, 30),
        LocalDate.of(2026, 2, 3), payload, Level.MEDIUM, Map.of("k", "v"), List.of("a", 1));
    AllTypes created = run("create", AllTypesCreateNode.params(given)).get("create", AllTypes.class);
    assertArrayEquals(payload, created.payload());
    assertEquals(Level.MEDIUM, created.level());
    assertEquals(given.price(), created.price());
    assertEquals(given.scheduledAt(), created.scheduledAt());
    assertEquals(given.attributes(), created.attributes());
    assertEquals(given.tags(), created.tags());
    assertEquals(given.reference(), created.reference());
  }

  @Test
  void aNullInAPrimitiveFieldIsAClearError() {
    Map<String, Object> row = new AllTypesRowMapper().toRow(new AllTypes(1L, "t", null, (short) 0, null, null, null,
        1.0, null, null, null, null, null, null, null, null, null, null, null));
    row.put("score", null);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new AllTypesRowMapper().fromRow(row));
    assertTrue(e.getMessage().contains("'score'") && e.getMessage().contains("AllTypes.score"), e.getMessage());
  }

  // ---- class model ----

  @Test
  void aClassModelIsBuiltThroughItsFieldsAndSetters() {
    Gauge given = new Gauge();
    given.setEnabled(true);
    given.setSite(HOME);
    given.setSettings(Map.of("unit", "bar"));
    Map<String, Object> params = GaugeCreateNode.params(given).toMap();
    assertEquals(true, params.get("enabled"));
    assertEquals(HOME, params.get("site"));

    WorkflowResult created = runtime.execute(new WorkflowBuilder()
        .addNode("create", GaugeCreateNode.params(given).label("boiler").reading(7).level(Level.LOW)
            .checkedAt(Instant.parse("2026-03-04T05:06:07Z")).calibration(new BigDecimal("0.125")))
        .build());
    Gauge gauge = created.get("create", Gauge.class);
    Gauge read = run("read", GaugeReadNode.params().id((Long) created.get("create").get("id"))).get("read", Gauge.class);
    for (Gauge g : List.of(gauge, read)) {
      assertTrue(g.isEnabled());
      assertEquals(HOME, g.getSite());
      assertEquals(Map.of("unit", "bar"), g.getSettings());
      // The package-private fields, seen through the mapper (this test is in another package).
      Map<String, Object> fields = new GaugeRowMapper().toRow(g);
      assertEquals("boiler", fields.get("label"));
      assertEquals(7, fields.get("reading"));
      assertEquals(Level.LOW, fields.get("level"));
      assertEquals(new BigDecimal("0.125"), fields.get("calibration"));
      assertNull(fields.get("maximum"));
    }
  }

  // ---- what has no typed result ----

  @Test
  void aWrongClassIsRefusedNamingTheNodeItsModelAndTheClass() {
    WorkflowResult result = run("create", OutletCreateNode.params().name("Harbour").code("H1"));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> result.get("create", ConversationSession.class));
    assertTrue(e.getMessage().contains("'create'") && e.getMessage().contains("dev.dataflow.models.Outlet")
        && e.getMessage().contains("dev.dataflow.models.ConversationSession"), e.getMessage());
  }

  @Test
  void nodesWithoutOneRowAreRefusedWithTheCallToUseInstead() {
    run("create", OutletCreateNode.params().name("Harbour").code("H1"));
    WorkflowResult count = run("count", OutletCountNode.params());
    IllegalArgumentException notAModelRow =
        assertThrows(IllegalArgumentException.class, () -> count.get("count", Outlet.class));
    assertTrue(notAModelRow.getMessage().contains("get(\"count\")"), notAModelRow.getMessage());

    WorkflowResult list = run("list", OutletListNode.params());
    IllegalArgumentException aList = assertThrows(IllegalArgumentException.class, () -> list.get("list", Outlet.class));
    assertTrue(aList.getMessage().contains("records(\"list\", Outlet.class)"), aList.getMessage());

    WorkflowResult create = run("again", OutletCreateNode.params().name("Market").code("M1"));
    IllegalArgumentException oneRow =
        assertThrows(IllegalArgumentException.class, () -> create.records("again", Outlet.class));
    assertTrue(oneRow.getMessage().contains("get(\"again\", Outlet.class)"), oneRow.getMessage());
  }

  @Test
  void anOutputWithoutARowIsNull() {
    long id = (Long) run("create", OutletCreateNode.params().name("Harbour").code("H1")).get("create").get("id");
    assertNull(run("read", OutletReadNode.params().id(id + 1).raiseOnNotFound(false)).get("read", Outlet.class));
    assertNull(run("upsert", OutletCreateNode.params().name("Again").code("H1").onConflict("ignore")
        .conflictColumns("code")).get("upsert", Outlet.class));
    assertNull(run("update", OutletUpdateNode.params().filters(Map.of("code", "H1")).address("x"))
        .get("update", Outlet.class));
    Outlet updated = run("update", OutletUpdateNode.params().id(id).address("y")).get("update", Outlet.class);
    assertEquals(new Outlet(id, "Harbour", "H1", "y"), updated);
  }

  @Test
  void theSeedSessionModelReadsTyped() {
    ConversationSession session = new ConversationSession(null, UUID.randomUUID(), "6591234567", null, null, null,
        null, Map.of("primary", "order_placement"), Map.of("source", "whatsapp"));
    ConversationSession created =
        run("session", ConversationSessionCreateNode.params(session)).get("session", ConversationSession.class);
    assertEquals("en", created.language()); // left out as null: the column's default
    assertNotNull(created.startTime());
    ConversationSession read =
        run("read", ConversationSessionReadNode.params().id(created.id())).get("read", ConversationSession.class);
    assertEquals(created, read);
    assertEquals(session.sessionId(), read.sessionId());
    assertEquals(session.intents(), read.intents());
  }
}
