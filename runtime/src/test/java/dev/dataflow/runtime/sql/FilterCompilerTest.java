package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.sql.Gadgets.Color;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jooq.Condition;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each filter operator: the SQL it renders and the rows it selects from real data in PostgreSQL.
 *
 * <p>Rows: alpha, beta and gamma have every column; "empty" has only id and name (every other column NULL);
 * "hostile" has a name made of SQL.
 */
class FilterCompilerTest {
  private static final String HOSTILE = "'; drop table gadget; --";
  private static final UUID ALPHA_ID = UUID.nameUUIDFromBytes("alpha".getBytes());
  private static final UUID BETA_ID = UUID.nameUUIDFromBytes("beta".getBytes());
  private static DataSource db;

  @BeforeAll
  static void seed() throws Exception {
    db = Gadgets.newDatabase();
    List<Map<String, Object>> records = new ArrayList<>();
    records.add(row("alpha", ALPHA_ID, (short) 1, 10, 100L, 0.5f, 1.5d, "1.10", true,
        "2024-01-01T00:00:00Z", "2024-01-01T08:00:00+08:00", "2024-01-01T00:00:00", "2000-01-01",
        new byte[] {1, 2}, Color.RED, map("tags", List.of("a", "b"), "level", 1, "owner", map("team", "core"))));
    records.add(row("beta", BETA_ID, (short) 2, 20, 200L, 1.5f, 2.5d, "2.20", false,
        "2024-02-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-02-01T00:00:00", "2000-02-01",
        new byte[] {3}, Color.GREEN, map("tags", List.of("b"), "level", 2)));
    records.add(row("gamma", UUID.nameUUIDFromBytes("gamma".getBytes()), (short) 3, 30, 300L, 2.5f, 3.5d, "3.30",
        true, "2024-03-01T00:00:00Z", "2024-03-01T00:00:00Z", "2024-03-01T00:00:00", "2000-03-01",
        new byte[] {4, 5}, Color.BLUE, map("tags", List.of(), "level", 3)));
    records.add(row("empty", UUID.nameUUIDFromBytes("empty".getBytes()), null, null, null, null, null, null, null,
        null, null, null, null, null, null, null));
    records.add(row(HOSTILE, UUID.nameUUIDFromBytes("hostile".getBytes()), null, 99, null, null, null, null, null,
        null, null, null, null, null, null, null));
    try (Connection c = db.getConnection()) {
      Gadgets.insert(c, records);
    }
  }

  private static Map<String, Object> row(String name, UUID id, Short rank, Integer qty, Long views, Float ratio,
      Double score, String price, Boolean active, String seenAt, String dueAt, String localAt, String birthday,
      byte[] blob, Color color, Map<String, Object> meta) {
    return map("id", id, "name", name, "rank", rank, "qty", qty, "views", views, "ratio", ratio, "score", score,
        "price", price, "active", active, "seen_at", seenAt, "due_at", dueAt, "local_at", localAt,
        "birthday", birthday, "blob", blob, "color", color, "meta", meta);
  }

  /** The names of the rows {@code filters} select, ordered by name. */
  private static List<String> names(Map<String, ?> filters) throws Exception {
    RenderedSql sql = SqlRenderer.select(MODEL, FilterCompiler.compile(MODEL, filters), List.of("name"),
        SqlRenderer.NO_LIMIT, 0);
    try (Connection c = db.getConnection()) {
      List<String> names = new ArrayList<>();
      for (Map<String, Object> row : Gadgets.query(c, sql)) {
        names.add((String) row.get("name"));
      }
      return names;
    }
  }

  /** The WHERE clause {@code filters} render to. */
  private static String where(Map<String, ?> filters) {
    String sql = SqlRenderer.count(MODEL, FilterCompiler.compile(MODEL, filters)).sql();
    int where = sql.indexOf(" where ");
    return where < 0 ? "" : sql.substring(where + " where ".length());
  }

