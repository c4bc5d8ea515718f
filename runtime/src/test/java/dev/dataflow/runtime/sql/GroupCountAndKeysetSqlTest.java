package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * The SQL of grouped counts and keyset pages: identifiers only from the model, units as fixed keywords, JSON keys,
 * limits and keyset values only as binds.
 */
class GroupCountAndKeysetSqlTest {
  private static final String ALL_COLUMNS = "\"id\", \"name\", \"rank\", \"qty\", \"views\", \"ratio\", \"score\","
      + " \"price\", \"active\", \"seen_at\", \"due_at\", \"local_at\", \"birthday\", \"blob\", \"color\", \"meta\","
      + " \"created_at\", \"updated_at\"";

  @Test
  void groupCountBindsJsonKeysAndInlinesTheUnitKeywordAndTheLimit() {
    RenderedSql sql = GroupCountSql.render(MODEL, DSL.noCondition(),
        List.of(new GroupKey("seen_at:day", MODEL.column("seen_at"), GroupKey.Unit.DAY, List.of()),
            new GroupKey("meta.a.b", MODEL.column("meta"), null, List.of("a", "b"))),
        List.of(new Aggregate("avg_qty", Aggregate.Op.AVG, MODEL.column("qty"))), 10);
    assertEquals("select date_trunc('day', \"seen_at\" at time zone 'UTC'), jsonb_extract_path_text(\"meta\", ?, ?),"
        + " count(*), avg(\"qty\"), cast(sum(count(*)) over () as bigint) from \"gadget\" group by 1, 2"
        + " order by 3 desc, 1 asc, 2 asc fetch next 10 rows only", sql.sql());
    assertEquals(Arrays.asList("a", "b"), sql.bindValues());
  }

  @Test
  void aGroupKeyOrAggregateThatCannotApplyIsABugOfTheCaller() {
    assertThrows(IllegalArgumentException.class,
        () -> new GroupKey("name:day", MODEL.column("name"), GroupKey.Unit.DAY, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new GroupKey("birthday:hour", MODEL.column("birthday"), GroupKey.Unit.HOUR, List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> new GroupKey("name.a", MODEL.column("name"), null, List.of("a")));
    assertThrows(IllegalArgumentException.class,
        () -> new Aggregate("s", Aggregate.Op.SUM, MODEL.column("name")));
    assertThrows(IllegalArgumentException.class,
        () -> GroupCountSql.render(MODEL, DSL.noCondition(), List.of(), List.of(), 10));
  }

  @Test
  void keysetOfNotNullKeysInOneDirectionIsARowComparison() {
    UUID last = new UUID(0, 7);
    RenderedSql sql = KeysetSql.selectAfter(MODEL, DSL.noCondition(), List.of("-id"), List.of(last), 5);
    assertEquals("select " + ALL_COLUMNS + " from \"gadget\" where (\"id\") < (cast(? as uuid))"
        + " order by \"id\" desc fetch next 5 rows only", sql.sql());
    assertEquals(List.of(last), sql.bindValues());
  }

  @Test
  void keysetOfNullableOrMixedKeysIsTheExpandedForm() {
    Instant seen = Instant.parse("2026-01-01T00:00:00Z");
    UUID last = new UUID(0, 7);
    RenderedSql sql = KeysetSql.selectAfter(MODEL, DSL.noCondition(), List.of("-qty", "seen_at"),
        Arrays.asList(3, seen, last), 5);
    String where = sql.sql().substring(sql.sql().indexOf(" where ") + 7, sql.sql().indexOf(" order by "));
    assertEquals("(\"qty\" < ? or (\"qty\" = ? and (\"seen_at\" > cast(? as timestamp with time zone) or \"seen_at\""
        + " is null)) or (\"qty\" = ? and \"seen_at\" = cast(? as timestamp with time zone) and \"id\" > cast(? as"
        + " uuid)))", where);
    RenderedSql afterNull = KeysetSql.selectAfter(MODEL, DSL.noCondition(), List.of("qty"),
        Arrays.asList(null, last), 5);
    assertTrue(afterNull.sql().contains("(false or (\"qty\" is null and \"id\" > cast(? as uuid)))"), afterNull.sql());
    assertEquals(List.of(last), afterNull.bindValues());
    assertEquals(List.of("qty", "id"), KeysetSql.pageOrder(MODEL, List.of("qty")));
    assertEquals(List.of("-id"), KeysetSql.pageOrder(MODEL, List.of("-id")));
    assertThrows(IllegalArgumentException.class,
        () -> KeysetSql.selectAfter(MODEL, DSL.noCondition(), List.of("qty"), List.of(last), 5));
  }
}
