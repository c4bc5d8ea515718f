package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.EnumValues;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.model.Statements;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * A hand-written model whose table has a column of every {@link JavaType}, with its DDL, and helpers that run the
 * SQL layer against a real PostgreSQL the way the CRUD nodes will.
 */
public final class Gadgets {
  enum Color { RED, GREEN, BLUE }

  static final String CREATE_TABLE = """
      CREATE TABLE "gadget" (
        "id" UUID PRIMARY KEY,
        "name" TEXT NOT NULL,
        "rank" SMALLINT,
        "qty" INTEGER,
        "views" BIGINT,
        "ratio" REAL,
        "score" DOUBLE PRECISION,
        "price" NUMERIC(10,2),
        "active" BOOLEAN,
        "seen_at" TIMESTAMPTZ,
        "due_at" TIMESTAMPTZ,
        "local_at" TIMESTAMP,
        "birthday" DATE,
        "blob" BYTEA,
        "color" TEXT CHECK ("color" IN ('RED', 'GREEN', 'BLUE')),
        "meta" JSONB,
        "created_at" TIMESTAMPTZ NOT NULL,
        "updated_at" TIMESTAMPTZ NOT NULL
      )""";

  public static final ModelDescriptor MODEL = new ModelDescriptor(
      "Gadget",
      "dev.dataflow.test.Gadget",
      "gadget",
      List.of(
          column("id", "id", JavaType.UUID, "UUID", false, true, false),
          column("name", "name", JavaType.STRING, "TEXT", false, false, false),
          column("rank", "rank", JavaType.SHORT, "SMALLINT", true, false, false),
          column("qty", "qty", JavaType.INT, "INTEGER", true, false, false),
          column("views", "views", JavaType.LONG, "BIGINT", true, false, false),
          column("ratio", "ratio", JavaType.FLOAT, "REAL", true, false, false),
          column("score", "score", JavaType.DOUBLE, "DOUBLE PRECISION", true, false, false),
          column("price", "price", JavaType.BIG_DECIMAL, "NUMERIC(10,2)", true, false, false),
          column("active", "active", JavaType.BOOLEAN, "BOOLEAN", true, false, false),
          column("seen_at", "seenAt", JavaType.INSTANT, "TIMESTAMPTZ", true, false, false),
          column("due_at", "dueAt", JavaType.OFFSET_DATE_TIME, "TIMESTAMPTZ", true, false, false),
          column("local_at", "localAt", JavaType.LOCAL_DATE_TIME, "TIMESTAMP", true, false, false),
          column("birthday", "birthday", JavaType.LOCAL_DATE, "DATE", true, false, false),
          column("blob", "blob", JavaType.BYTES, "BYTEA", true, false, false),
          new ColumnDescriptor("color", "color", JavaType.ENUM, "TEXT", true, false, false, false,
              EnumValues.of(Color.values())),
          column("meta", "meta", JavaType.JSON, "JSONB", true, false, false),
          column("created_at", "createdAt", JavaType.INSTANT, "TIMESTAMPTZ", false, false, true),
          column("updated_at", "updatedAt", JavaType.INSTANT, "TIMESTAMPTZ", false, false, true)),
      "id",
      List.of(),
      List.of(CREATE_TABLE),
      new Statements("", List.of(), "", "", List.of(), "", ""));

  private Gadgets() {}

  private static ColumnDescriptor column(
      String name, String field, JavaType type, String sqlType, boolean nullable, boolean key, boolean generated) {
    return new ColumnDescriptor(name, field, type, sqlType, nullable, key, generated, false, null);
  }

  static ColumnDescriptor col(String name) {
    ColumnDescriptor column = MODEL.column(name);
    if (column == null) {
      throw new IllegalArgumentException(name);
    }
    return column;
  }

  /** A fresh database with the gadget table. */
  static DataSource newDatabase() throws SQLException {
    DataSource ds = TestPostgres.newDataSource();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      s.execute(CREATE_TABLE);
    }
    return ds;
  }

  /** A map that keeps order and allows null values. */
  public static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  /**
   * Inserts {@code records} (column name to raw input) with one multi-row INSERT … RETURNING, converting each value
   * with {@link ValueConverter#toJava} and binding it with {@link JdbcValues#bind}; returns the rows read back.
   */
  static List<Map<String, Object>> insert(Connection c, List<Map<String, Object>> records) throws SQLException {
    List<String> columns = new ArrayList<>(records.get(0).keySet());
    RenderedSql sql = SqlRenderer.insert(MODEL, columns, records.size());
    try (PreparedStatement ps = sql.prepare(c)) {
      int index = sql.bindValues().size();
      for (int r = 0; r < records.size(); r++) {
        for (String name : columns) {
          ColumnDescriptor column = col(name);
          Object value = ValueConverter.toJava(column, records.get(r).get(name), "records." + r + "." + name);
          JdbcValues.bind(ps, ++index, column, value);
        }
      }
      return rows(ps);
    }
  }

  /** Runs a statement that returns model rows. */
  static List<Map<String, Object>> query(Connection c, RenderedSql sql) throws SQLException {
    try (PreparedStatement ps = sql.prepare(c)) {
      return rows(ps);
    }
  }

  private static List<Map<String, Object>> rows(PreparedStatement ps) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        rows.add(RowReader.read(rs, MODEL));
      }
    }
    return rows;
  }

  /** Runs a statement with one single-column result row. */
  static Object scalar(Connection c, RenderedSql sql) throws SQLException {
    try (PreparedStatement ps = sql.prepare(c); ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql.sql());
      }
      return rs.getObject(1);
    }
  }

  /** Runs an update or delete and returns its row count. */
  static int update(Connection c, RenderedSql sql) throws SQLException {
    try (PreparedStatement ps = sql.prepare(c)) {
      return ps.executeUpdate();
    }
  }
}