  private static void assertFilter(Map<String, ?> filters, String expectedWhere, String... expectedNames)
      throws Exception {
    assertEquals(expectedWhere, where(filters));
    assertEquals(Arrays.asList(expectedNames), names(filters));
  }

  private static InvalidValueException refused(Map<String, ?> filters) {
    return assertThrows(InvalidValueException.class, () -> FilterCompiler.compile(MODEL, filters));
  }

  // ------------------------------------------------------------------------------------------ equality and null

  @Test
  void noFiltersIsNoCondition() throws Exception {
    assertEquals(DSL.noCondition(), FilterCompiler.compile(MODEL, null));
    assertEquals(DSL.noCondition(), FilterCompiler.compile(MODEL, Map.of()));
    assertEquals(5, names(Map.of()).size());
  }

  @Test
  void plainValueIsEquality() throws Exception {
    assertFilter(map("name", "beta"), "\"name\" = ?", "beta");
    assertFilter(map("qty", "20"), "\"qty\" = ?", "beta");
    assertFilter(map("color", "BLUE"), "\"color\" = ?", "gamma");
    assertFilter(map("color", Color.RED, "active", true), "(\"color\" = ? and \"active\" = ?)", "alpha");
  }

  @Test
  void equalityWorksForEveryType() throws Exception {
    assertEquals(List.of("alpha"), names(map("id", ALPHA_ID.toString())));
    assertEquals(List.of("alpha"), names(map("rank", 1)));
    assertEquals(List.of("alpha"), names(map("views", 100)));
    assertEquals(List.of("alpha"), names(map("ratio", 0.5d)));
    assertEquals(List.of("alpha"), names(map("score", 1.5f)));
    assertEquals(List.of("alpha"), names(map("price", new BigDecimal("1.1"))));
    assertEquals(List.of("alpha", "gamma"), names(map("active", "true")));
    assertEquals(List.of("alpha"), names(map("seen_at", Instant.parse("2024-01-01T00:00:00Z"))));
    assertEquals(List.of("alpha"), names(map("due_at", "2024-01-01T00:00:00Z")));
    assertEquals(List.of("alpha"), names(map("local_at", LocalDateTime.parse("2024-01-01T00:00:00"))));
    assertEquals(List.of("alpha"), names(map("birthday", LocalDate.parse("2000-01-01"))));
    assertEquals(List.of("alpha"), names(map("blob", new byte[] {1, 2})));
    assertEquals(List.of("beta"), names(map("meta", map("tags", List.of("b"), "level", 2))));
  }

  @Test
  void nullMeansIsNull() throws Exception {
    assertFilter(map("qty", null), "\"qty\" is null", "empty");
    assertFilter(map("qty", map("$eq", null)), "\"qty\" is null", "empty");
    assertFilter(map("color", map("$ne", null)), "\"color\" is not null", "alpha", "beta", "gamma");
  }

  @Test
  void eq() throws Exception {
    assertFilter(map("seen_at", map("$eq", "2024-02-01T00:00:00Z")), "\"seen_at\" = cast(? as timestamp with time zone)",
        "beta");
  }

  @Test
  void neAlsoMatchesNullLikeMongoDb() throws Exception {
    assertFilter(map("color", map("$ne", "RED")), "\"color\" is distinct from ?",
        HOSTILE, "beta", "empty", "gamma");
  }

  // ---------------------------------------------------------------------------------------------------- ordering

  @Test
  void gtGteLtLte() throws Exception {
    assertFilter(map("qty", map("$gt", 20)), "\"qty\" > ?", HOSTILE, "gamma");
    assertFilter(map("qty", map("$gte", 20)), "\"qty\" >= ?", HOSTILE, "beta", "gamma");
    assertFilter(map("qty", map("$lt", 20)), "\"qty\" < ?", "alpha");
    assertFilter(map("qty", map("$lte", 20)), "\"qty\" <= ?", "alpha", "beta");
    assertFilter(map("qty", map("$gte", 15, "$lt", 30)), "(\"qty\" >= ? and \"qty\" < ?)", "beta");
  }

