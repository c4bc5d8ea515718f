package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dataflow.runtime.testing.TestPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The committed V4, which turns {@code conversation_messages} into a table partitioned by month, applied by Flyway
 * to a populated database at V3: every row moves into its month's partition (none into the default), keeps its id,
 * its session and its values, the identity continues after the old one, and the foreign key and indexes are there.
 */
class PartitionMessagesMigrationTest {

  @Test
  void v4MovesThePopulatedTableIntoMonthlyPartitions() throws Exception {
    DataSource db = TestPostgres.newDataSource();
    Flyway.configure().dataSource(db).locations("classpath:db/migration").target("3").load().migrate();
    UUID session = UUID.randomUUID();
    execute(db, "INSERT INTO conversation_sessions (session_id, user_id) VALUES ('" + session + "', 'u-v4')");
    LocalDate thisMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
    // one message a month from 14 months ago to this month, two on the first of each at midnight UTC (a bound),
    // and one in two months' time
    List<String> months = new ArrayList<>();
    for (int back = 14; back >= -2; back--) {
      if (back == -1) {
        continue;
      }
      LocalDate month = thisMonth.minusMonths(back);
      months.add(String.format("%04d_%02d", month.getYear(), month.getMonthValue()));
      execute(db, "INSERT INTO conversation_messages (session_id, role, content, \"timestamp\") VALUES ('" + session
          + "', 'user', 'first of " + month + "', timestamptz '" + month + " 00:00:00+00'), ('" + session
          + "', 'assistant', 'last of " + month + "', timestamptz '" + month.plusMonths(1)
          + " 00:00:00+00' - interval '1 microsecond')");
    }
    execute(db, "INSERT INTO conversation_messages (session_id, role, content) VALUES ('" + session
        + "', 'user', 'deleted')");
    execute(db, "DELETE FROM conversation_messages WHERE content = 'deleted'");
    List<String> before = query(db, "SELECT id || ' ' || content || ' ' || role || ' ' || \"timestamp\" FROM"
        + " conversation_messages ORDER BY id");
    long lastId = Long.parseLong(query(db, "SELECT max(id) + 1 FROM conversation_messages").get(0)); // the deleted

    Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();

    assertEquals(before, query(db, "SELECT id || ' ' || content || ' ' || role || ' ' || \"timestamp\" FROM"
        + " conversation_messages ORDER BY id"), "every row, with its id and values");
    for (String row : query(db, "SELECT tableoid::regclass::text || ' ' || to_char(\"timestamp\" AT TIME ZONE"
        + " 'UTC', 'YYYY_MM') FROM conversation_messages")) {
      String[] parts = row.split(" ");
      assertEquals("conversation_messages_p" + parts[1], parts[0], "each row in its month's partition");
    }
    assertEquals(List.of("0"), query(db, "SELECT count(*) FROM conversation_messages_default"));
    List<String> partitions = query(db, "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
        + " WHERE i.inhparent = 'conversation_messages'::regclass ORDER BY 1");
    for (String month : months) {
      assertTrue(partitions.contains("conversation_messages_p" + month), month + " in " + partitions);
    }
    LocalDate next = thisMonth.plusMonths(1);
    assertTrue(partitions.contains(String.format("conversation_messages_p%04d_%02d", next.getYear(),
        next.getMonthValue())), "the next month has its partition too: " + partitions);

    execute(db, "INSERT INTO conversation_messages (session_id, role, content) VALUES ('" + session
        + "', 'user', 'after V4')");
    assertEquals(List.of(String.valueOf(lastId + 1)),
        query(db, "SELECT id FROM conversation_messages WHERE content = 'after V4'"),
        "the identity continues after the old sequence (the deleted row's id is not reused)");
    assertEquals(List.of("public.conversation_messages_id_seq"),
        query(db, "SELECT pg_get_serial_sequence('conversation_messages', 'id')"));
    assertEquals(List.of("0"), query(db, "SELECT count(*) FROM pg_class WHERE relname LIKE '%unpartitioned%'"));

    execute(db, "DELETE FROM conversation_sessions WHERE session_id = '" + session + "'");
    assertEquals(List.of("0"), query(db, "SELECT count(*) FROM conversation_messages"),
        "the foreign key to the session still cascades");
  }

  private static void execute(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static List<String> query(DataSource db, String sql) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
