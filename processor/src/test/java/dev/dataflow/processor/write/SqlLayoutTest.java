package dev.dataflow.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How generated source lays out a statement: one clause per line, one column or constraint per line of a
 * {@code create table}, and always exactly the rendered text once the pieces are joined.
 */
class SqlLayoutTest {

  @Test
  void piecesJoinToTheRenderedStatementForEveryStatementOfAModel() {
    RenderedSql sql = new SqlRenderer().render(SqlRendererTest.OUTLET);
    List<String> statements = new ArrayList<>(sql.ddl());
    statements.addAll(
        List.of(sql.insert(), sql.selectById(), sql.updateById(), sql.deleteById(), sql.existsById()));
    for (String statement : statements) {
      assertEquals(statement, String.join("", SqlLayout.pieces(statement)));
    }
  }

  @Test
  void aShortStatementStaysOnOneLine() {
    String delete = "delete from \"outlets\" where \"id\" = ?";
    assertEquals(List.of(delete), SqlLayout.pieces(delete));
  }

  @Test
  void eachClauseStartsALine() {
    String select =
        "select \"id\", \"code\", \"status\", \"parent_id\" from \"outlets_with_a_long_name\" where \"id\" = ?"
            + " returning \"id\"";
    assertEquals(
        List.of(
            "select \"id\", \"code\", \"status\", \"parent_id\"",
            " from \"outlets_with_a_long_name\"",
            " where \"id\" = ?",
            " returning \"id\""),
        SqlLayout.pieces(select));
  }

  @Test
  void createTableHasOneColumnOrConstraintPerLine() {
    String create =
        "create table if not exists \"outlets\" (\"id\" BIGINT not null, \"name\" TEXT default 'a, b', "
            + "constraint \"ck_outlets_status\" check (\"status\" in ('OPEN', 'CLOSED')))";
    assertEquals(
        List.of(
            "create table if not exists \"outlets\" (",
            "\"id\" BIGINT not null, ",
            "\"name\" TEXT default 'a, b', ",
            "constraint \"ck_outlets_status\" check (\"status\" in ('OPEN', 'CLOSED'))",
            ")"),
        SqlLayout.pieces(create));
  }

  @Test
  void keywordsInsideQuotesOrParenthesesDoNotBreak() {
    String select =
        "select exists (select 1 as \"one\" from \"t\" where \"id\" = ?), \" from \", ' where ' from \"a_table\""
            + " where \"x\" = ?";
    assertEquals(
        List.of(
            "select exists (select 1 as \"one\" from \"t\" where \"id\" = ?), \" from \", ' where '",
            " from \"a_table\"",
            " where \"x\" = ?"),
        SqlLayout.pieces(select));
  }

  @Test
  void aLongListWrapsAfterCommasIntoEvenLinesThatFit() {
    List<String> columns = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      columns.add("\"column_" + i + "\"");
    }
    String select = "select " + String.join(", ", columns) + " from \"t\"";
    List<String> pieces = SqlLayout.pieces(select);
    assertEquals(select, String.join("", pieces));
    assertEquals(" from \"t\"", pieces.get(pieces.size() - 1));
    List<String> list = pieces.subList(0, pieces.size() - 1);
    int shortest = Integer.MAX_VALUE;
    int longest = 0;
    for (String line : list) {
      assertTrue(SqlLayout.sourceLength(line) <= SqlLayout.WIDTH, line);
      assertTrue(line.endsWith(", ") || line == list.get(list.size() - 1), line);
      shortest = Math.min(shortest, SqlLayout.sourceLength(line));
      longest = Math.max(longest, SqlLayout.sourceLength(line));
    }
    assertTrue(longest - shortest < 20, "uneven lines " + list);
  }
}
