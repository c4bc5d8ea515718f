package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dataflow.models.testing.TestDataFlow;
import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The committed migration builds exactly the schema the models' own DDL builds: same columns, types, nullability,
 * defaults, constraints and indexes.
 */
class CommittedMigrationTest {
  private static final String TABLES =
      "('conversation_sessions', 'conversation_messages', 'user_interaction_summaries', 'outlets')";

  @Test
  void v1BuildsTheSchemaOfTheModels() throws Exception {
    DataSource migrated = TestPostgres.newDataSource();
    try (Connection c = migrated.getConnection(); Statement s = c.createStatement()) {
      s.execute(resource("db/migration/V1__create_conversation_memory.sql"));
    }
    List<String> fromMigration = catalog(migrated);
    try (DataFlow db = TestDataFlow.fresh()) {
      List<String> fromModels = catalog(db.dataSource());
      assertEquals(String.join("\n", fromModels), String.join("\n", fromMigration));
    }
    assertEquals(4, fromMigration.stream().filter(line -> line.startsWith("constraint pk_")).count());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = CommittedMigrationTest.class.getClassLoader().getResourceAsStream(name)) {
      assertNotNull(in, name + " is on the class path");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> catalog(DataSource dataSource) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      query(s, lines,
          "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' '"
              + " || coalesce(character_maximum_length::text, '') || ' ' || is_nullable || ' '"
              + " || coalesce(column_default, '') || ' ' || is_identity"
              + " FROM information_schema.columns WHERE table_schema = 'public' AND table_name IN " + TABLES
              + " ORDER BY table_name, ordinal_position");
      query(s, lines,
          "SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint"
              + " WHERE conrelid::regclass::text IN " + TABLES + " ORDER BY conname");
      query(s, lines,
          "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename IN " + TABLES
              + " ORDER BY indexname");
    }
    return lines;
  }

  private static void query(Statement s, List<String> lines, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        lines.add(rs.getString(1));
      }
    }
  }
}
