package dev.dataflow.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/**
 * A placeholder renders exactly as jOOQ renders a real value of the column's type (with or without a value, so that
 * a shape's SQL can be reused for any values), and it comes back from the rendered statement with its column.
 */
class SqlTypesTest {
  private static final Map<JavaType, Object> JOOQ_VALUES = new EnumMap<>(Map.ofEntries(
      Map.entry(JavaType.STRING, "x"), Map.entry(JavaType.ENUM, "RED"), Map.entry(JavaType.SHORT, (short) 1),
      Map.entry(JavaType.INT, 1), Map.entry(JavaType.LONG, 1L), Map.entry(JavaType.FLOAT, 1.5f),
      Map.entry(JavaType.DOUBLE, 1.5), Map.entry(JavaType.BIG_DECIMAL, BigDecimal.ONE),
      Map.entry(JavaType.BOOLEAN, true), Map.entry(JavaType.UUID, new UUID(1, 2)),
      Map.entry(JavaType.INSTANT, Instant.EPOCH), Map.entry(JavaType.OFFSET_DATE_TIME, OffsetDateTime.MIN),
      Map.entry(JavaType.LOCAL_DATE_TIME, LocalDateTime.MIN), Map.entry(JavaType.LOCAL_DATE, LocalDate.MIN),
      Map.entry(JavaType.BYTES, new byte[] {1}), Map.entry(JavaType.JSON, JSONB.jsonb("{}"))));

  @Test
  void everyTypeRendersItsPlaceholderAsJooqRendersAValue() {
    assertEquals(JavaType.values().length, JOOQ_VALUES.size());
    for (JavaType type : JavaType.values()) {
      ColumnDescriptor column = new ColumnDescriptor("c", "c", type, "T", true, false, false, false, null);
      Field<Object> field = SqlTypes.field(column);
      Field<Object> jooqValue = DSL.val(JOOQ_VALUES.get(type), field);
      Field<Object> jooqNull = DSL.val(null, field);
      for (Object value : new Object[] {"anything", null}) {
        Field<Object> placeholder = SqlTypes.placeholder(column, value);
        assertEquals(render(field.eq(jooqValue).and(field.in(jooqValue, jooqNull))),
            render(field.eq(placeholder).and(field.in(placeholder, placeholder))), type + " with " + value);
        assertEquals(render(DSL.update(DSL.table("t")).set(Map.<Field<?>, Field<?>>of(field, jooqNull))),
            render(DSL.update(DSL.table("t")).set(Map.<Field<?>, Field<?>>of(field, placeholder))), type + " with " + value);
      }
    }
  }

  @Test
  void placeholdersComeBackInRenderedOrderWithTheirColumns() {
    ColumnDescriptor a = new ColumnDescriptor("a", "a", JavaType.JSON, "JSONB", true, false, false, false, null);
    ColumnDescriptor b = new ColumnDescriptor("b", "b", JavaType.INT, "INTEGER", true, false, false, false, null);
    Map<String, Object> json = Map.of("k", 1);
    RenderedSql sql = RenderedSql.render(Jooq.RENDER.selectOne().from(DSL.table("t"))
        .where(SqlTypes.field(b).gt(SqlTypes.placeholder(b, 3)).or(SqlTypes.field(a).eq(SqlTypes.placeholder(a, json)))));
    assertEquals("select 1 as \"one\" from t where (\"b\" > ? or \"a\" = cast(? as jsonb))", sql.sql());
    assertEquals(java.util.List.of(new BindValue(b, 3), new BindValue(a, json)), sql.binds());
  }

  private static String render(org.jooq.QueryPart part) {
    return Jooq.RENDER.render(part);
  }
}