  @Test
  void orderingWorksForTimesDatesNumbersUuidsAndText() throws Exception {
    assertEquals(List.of("beta", "gamma"), names(map("seen_at", map("$gte", "2024-02-01T08:00:00+08:00"))));
    assertEquals(List.of("gamma"), names(map("due_at", map("$gt", OffsetDateTime.parse("2024-02-01T00:00:00Z")))));
    assertEquals(List.of("alpha"), names(map("local_at", map("$lt", "2024-01-15T00:00:00"))));
    assertEquals(List.of("alpha", "beta"), names(map("birthday", map("$lte", "2000-02-01"))));
    assertEquals(List.of("beta", "gamma"), names(map("price", map("$gt", "1.10"))));
    assertEquals(List.of("beta", "gamma"), names(map("ratio", map("$gt", 1))));
    assertEquals(List.of("gamma"), names(map("score", map("$gt", 3))));
    assertEquals(List.of("gamma"), names(map("views", map("$gt", 250L))));
    assertEquals(List.of("gamma"), names(map("rank", map("$gte", 3))));
    // "'" sorts before "a".
    assertEquals(List.of(HOSTILE, "alpha", "beta"), names(map("name", map("$lt", "c"))));
    assertEquals(List.of("alpha", "beta"), names(map("color", map("$gt", "BLUE"))));
    assertEquals(5, names(map("id", map("$gt", "00000000-0000-0000-0000-000000000000"))).size());
    assertEquals(0, names(map("id", map("$gt", "ffffffff-ffff-ffff-ffff-ffffffffffff"))).size());
  }

  @Test
  void orderingIsRefusedOnJsonBytesAndBoolean() {
    for (String column : List.of("meta", "blob", "active")) {
      InvalidValueException e = refused(map(column, map("$gt", 1)));
      assertEquals("filters." + column + ".$gt", e.parameter());
      assertTrue(e.getMessage().contains("ordered column"), e.getMessage());
    }
    assertTrue(refused(map("qty", map("$gt", null))).getMessage().contains("$null"));
  }

  // ---------------------------------------------------------------------------------------------------- in / nin

  @Test
  void in() throws Exception {
    assertFilter(map("color", map("$in", List.of("RED", Color.BLUE))), "(\"color\" = any(?))", "alpha", "gamma");
    assertFilter(map("id", map("$in", List.of(ALPHA_ID, BETA_ID.toString()))), "(\"id\" = any(?))", "alpha", "beta");
    assertFilter(map("qty", map("$in", Arrays.asList(10, null))), "((\"qty\" = any(?)) or \"qty\" is null)",
        "alpha", "empty");
  }

  @Test
  void nin() throws Exception {
    assertFilter(map("color", map("$nin", List.of("RED", "BLUE"))),
        "((\"color\" <> all(?)) or \"color\" is null)", HOSTILE, "beta", "empty");
    assertFilter(map("color", map("$nin", Arrays.asList("RED", null))),
        "((\"color\" <> all(?)) and \"color\" is not null)", "beta", "gamma");
  }

  @Test
  void emptyInIsFalseAndEmptyNinIsTrue() throws Exception {
    assertFilter(map("qty", map("$in", List.of())), "(\"qty\" = any(?))");
    assertFilter(map("qty", map("$nin", List.of())), "((\"qty\" <> all(?)) or \"qty\" is null)",
        HOSTILE, "alpha", "beta", "empty", "gamma");
    assertEquals(List.of("empty"), names(map("qty", map("$in", Arrays.asList((Object) null)))));
    assertEquals(List.of(HOSTILE, "alpha", "beta", "gamma"), names(map("qty", map("$nin", Arrays.asList((Object) null)))));
  }

