package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.migrate.TableCreator;
import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The committed migrations, applied in order by Flyway to an empty database, build exactly the schema the models'
 * own DDL builds: same columns, types, nullability, defaults, constraints and indexes.
 */
class CommittedMigrationTest {
  private static final String TABLES =
      "('conversation_sessions', 'conversation_messages', 'user_interaction_summaries', 'outlets', 'products',"
          + " 'customers', 'orders', 'order_items')";

  @Test
  void migrationsBuildTheSchemaOfTheModels() throws Exception {
    DataSource migrated = TestPostgres.newDataSource();
    Flyway.configure().dataSource(migrated).locations("classpath:db/migration").load().migrate();
    List<String> fromMigrations = catalog(migrated);

    DataSource fromDdl = TestPostgres.newDataSource();
    List<ModelDescriptor> conversationModels = NodeRegistry.classpath().models().stream()
        .filter(m -> m.modelClassName().startsWith("dev.dataflow.models.") && !m.modelClassName().contains(".testing."))
        .toList();
    assertEquals(
        List.of("ConversationMessage", "ConversationSession", "Customer", "Order", "OrderItem", "Outlet", "Product",
            "UserInteractionSummary"),
        conversationModels.stream().map(ModelDescriptor::modelName).sorted().toList());
    try (Connection c = fromDdl.getConnection(); Statement s = c.createStatement()) {
      for (ModelDescriptor model : TableCreator.foreignKeyOrder(conversationModels)) {
        for (String ddl : model.ddl()) {
          s.execute(ddl);
        }
      }
    }
    assertEquals(String.join("\n", catalog(fromDdl)), String.join("\n", fromMigrations));
    assertEquals(8, fromMigrations.stream().filter(line -> line.startsWith("constraint pk_")).count());
    assertTrue(fromMigrations.stream().anyMatch(line -> line.startsWith("constraint fk_conversation_messages_session_id")),
        String.join("\n", fromMigrations));
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
