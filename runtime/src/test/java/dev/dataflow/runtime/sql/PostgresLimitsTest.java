package dev.dataflow.runtime.sql;

import static dev.dataflow.runtime.sql.Gadgets.MODEL;
import static dev.dataflow.runtime.sql.Gadgets.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edges of {@link PostgresLimits} are PostgreSQL's (through pgjdbc): a value on the edge is stored exactly and
 * found again by {@code $eq} (bound one by one) and {@code $in} (bound as an array in PostgreSQL's text form), and the
 * limits of a NUMERIC column are read from its type.
 */
class PostgresLimitsTest {
  private static DataSource db;

  @BeforeAll
  static void createTable() throws Exception {
    db = Gadgets.newDatabase();
  }

  @Test
  void datesAndTimesOnTheEdgesAreStoredExactlyAndFoundAgain() throws Exception {
    Map<String, Object> first = map("id", UUID.randomUUID(), "name", "first",
        "seen_at", PostgresLimits.MIN_INSTANT,
        "due_at", PostgresLimits.MIN_INSTANT.atOffset(ZoneOffset.ofHours(-8)),
        "local_at", PostgresLimits.MIN_TIMESTAMP,
        "birthday", PostgresLimits.MIN_DATE);
    Map<String, Object> last = map("id", UUID.randomUUID(), "name", "last",
        "seen_at", PostgresLimits.MAX_INSTANT,
        "due_at", PostgresLimits.MAX_INSTANT.atOffset(ZoneOffset.ofHours(14)),
        "local_at", PostgresLimits.MAX_TIMESTAMP,
        "birthday", PostgresLimits.MAX_DATE);
    try (Connection c = db.getConnection()) {
      List<Map<String, Object>> rows = Gadgets.insert(c, List.of(first, last));
      for (int i = 0; i < 2; i++) {
        Map<String, Object> given = i == 0 ? first : last;
        Map<String, Object> row = rows.get(i);
        assertEquals(given.get("seen_at"), row.get("seen_at"));
        assertEquals(((OffsetDateTime) given.get("due_at")).withOffsetSameInstant(ZoneOffset.UTC), row.get("due_at"));
        assertEquals(given.get("local_at"), row.get("local_at"));
        assertEquals(given.get("birthday"), row.get("birthday"));
        for (String column : List.of("seen_at", "due_at", "local_at", "birthday")) {
          Object value = given.get(column);
          assertEquals(List.of(given.get("name")), names(c, map(column, value)), column + " $eq");
          assertEquals(List.of(given.get("name")), names(c, map(column, map("$in", List.of(value)))), column + " $in");
        }
      }
    }
  }

  @Test
  void infinityWrittenOutsideDataFlowReadsAsTheDriversStandInWhichIsRefusedAsInput() throws Exception {
    try (Connection c = db.getConnection(); java.sql.Statement s = c.createStatement()) {
      s.execute("insert into gadget (id, name, seen_at, due_at, local_at, birthday, created_at, updated_at) values ("
          + "gen_random_uuid(), 'forever', 'infinity', '-infinity', 'infinity', 'infinity', now(), now())");
      Map<String, Object> row = Gadgets.query(c, SqlRenderer.select(MODEL,
          FilterCompiler.compile(MODEL, map("name", "forever")), List.of(), SqlRenderer.NO_LIMIT, 0)).get(0);
      assertEquals(OffsetDateTime.MAX.toInstant(), row.get("seen_at"));
      assertEquals(OffsetDateTime.MIN, row.get("due_at"));
      assertEquals(java.time.LocalDateTime.MAX, row.get("local_at"));
      assertEquals(java.time.LocalDate.MAX, row.get("birthday"));
      for (String column : List.of("seen_at", "due_at", "local_at", "birthday")) {
        org.junit.jupiter.api.Assertions.assertThrows(InvalidValueException.class,
            () -> ValueConverter.toJava(Gadgets.col(column), row.get(column), column));
      }
      s.execute("delete from gadget where name = 'forever'");
    }
  }

  @Test
  void numericOnPostgresEdgesIsSentExactly() throws Exception {
    ColumnDescriptor amount = ColumnDescriptor.column("amount", "amount", JavaType.BIG_DECIMAL, "NUMERIC");
    try (Connection c = db.getConnection();
        PreparedStatement ps = c.prepareStatement("select ? = ?::text::numeric")) {
      for (String value : List.of("1E+131071", "-9" + "9".repeat(131_071), "1E-16383", "0.5")) {
        Object converted = ValueConverter.toStored(amount, value, "amount");
        JdbcValues.bind(ps, 1, amount, converted);
        ps.setString(2, value);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertEquals(true, rs.getBoolean(1), value);
        }
      }
    }
  }

  @Test
  void numericLimitsComeFromTheColumnsType() {
    assertEquals(new PostgresLimits.NumericLimits("NUMERIC(10,2)", 8, 2), PostgresLimits.NumericLimits.of("NUMERIC(10,2)"));
    assertEquals(new PostgresLimits.NumericLimits("NUMERIC(5,0)", 5, 0), PostgresLimits.NumericLimits.of("numeric(5)"));
    assertEquals(new PostgresLimits.NumericLimits("NUMERIC(3,3)", 0, 3), PostgresLimits.NumericLimits.of("DECIMAL(3, 3)"));
    for (String unconstrained : new String[] {"NUMERIC", "NUMERIC(x,2)", "NUMERIC(2,5)", "TEXT", null}) {
      assertEquals(PostgresLimits.NumericLimits.unconstrained(), PostgresLimits.NumericLimits.of(unconstrained));
    }
    PostgresLimits.NumericLimits cents = PostgresLimits.NumericLimits.of("NUMERIC(3,3)");
    assertEquals(new BigDecimal("0.125"), PostgresLimits.fit(new BigDecimal("0.125"), cents));
    assertEquals(new BigDecimal("0.000"), PostgresLimits.fit(new BigDecimal("0E-9"), cents));
    assertNull(PostgresLimits.fit(new BigDecimal("1.000"), cents));
    assertNull(PostgresLimits.fit(new BigDecimal("1E-999999999"), cents));
    assertNull(PostgresLimits.fit(new BigDecimal("1E+999999999"), PostgresLimits.NumericLimits.unconstrained()));
  }

  private static List<String> names(Connection c, Map<String, ?> filters) throws Exception {
    return Gadgets.query(c, SqlRenderer.select(MODEL, FilterCompiler.compile(MODEL, filters), List.of("name"),
        SqlRenderer.NO_LIMIT, 0)).stream().map(row -> (String) row.get("name")).toList();
  }
}
