package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dataflow.models.OutletBulkCreateNode;
import dev.dataflow.models.OutletBulkUpdateNode;
import dev.dataflow.models.OutletCountNode;
import dev.dataflow.models.OutletCreateNode;
import dev.dataflow.models.OutletDeleteNode;
import dev.dataflow.models.OutletExistsNode;
import dev.dataflow.models.OutletListNode;
import dev.dataflow.models.OutletReadNode;
import dev.dataflow.models.OutletUpdateNode;
import dev.dataflow.models.Outlet;
import dev.dataflow.models.testing.Address;
import dev.dataflow.models.testing.DatabaseTest;
import dev.dataflow.models.testing.LedgerBulkUpdateNode;
import dev.dataflow.models.testing.LedgerCreateNode;
import dev.dataflow.models.testing.LedgerReadNode;
import dev.dataflow.models.testing.LedgerUpdateNode;
import dev.dataflow.models.testing.Tables;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.node.ModelProvider;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeParams;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.crud.BulkCreateNode;
import dev.dataflow.runtime.node.crud.CrudNode;
import dev.dataflow.runtime.node.crud.ListNode;
import dev.dataflow.runtime.node.crud.ReadNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The generated typed parameter builders ({@code OutletListNode.params().limit(10)}) write the parameter names the
 * runtime declares. Every setter of every builder on the class path is called and checked against its node's
 * {@link Node#parameters()}; each kind of setter is also written out against the runtime's constants and run on
 * PostgreSQL.
 */
class TypedParamsTest extends DatabaseTest {

  @BeforeEach
  void empty() {
    Tables.execute(db, "TRUNCATE outlets, ledgers RESTART IDENTITY CASCADE");
  }

  // ---- every setter of every builder, against the parameters its node declares ----

  /**
   * One test per generated node: each setter, called alone, sets exactly one parameter the node declares (a field
   * setter one writable column inside {@code fields}), and together the setters cover every parameter the node
   * declares, so no parameter lacks a typed setter.
   */
  @TestFactory
  Stream<DynamicTest> everySetterWritesAParameterItsNodeDeclares() {
    List<DynamicTest> tests = new ArrayList<>();
    for (ModelProvider provider : ServiceLoader.load(ModelProvider.class)) {
      for (Node node : provider.nodes()) {
        tests.add(DynamicTest.dynamicTest(node.type() + ".Params", () -> checkSetters((CrudNode) node)));
      }
    }
    assertTrue(tests.size() >= 9 * 4, "found only " + tests.size() + " generated nodes");
    return tests.stream();
  }

  private static void checkSetters(CrudNode node) throws ReflectiveOperationException {
    Set<String> declared = new TreeSet<>();
    for (ParamSpec spec : node.parameters()) {
      declared.add(spec.name());
    }
    Class<?> paramsClass = paramsOf(node.getClass()).getClass();
    Set<String> covered = new TreeSet<>();
    Set<String> setters = new TreeSet<>();
    // The public setters, generated or inherited from the kind's runtime base (dev.dataflow.runtime.node.params),
    // whose erased return type is that base: every method returning the builder itself.
    for (Method setter : paramsClass.getMethods()) {
      Class<?> returned = setter.getReturnType();
      if (!NodeParams.class.isAssignableFrom(returned) || !returned.isAssignableFrom(paramsClass)) {
        continue;
      }
      setters.add(setter.getName());
      NodeParams params = paramsOf(node.getClass());
      setter.invoke(params, sampleArguments(setter));
      Map<String, Object> map = params.toMap();
      String where = node.type() + ".Params." + setter.getName();
      assertEquals(1, map.size(), where + " set " + map.keySet());
      String key = map.keySet().iterator().next();
      assertTrue(declared.contains(key), where + " sets '" + key + "', which the node does not declare: " + declared);
      covered.add(key);
      if (key.equals(CrudNode.FIELDS) && !setter.getName().equals("fields")) {
        Map<?, ?> fields = assertInstanceOf(Map.class, map.get(CrudNode.FIELDS), where);
        assertEquals(1, fields.size(), where + " set fields " + fields.keySet());
        ColumnDescriptor column = node.model().column(String.valueOf(fields.keySet().iterator().next()));
        assertTrue(column != null && column.writable() && !column.primaryKey(), where + " sets " + fields);
      }
    }
    assertFalse(setters.isEmpty(), node.type() + ".Params has no setters");
    Set<String> missing = new TreeSet<>(declared);
    missing.removeAll(covered);
    if (node.model().versionColumn() == null) {
      missing.remove(CrudNode.VERSION); // declared only so that giving it is refused with a reason
    }
    assertEquals(Set.of(), missing, node.type() + ".Params has no setter for these parameters");
  }

  /** {@code <Model><Kind>Node.params()}. */
  private static NodeParams paramsOf(Class<?> nodeClass) throws ReflectiveOperationException {
    try {
      return (NodeParams) nodeClass.getMethod("params").invoke(null);
    } catch (InvocationTargetException e) {
      throw new AssertionError(nodeClass.getSimpleName() + ".params() failed", e.getCause());
    }
  }

  private static Object[] sampleArguments(Method setter) throws ReflectiveOperationException {
    Class<?>[] types = setter.getParameterTypes();
    Object[] arguments = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      arguments[i] = sample(types[i]);
    }
    return arguments;
  }

  /** A value of a setter's parameter type; a type added to the generator needs a line here. */
  private static Object sample(Class<?> type) throws ReflectiveOperationException {
    if (type == Long.class || type == long.class) {
      return 1L;
    } else if (type == Integer.class || type == int.class) {
      return 1;
    } else if (type == Short.class) {
      return (short) 1;
    } else if (type == Double.class) {
      return 1.5;
    } else if (type == Float.class) {
      return 1.5f;
    } else if (type == Boolean.class || type == boolean.class) {
      return true;
    } else if (type == String.class) {
      return "x";
    } else if (type == String[].class) {
      return new String[] {"x"};
    } else if (type == byte[].class) {
      return new byte[] {1};
    } else if (type == UUID.class) {
      return UUID.randomUUID();
    } else if (type == Instant.class) {
      return Instant.EPOCH;
    } else if (type == OffsetDateTime.class) {
      return OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    } else if (type == LocalDateTime.class) {
      return LocalDateTime.of(2026, 1, 1, 0, 0);
    } else if (type == LocalDate.class) {
      return LocalDate.of(2026, 1, 1);
    } else if (type == BigDecimal.class) {
      return BigDecimal.ONE;
    } else if (type == Map.class) {
      return Map.of("k", "v");
    } else if (type == List.class) {
      return List.of(Map.of("k", "v"));
    } else if (type == Address.class) {
      return new Address("1 Quay", "Singapore", 1, List.of()); // a record in a @Json column
    } else if (type.isEnum()) {
      return type.getEnumConstants()[0];
    } else if (NodeParams.class.isAssignableFrom(type)) {
      return paramsOf(type.getEnclosingClass()); // BulkCreate's record(<Model>CreateNode.Params)
    }
    return fail("no sample value for a setter taking " + type.getName() + "; add one to TypedParamsTest.sample");
  }

  // ---- each kind of setter against the runtime's constants, run on PostgreSQL ----

  private static Map<String, Object> run(NodeParams params) {
    return runtime.execute(new WorkflowBuilder().addNode("n", params).build()).get("n");
  }

  private static long createOutlet(String name, String code) {
    return (Long) run(OutletCreateNode.params().name(name).code(code)).get("id");
  }

  @SuppressWarnings("unchecked")
  private static List<String> names(Map<String, Object> listOutput) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> row : (List<Map<String, Object>>) listOutput.get("records")) {
      names.add((String) row.get("name"));
    }
    return names;
  }

  @Test
  void createSetsOneParameterPerColumnAndTheUpsertParameters() {
    OutletCreateNode.Params create = OutletCreateNode.params().name("Harbour").code("H1").address("1 Quay");
    assertEquals(Map.of("name", "Harbour", "code", "H1", "address", "1 Quay"), create.toMap());
    long id = (Long) run(create).get("id");

    OutletCreateNode.Params upsert =
        OutletCreateNode.params().name("Harbour Two").code("H1").onConflict("update").conflictColumns("code");
    assertEquals(
        Map.of(
            "name", "Harbour Two",
            "code", "H1",
            CrudNode.ON_CONFLICT, "update",
            CrudNode.CONFLICT_COLUMNS, List.of("code")),
        upsert.toMap());
    Map<String, Object> out = run(upsert);
    assertEquals(1, out.get("updated"));
    assertEquals(id, out.get("id"));
    assertEquals("Harbour Two", out.get("name"));
  }

  @Test
  void createAndBulkCreateParamsFromModelsSetEachNonNullField() {
    Outlet outlet = new Outlet(null, "Harbour", "H1", null);
    assertEquals(Map.of("name", "Harbour", "code", "H1"), OutletCreateNode.params(outlet).toMap());
    assertEquals(
        Map.of(CrudNode.RECORDS, List.of(Map.of("name", "Harbour", "code", "H1"), Map.of("name", "Market"))),
        OutletBulkCreateNode.params(List.of(outlet, new Outlet(null, "Market", null, null))).toMap());
  }

  @Test
  void readSetsIdFiltersAndRaiseOnNotFound() {
    long id = createOutlet("Harbour", "H1");

    OutletReadNode.Params byId = OutletReadNode.params().id(id + 1).raiseOnNotFound(false);
    assertEquals(Map.of(CrudNode.ID, id + 1, ReadNode.RAISE_ON_NOT_FOUND, false), byId.toMap());
    assertEquals(Map.of("found", false), run(byId));

    OutletReadNode.Params byFilters = OutletReadNode.params().filters(Map.of("code", "H1"));
    assertEquals(Map.of(CrudNode.FILTERS, Map.of("code", "H1")), byFilters.toMap());
    assertEquals(id, run(byFilters).get("id"));
  }

  @Test
  void updateSetsIdFieldsFiltersAndConfirmAll() {
    long harbour = createOutlet("Harbour", "H1");
    createOutlet("Market", "M1");

    OutletUpdateNode.Params byId = OutletUpdateNode.params().id(harbour).name("Harbour Two").address("1 Quay");
    assertEquals(
        Map.of(CrudNode.ID, harbour, CrudNode.FIELDS, Map.of("name", "Harbour Two", "address", "1 Quay")),
        byId.toMap());
    assertEquals("Harbour Two", run(byId).get("name"));

    OutletUpdateNode.Params everyRow =
        OutletUpdateNode.params().filters(Map.of()).confirmAll(true).fields(Map.of("address", "everywhere"));
    assertEquals(
        Map.of(
            CrudNode.FILTERS, Map.of(),
            CrudNode.CONFIRM_ALL, true,
            CrudNode.FIELDS, Map.of("address", "everywhere")),
        everyRow.toMap());
    assertEquals(2, run(everyRow).get("updated"));
  }

  @Test
  void updateOfAVersionedModelSetsTheVersion() {
    long id = (Long) run(LedgerCreateNode.params().owner("alice").balance(10L)).get("id");

    LedgerUpdateNode.Params update = LedgerUpdateNode.params().id(id).version(1).note("checked");
    assertEquals(
        Map.of(CrudNode.ID, id, CrudNode.VERSION, 1, CrudNode.FIELDS, Map.of("note", "checked")), update.toMap());
    assertEquals(2, run(update).get("version"));

    LedgerBulkUpdateNode.Params bulk =
        LedgerBulkUpdateNode.params()
            .records(List.of(Map.of(CrudNode.ID, id, CrudNode.VERSION, 2, "balance", 15L)));
    assertEquals(
        Map.of(CrudNode.RECORDS, List.of(Map.of(CrudNode.ID, id, CrudNode.VERSION, 2, "balance", 15L))), bulk.toMap());
    assertEquals(1, run(bulk).get("updated"));
    Map<String, Object> row = run(LedgerReadNode.params().id(id));
    assertEquals(15L, row.get("balance"));
    assertEquals(3, row.get("version"));
  }

  @Test
  void deleteSetsIdFiltersAndConfirmAll() {
    long harbour = createOutlet("Harbour", "H1");
    createOutlet("Market", "M1");
    createOutlet("Station", "S1");

    OutletDeleteNode.Params byId = OutletDeleteNode.params().id(harbour);
    assertEquals(Map.of(CrudNode.ID, harbour), byId.toMap());
    assertEquals(1, ((Number) run(byId).get("deleted")).intValue());

    OutletDeleteNode.Params byFilters = OutletDeleteNode.params().filters(Map.of("code", "M1"));
    assertEquals(Map.of(CrudNode.FILTERS, Map.of("code", "M1")), byFilters.toMap());
    assertEquals(1, ((Number) run(byFilters).get("deleted")).intValue());

    OutletDeleteNode.Params everyRow = OutletDeleteNode.params().filters(Map.of()).confirmAll(true);
    assertEquals(Map.of(CrudNode.FILTERS, Map.of(), CrudNode.CONFIRM_ALL, true), everyRow.toMap());
    assertEquals(1, ((Number) run(everyRow).get("deleted")).intValue());
    assertEquals(0, Tables.count(db, "outlets"));
  }

  @Test
  void listSetsFiltersOrderByLimitAndOffset() {
    createOutlet("Harbour", "H1");
    createOutlet("Market", "M1");
    createOutlet("Station", "S1");
    createOutlet("Airport", "A1");

    OutletListNode.Params list =
        OutletListNode.params()
            .filters(Map.of("code", Map.of("$ne", "A1")))
            .orderBy("-name")
            .limit(2)
            .offset(1);
    assertEquals(
        Map.of(
            CrudNode.FILTERS, Map.of("code", Map.of("$ne", "A1")),
            ListNode.ORDER_BY, List.of("-name"),
            ListNode.LIMIT, 2,
            ListNode.OFFSET, 1),
        list.toMap());
    Map<String, Object> out = run(list);
    assertEquals(List.of("Market", "Harbour"), names(out));
    assertEquals(2, out.get(ListNode.LIMIT));
    assertEquals(1, out.get(ListNode.OFFSET));
  }

  @Test
  void countAndExistsSetFiltersAndId() {
    long harbour = createOutlet("Harbour", "H1");
    createOutlet("Market", "M1");

    OutletCountNode.Params count = OutletCountNode.params().filters(Map.of("code", "M1"));
    assertEquals(Map.of(CrudNode.FILTERS, Map.of("code", "M1")), count.toMap());
    assertEquals(1L, ((Number) run(count).get("count")).longValue());

    OutletExistsNode.Params byId = OutletExistsNode.params().id(harbour);
    assertEquals(Map.of(CrudNode.ID, harbour), byId.toMap());
    assertEquals(true, run(byId).get("exists"));

    OutletExistsNode.Params byFilters = OutletExistsNode.params().filters(Map.of("code", "none"));
    assertEquals(Map.of(CrudNode.FILTERS, Map.of("code", "none")), byFilters.toMap());
    assertEquals(false, run(byFilters).get("exists"));
  }

  @Test
  void bulkCreateSetsRecordsBatchSizeAndTheUpsertParameters() {
    OutletBulkCreateNode.Params insert =
        OutletBulkCreateNode.params()
            .records(List.of(Map.of("name", "Harbour", "code", "H1")))
            .record(OutletCreateNode.params().name("Market").code("M1"))
            .batchSize(1);
    assertEquals(
        Map.of(
            CrudNode.RECORDS, List.of(Map.of("name", "Harbour", "code", "H1"), Map.of("name", "Market", "code", "M1")),
            BulkCreateNode.BATCH_SIZE, 1),
        insert.toMap());
    assertEquals(2, run(insert).get("inserted"));

    OutletBulkCreateNode.Params upsert =
        OutletBulkCreateNode.params()
            .record(OutletCreateNode.params().name("Harbour Two").code("H1"))
            .record(OutletCreateNode.params().name("Station").code("S1"))
            .onConflict("update")
            .conflictColumns("code");
    assertEquals(
        Map.of(
            CrudNode.RECORDS,
                List.of(Map.of("name", "Harbour Two", "code", "H1"), Map.of("name", "Station", "code", "S1")),
            CrudNode.ON_CONFLICT, "update",
            CrudNode.CONFLICT_COLUMNS, List.of("code")),
        upsert.toMap());
    Map<String, Object> out = run(upsert);
    assertEquals(1, out.get("inserted"));
    assertEquals(1, out.get("updated"));
    assertEquals(List.of("Harbour Two", "Market", "Station"), names(run(OutletListNode.params().orderBy("code"))));
  }

  @Test
  void bulkUpdateSetsFiltersFieldsRecordsAndConfirmAll() {
    long harbour = createOutlet("Harbour", "H1");
    createOutlet("Market", "M1");

    OutletBulkUpdateNode.Params byFilters =
        OutletBulkUpdateNode.params().filters(Map.of("code", "M1")).address("2 Square");
    assertEquals(
        Map.of(CrudNode.FILTERS, Map.of("code", "M1"), CrudNode.FIELDS, Map.of("address", "2 Square")),
        byFilters.toMap());
    assertEquals(1, run(byFilters).get("updated"));

    Map<String, Object> record = new LinkedHashMap<>();
    record.put(CrudNode.ID, harbour);
    record.put("name", "Harbour Two");
    OutletBulkUpdateNode.Params byRecords = OutletBulkUpdateNode.params().records(List.of(record));
    assertEquals(Map.of(CrudNode.RECORDS, List.of(record)), byRecords.toMap());
    assertEquals(1, run(byRecords).get("updated"));

    OutletBulkUpdateNode.Params everyRow =
        OutletBulkUpdateNode.params().filters(Map.of()).fields(Map.of("address", "all")).name("Same").confirmAll(true);
    assertEquals(
        Map.of(
            CrudNode.FILTERS, Map.of(),
            CrudNode.FIELDS, Map.of("address", "all", "name", "Same"),
            CrudNode.CONFIRM_ALL, true),
        everyRow.toMap());
    assertEquals(2, run(everyRow).get("updated"));
    assertEquals(List.of("Same", "Same"), names(run(OutletListNode.params())));
  }
}
