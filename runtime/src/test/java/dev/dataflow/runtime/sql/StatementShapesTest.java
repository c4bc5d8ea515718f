package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A statement of a cached shape is exactly what jOOQ renders for it afresh, values included, however the filters
 * before it looked; filters that differ only in a value that changes the SQL (null, an {@code $in} list with null,
 * {@code $exists} true or false) are different shapes.
 */
class StatementShapesTest {

  /** Filters in the order a node would see them: neighbours share a shape, or differ in a way that changes the SQL. */
  private static final List<Map<String, Object>> FILTERS = List.of(
      map("name", "alpha"),
      map("name", "beta"),
      map("name", null),
      map("name", "gamma"),
      map("qty", map("$gte", 10, "$lt", 30)),
      map("qty", map("$gte", 20, "$lt", 40)),
      map("qty", map("$lt", 40, "$gte", 20)),
      map("qty", map("$in", List.of(10, 30))),
      map("qty", map("$in", Arrays.asList(10, null))),
      map("qty", map("$in", List.of(20))),
      map("qty", map("$nin", Arrays.asList(20, null))),
      map("qty", map("$nin", List.of(20))),
      map("rank", map("$exists", true)),
      map("rank", map("$exists", false)),
      map("rank", map("$ne", null)),
      map("rank", map("$ne", 2)),
      map("name", map("$like", "a%"), "active", true),
      map("name", map("$like", "b%"), "active", false),
      map("$or", List.of(map("qty", 10), map("qty", map("$null", true)))),
      map("$or", List.of(map("qty", 30), map("qty", map("$null", false)))),
      map("$or", List.of(map("qty", 30), map("qty", 20), map("qty", 10))),
      map("$not", map("qty", 10)),
      map("$not", map("qty", 20)),
      map("meta", map("$contains", map("tags", List.of("b")))),
      map("meta", map("$contains", map("level", 3))),
      map("meta", map("level", 1)),
      map());

  @Test
  void everyStatementEqualsAFreshRenderingAndSelectsTheSameRows() throws Exception {
    DataSource db = Gadgets.newDatabase();
    try (Connection c = db.getConnection()) {
      Gadgets.insert(c, List.of(
          Gadgets.map("id", java.util.UUID.randomUUID(), "name", "alpha", "qty", 10, "rank", (short) 1,
              "active", true, "meta", map("tags", List.of("a", "b"), "level", 1)),
          Gadgets.map("id", java.util.UUID.randomUUID(), "name", "beta", "qty", 20, "active", false,
              "meta", map("tags", List.of("b"), "level", 3)),
          Gadgets.map("id", java.util.UUID.randomUUID(), "name", "gamma")));
      StatementShapes shapes = new StatementShapes(MODEL);
      for (int round = 0; round < 2; round++) {
        for (Map<String, Object> filters : FILTERS) {
          // as a node compiles them: checked, converted and shaped, the condition built only for a new shape
          CompiledFilter filter = FilterCompiler.shapeOf(MODEL, filters, ZoneOffset.UTC);
          assertEquals(FilterCompiler.compileFilter(MODEL, filters, ZoneOffset.UTC).shape(), filter.shape());
          RenderedSql fresh = SqlRenderer.select(MODEL, FilterCompiler.compile(MODEL, filters), List.of("-qty"), 20, 1);
          RenderedSql shaped = shapes.select(filter, List.of("-qty"), 20, 1);
          assertEquals(fresh.sql(), shaped.sql(), filters.toString());
          assertEquals(fresh.bindValues(), shaped.bindValues(), filters.toString());
          assertEquals(Gadgets.query(c, fresh), Gadgets.query(c, shaped), filters.toString());
          assertEquals(SqlRenderer.count(MODEL, filter.condition()).sql(), shapes.count(filter).sql());
          assertEquals(Gadgets.scalar(c, SqlRenderer.count(MODEL, filter.condition())),
              Gadgets.scalar(c, shapes.count(filter)), filters.toString());
          assertEquals(SqlRenderer.exists(MODEL, filter.condition()).sql(), shapes.exists(filter).sql());
          assertEquals(SqlRenderer.delete(MODEL, filter.condition()).sql(), shapes.delete(filter).sql());
        }
      }
    }
  }

  @Test
  void aShapeIsRenderedOnceAndItsSqlReused() {
    StatementShapes shapes = new StatementShapes(MODEL);
    RenderedSql first = shapes.select(compile(map("name", "alpha", "qty", map("$gt", 1))), List.of(), 10, 0);
    RenderedSql second = shapes.select(compile(map("name", "beta", "qty", map("$gt", 2))), List.of(), 5, 0);
    assertEquals(List.of("beta", 2), second.bindValues());
    assertEquals(2, shapes.size(), "the limit is written into the SQL, so it is part of the shape");
    RenderedSql third = shapes.select(compile(map("name", "gamma", "qty", map("$gt", 3))), List.of(), 5, 0);
    assertSame(second.sql(), third.sql());
    assertEquals(List.of("gamma", 3), third.bindValues());
    assertTrue(third.sql().endsWith("fetch next 5 rows only"), third.sql());
    // an offset and an order are part of the shape too
    shapes.select(compile(map("name", "beta", "qty", map("$gt", 2))), List.of(), 5, 5);
    shapes.select(compile(map("name", "beta", "qty", map("$gt", 2))), List.of("qty"), 5, 0);
    shapes.select(compile(map("name", "beta", "qty", map("$gt", 2))), List.of(), SqlRenderer.NO_LIMIT, 0);
    assertEquals(5, shapes.size());
  }

  @Test
  void shapesTellApartWhatChangesTheSql() {
    List<String> seen = new ArrayList<>();
    for (Map<String, Object> filters : List.of(map("name", "a"), map("name", null),
        map("rank", map("$exists", true)), map("rank", map("$exists", false)),
        map("qty", map("$in", List.of(1))), map("qty", map("$in", Arrays.asList(1, null))),
        map("qty", map("$ne", 1)), map("qty", map("$ne", null)),
        map("$or", List.of(map("name", "a"), map("qty", 1))), map("$and", List.of(map("name", "a"), map("qty", 1))),
        map("name", "a", "qty", 1), map("qty", 1, "name", "a"))) {
      String shape = compile(filters).shape();
      assertEquals(false, seen.contains(shape), shape);
      seen.add(shape);
    }
    assertEquals(compile(map("name", "a")).shape(), compile(map("name", "b")).shape());
    assertNotEquals(compile(map("name", "a")).shape(), compile(map("name", "a", "qty", 1)).shape());
  }

  private static CompiledFilter compile(Map<String, Object> filters) {
    return FilterCompiler.shapeOf(MODEL, filters, ZoneOffset.UTC);
  }
}