  @Test
  void inBindsOneArrayOfTheColumnsTypeForEveryType() throws Exception {
    // Two values per column, alpha's and beta's, each bound as one array of the column's element type.
    Map<String, List<?>> alphaAndBeta = new java.util.LinkedHashMap<>();
    alphaAndBeta.put("id", List.of(ALPHA_ID, BETA_ID));
    alphaAndBeta.put("name", List.of("alpha", "beta"));
    alphaAndBeta.put("rank", List.of(1, 2));
    alphaAndBeta.put("qty", List.of(10, 20));
    alphaAndBeta.put("views", List.of(100L, 200L));
    alphaAndBeta.put("ratio", List.of(0.5f, 1.5f));
    alphaAndBeta.put("score", List.of(1.5d, 2.5d));
    alphaAndBeta.put("price", List.of(new BigDecimal("1.1"), "2.20"));
    alphaAndBeta.put("seen_at", List.of("2024-01-01T00:00:00Z", Instant.parse("2024-02-01T00:00:00Z")));
    alphaAndBeta.put("due_at", List.of("2024-01-01T00:00:00Z", "2024-02-01T08:00:00+08:00"));
    alphaAndBeta.put("local_at", List.of("2024-01-01T00:00:00", LocalDateTime.parse("2024-02-01T00:00:00")));
    alphaAndBeta.put("birthday", List.of("2000-01-01", LocalDate.parse("2000-02-01")));
    alphaAndBeta.put("blob", List.of(new byte[] {1, 2}, new byte[] {3}));
    alphaAndBeta.put("color", List.of("RED", Color.GREEN));
    alphaAndBeta.put("meta", List.of(map("tags", List.of("a", "b"), "level", 1, "owner", map("team", "core")),
        map("tags", List.of("b"), "level", 2)));
    for (Map.Entry<String, List<?>> e : alphaAndBeta.entrySet()) {
      assertFilter(map(e.getKey(), map("$in", e.getValue())), "(\"" + e.getKey() + "\" = any(?))", "alpha", "beta");
      assertEquals(List.of(HOSTILE, "empty", "gamma"), names(map(e.getKey(), map("$nin", e.getValue()))), e.getKey());
    }
    assertEquals(List.of("alpha", "gamma"), names(map("active", map("$in", List.of(true)))));
  }

  @Test
  void inTakesDatesAtTheEdgesOfPostgresRange() throws Exception {
    // Arrays of times go as text: PostgreSQL's BC years and six-digit years must read back as the same instants.
    for (Object bound : List.of(PostgresLimits.MIN_INSTANT, PostgresLimits.MAX_INSTANT)) {
      assertEquals(List.of(), names(map("seen_at", map("$in", List.of(bound)))));
      assertEquals(List.of("beta", "gamma"), names(map("seen_at", map("$in",
          List.of(bound, "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z")))));
    }
    assertEquals(List.of("alpha"), names(map("birthday", map("$in",
        List.of(PostgresLimits.MIN_DATE, PostgresLimits.MAX_DATE, LocalDate.parse("2000-01-01"))))));
    assertEquals(List.of("alpha"), names(map("local_at", map("$in",
        List.of(PostgresLimits.MIN_TIMESTAMP, PostgresLimits.MAX_TIMESTAMP, "2024-01-01T00:00:00")))));
  }

  @Test
  void inRendersTheSameSqlWhateverTheListsLength() {
    String one = where(map("qty", map("$in", List.of(1))));
    for (int length : new int[] {0, 2, 1000, 100_000}) {
      List<Integer> values = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        values.add(i);
      }
      assertEquals(one, where(map("qty", map("$in", values))), "length " + length);
      assertEquals(where(map("qty", map("$nin", List.of(1)))), where(map("qty", map("$nin", values))));
      RenderedSql sql = SqlRenderer.count(MODEL, FilterCompiler.compile(MODEL, map("qty", map("$in", values))));
      assertEquals(1, sql.binds().size(), "one array parameter");
    }
  }

  @Test
  void inTakesAHundredThousandValuesInOneParameter() throws Exception {
    // 100,000 placeholders would be over the driver's 65,535; one array is not.
    List<Object> values = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      values.add(i % 2 == 0 ? 10 + i * 1000 : -i);
    }
    assertEquals(List.of("alpha"), names(map("qty", map("$in", values))));
    assertEquals(List.of(HOSTILE, "beta", "empty", "gamma"), names(map("qty", map("$nin", values))));
    List<Object> ids = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      ids.add(i == 99_999 ? BETA_ID : UUID.nameUUIDFromBytes(("other " + i).getBytes()));
    }
    assertEquals(List.of("beta"), names(map("id", map("$in", ids))));
  }

  @Test
  void inElementsAreConvertedWithTheirPath() {
    InvalidValueException e = refused(map("qty", map("$in", List.of(1, 2.5))));
    assertEquals("filters.qty.$in.1", e.parameter());
    assertTrue(refused(map("qty", map("$in", 1))).getMessage().contains("takes a list"));
    assertTrue(refused(map("qty", map("$nin", "1,2"))).getMessage().contains("takes a list"));
  }

  // ------------------------------------------------------------------------------------------------ text matching

  @Test
  void like() throws Exception {
    assertFilter(map("name", map("$like", "%a")), "\"name\" like ?", "alpha", "beta", "gamma");
    assertFilter(map("name", map("$like", "A%")), "\"name\" like ?");
    assertFilter(map("color", map("$like", "GR%")), "\"color\" like ?", "beta");
  }

  @Test
  void ilike() throws Exception {
    assertFilter(map("name", map("$ilike", "A%")), "\"name\" ilike ?", "alpha");
  }

  @Test
  void regex() throws Exception {
    assertFilter(map("name", map("$regex", "^(al|ga)")), "(\"name\" ~ ?)", "alpha", "gamma");
    assertFilter(map("color", map("$regex", "E$")), "(\"color\" ~ ?)", "gamma");
  }

  @Test
  void textOperatorsOnlyApplyToTextColumns() {
    for (String operator : List.of("$like", "$ilike", "$regex")) {
      InvalidValueException e = refused(map("qty", map(operator, "1%")));
      assertEquals("filters.qty." + operator, e.parameter());
      assertTrue(e.getMessage().contains("text columns"), e.getMessage());
      assertTrue(refused(map("name", map(operator, 1))).getMessage().contains("pattern String"));
    }
  }

  // ---------------------------------------------------------------------------------------------- exists / null

  @Test
  void existsAndNullTestForNull() throws Exception {
    assertFilter(map("meta", map("$exists", true)), "\"meta\" is not null", "alpha", "beta", "gamma");
    assertFilter(map("meta", map("$exists", false)), "\"meta\" is null", HOSTILE, "empty");
    assertFilter(map("qty", map("$null", true)), "\"qty\" is null", "empty");
    assertFilter(map("qty", map("$null", false)), "\"qty\" is not null", HOSTILE, "alpha", "beta", "gamma");
    assertTrue(refused(map("qty", map("$null", "yes"))).getMessage().contains("true or false"));
  }

  // ---------------------------------------------------------------------------------------------------- contains

  @Test
  void containsIsJsonbContainment() throws Exception {
    assertFilter(map("meta", map("$contains", map("tags", List.of("b")))), "(\"meta\" @> cast(? as jsonb))",
        "alpha", "beta");
    assertFilter(map("meta", map("$contains", map("owner", map("team", "core")))), "(\"meta\" @> cast(? as jsonb))",
        "alpha");
    assertFilter(map("meta", map("$contains", map("level", 3))), "(\"meta\" @> cast(? as jsonb))", "gamma");
  }

  @Test
  void containsOnlyAppliesToJson() {
    InvalidValueException e = refused(map("name", map("$contains", "x")));
    assertTrue(e.getMessage().contains("JSON columns") && e.getMessage().contains("$like"), e.getMessage());
    assertTrue(refused(map("meta", map("$contains", null))).getMessage().contains("needs a JSON value"));
  }

  // ----------------------------------------------------------------------------------------------------- logical

  @Test
  void andOrNot() throws Exception {
    assertFilter(map("$or", List.of(map("name", "alpha"), map("qty", map("$gte", 30)))),
        "(\"name\" = ? or \"qty\" >= ?)", HOSTILE, "alpha", "gamma");
    assertFilter(map("$and", List.of(map("active", true), map("qty", map("$gt", 10)))),
        "(\"active\" = ? and \"qty\" > ?)", "gamma");
    assertFilter(map("$not", map("color", "RED")), "not (\"color\" = ?)", "beta", "gamma");
  }

  @Test
  void logicalOperatorsNestToAnyDepth() throws Exception {
    Map<String, Object> filters = map(
        "meta", map("$exists", true),
        "$or", List.of(
            map("$and", List.of(map("active", true), map("$not", map("color", map("$in", List.of("BLUE")))))),
            map("$not", map("$or", List.of(map("qty", map("$lte", 10)), map("qty", map("$gte", 30)))))));
    assertFilter(filters,
        "(\"meta\" is not null and ((\"active\" = ? and not (\"color\" = any(?))) or not (\"qty\" <= ? or \"qty\" >= ?)))",
        "alpha", "beta");
  }

  /** {@code levels} logical operators inside one another ($and, $or, $not in turn) around {@code "name": "alpha"}. */
  private static Map<String, Object> nestedLogic(int levels) {
    Map<String, Object> filter = map("name", "alpha");
    for (int i = 0; i < levels; i++) {
      filter = switch (i % 3) {
        case 0 -> map("$and", List.of(filter));
        case 1 -> map("$or", List.of(filter));
        default -> map("$not", map("$not", filter));
      };
    }
    return filter;
  }

  @Test
  void logicalOperatorsNestAtMostMaxDepthLevels() throws Exception {
    // 64 levels compile, render and run ...
    Map<String, Object> deepest = map("$and", List.of(map("$or", List.of(map("name", "alpha")))));
    for (int i = 2; i < PostgresLimits.MAX_DEPTH; i++) {
      deepest = map("$and", List.of(deepest));
    }
    assertEquals(List.of("alpha"), names(deepest));
    // ... 65 are refused, naming where the nesting starts, in a short message.
    InvalidValueException e = refused(map("$and", List.of(deepest)));
    assertTrue(e.parameter().startsWith("filters.$and.0.$and.0.$and.0."), e.parameter());
    assertTrue(e.getMessage().contains("nest at most 64 levels"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, e.getMessage());
    // 100,000 levels are refused the same way, not with a StackOverflowError.
    InvalidValueException deeper = refused(nestedLogic(100_000));
    assertTrue(deeper.getMessage().contains("nest at most 64 levels"), deeper.getMessage());
    assertTrue(deeper.getMessage().length() < 300, deeper.getMessage());
  }

  @Test
  void containsTakesJsonNestedAtMostMaxDepthLevels() throws Exception {
    assertEquals(List.of(), names(map("meta", map("$contains",
        ValueConverterErrorTest.nested(PostgresLimits.MAX_DEPTH, "x")))));
    InvalidValueException e = refused(map("meta", map("$contains", ValueConverterErrorTest.nested(10_000, "x"))));
    assertEquals("filters.meta.$contains", e.parameter());
    assertTrue(e.getMessage().contains("nested more than 64 levels deep"), e.getMessage());
    assertTrue(e.getMessage().length() < 1000, e.getMessage());
  }

  @Test
  void logicalOperatorsNeedTheRightShape() {
    InvalidValueException notAList = refused(map("$or", map("name", "a")));
    assertEquals("filters.$or", notAList.parameter());
    assertTrue(notAList.getMessage().contains("non-empty list of filter maps"), notAList.getMessage());
    assertTrue(refused(map("$and", List.of())).getMessage().contains("non-empty list"));
    InvalidValueException notMaps = refused(map("$and", List.of(map("name", "a"), "name")));
    assertEquals("filters.$and.1", notMaps.parameter());
    assertTrue(refused(map("$not", List.of(map("name", "a")))).getMessage().contains("$not takes a non-empty filter map"));
    assertTrue(refused(map("$not", map())).getMessage().contains("non-empty"));
    InvalidValueException nested = refused(map("$or", List.of(map("name", "a"), map("$not", map("nmae", "b")))));
    assertEquals("filters.$or.1.$not.nmae", nested.parameter());
  }

  // ------------------------------------------------------------------------------------- unknown names and values

  @Test
  void unknownFieldIsNamedWithASuggestion() {
    InvalidValueException e = refused(map("colour", "RED"));
    assertEquals("filters.colour", e.parameter());
    assertTrue(e.getMessage().contains("unknown field 'colour'"), e.getMessage());
    assertTrue(e.getMessage().contains("Did you mean 'color'?"), e.getMessage());
  }

  @Test
  void unknownOperatorIsNamedWithTheList() {
    InvalidValueException e = refused(map("qty", map("$gtee", 1)));
    assertEquals("filters.qty.$gtee", e.parameter());
    assertTrue(e.getMessage().contains("unknown operator '$gtee'"), e.getMessage());
    assertTrue(e.getMessage().contains(FilterCompiler.FIELD_OPERATORS.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("Did you mean '$gte'?"), e.getMessage());

    InvalidValueException top = refused(map("$nor", List.of(map("qty", 1))));
    assertTrue(top.getMessage().contains("Did you mean '$not'?") || top.getMessage().contains("'$or'"),
        top.getMessage());
    assertTrue(refused(map("$gt", 1)).getMessage().contains("applies to a field"));
    assertTrue(refused(map("qty", map())).getMessage().contains("at least one operator"));
    assertTrue(refused(map("qty", map("gt", 1))).getMessage().contains("unknown operator 'gt'"));
  }

  @Test
  void valuesAreConvertedWithTheirPathAndNotEchoed() {
    InvalidValueException e = refused(map("created_at", map("$gte", "2024-05-01")));
    assertEquals("filters.created_at.$gte", e.parameter());
    assertTrue(e.getMessage().contains("time of day"), e.getMessage());
    assertFalse(e.getMessage().contains("2024-05-01;"), e.getMessage());
  }

  /** The names of the rows {@code filters} select in {@code zone}, ordered by name. */
  private static List<String> names(Map<String, ?> filters, ZoneId zone) throws Exception {
    RenderedSql sql = SqlRenderer.select(MODEL, FilterCompiler.compile(MODEL, filters, zone), List.of("name"),
        SqlRenderer.NO_LIMIT, 0);
    try (Connection c = db.getConnection()) {
      List<String> names = new ArrayList<>();
      for (Map<String, Object> row : Gadgets.query(c, sql)) {
        names.add((String) row.get("name"));
      }
      return names;
    }
  }

  @Test
  void timesWithoutOffsetAreComparedInTheGivenZone() throws Exception {
    ZoneId singapore = ZoneId.of("Asia/Singapore");
    // beta is 2024-02-01T00:00Z: 08:00 in Singapore
    for (String column : List.of("seen_at", "due_at")) {
      Map<String, ?> after = map(column, map("$gte", "2024-02-01T07:00:00"));
      assertEquals(List.of("gamma"), names(after, ZoneOffset.UTC), column);
      assertEquals(List.of("gamma"), names(after), "the zone-less form reads UTC: " + column);
      assertEquals(List.of("beta", "gamma"), names(after, singapore), column);
      assertEquals(List.of("beta"), names(map(column, "2024-02-01T08:00:00"), singapore), column);
      assertEquals(List.of(), names(map(column, "2024-02-01T08:00:00"), ZoneOffset.UTC), column);
      assertEquals(List.of("alpha", "beta"), names(map(column, map("$in", List.of("2024-01-01T08:00:00",
          LocalDateTime.parse("2024-02-01T08:00:00")))), singapore), column);
      assertEquals(List.of("beta"), names(map("$and", List.of(map(column, map("$gt", "2024-01-01T08:00:00")),
          map(column, map("$lt", "2024-03-01T08:00:00")))), singapore), column);
      assertEquals(List.of("beta"), names(map(column, "2024-02-01T00:00:00Z"), singapore),
          "an offset keeps its own: " + column);
    }
    assertEquals(List.of("beta"), names(map("local_at", "2024-02-01T00:00:00"), singapore),
        "a TIMESTAMP column compares local times, whatever the zone");
  }

  @Test
  void namesFromTheInputAreEchoedCut() {
    String longName = "n".repeat(10_000_000);
    for (Map<String, ?> filters : List.of(map(longName, 1), map("qty", map("$" + longName, 1)),
        map("$" + longName, 1), map("$or", List.of(map(longName, 1))))) {
      InvalidValueException e = refused(filters);
      assertTrue(e.getMessage().length() < 1000, "a message of " + e.getMessage().length() + " characters");
      assertTrue(e.parameter().endsWith("n".repeat(Math.max(0, 64 - 1)) + "..."), e.parameter());
      assertTrue(e.getMessage().contains("nnnnnnnn..."), e.getMessage());
    }
  }

  @Test
  void textPatternsPostgresCannotStoreAreRefused() {
    for (String pattern : List.of("a\u0000%", "%\uDC00")) {
      InvalidValueException e = refused(map("name", map("$like", pattern)));
      assertEquals("filters.name.$like", e.parameter());
      assertTrue(e.getMessage().contains("PostgreSQL"), e.getMessage());
    }
    InvalidValueException value = refused(map("name", map("$in", List.of("ok", "bad\u0000"))));
    assertEquals("filters.name.$in.1", value.parameter());
  }

  @Test
  void hostileFieldNamesAreRefusedAsUnknownFields() {
    for (String name : List.of("name; drop table gadget", "\"name\"", "\"quoted\"", "name\" = 'x' or \"name",
        "NAME", "name ", "gadget.name")) {
      InvalidValueException e = refused(map(name, "x"));
      assertTrue(e.getMessage().contains("unknown field"), e.getMessage());
    }
    InvalidValueException inside = refused(map("$or", List.of(map("name; drop table gadget", 1))));
    assertTrue(inside.getMessage().contains("unknown field"), inside.getMessage());
  }

  @Test
  void hostileValuesAreBoundAndMatchLiterally() throws Exception {
    assertFilter(map("name", HOSTILE), "\"name\" = ?", HOSTILE);
    assertEquals(List.of(HOSTILE), names(map("name", map("$in", List.of(HOSTILE, "x' or '1'='1")))));
    assertEquals(List.of(), names(map("name", "x' or '1'='1")));
    assertEquals(List.of(HOSTILE), names(map("name", map("$like", "%drop table%"))));
    assertEquals(List.of(), names(map("meta", map("$contains", map("x", "'; drop table gadget; --")))));
    Condition c = FilterCompiler.compile(MODEL, map("name", HOSTILE));
    assertFalse(c.toString().isEmpty());
    assertFalse(where(map("name", HOSTILE)).contains("drop"));
    // The table survived every query above.
    assertEquals(5, names(Map.of()).size());
  }
}
