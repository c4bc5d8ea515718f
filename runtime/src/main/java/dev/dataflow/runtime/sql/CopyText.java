package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.impl.DSL;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN}, the fastest way to insert many rows: one line
 * per row, columns separated by tabs, {@code \N} for NULL, and backslash, tab, newline and carriage return escaped in
 * values, so that any text (hostile or not) arrives exactly as given.
 *
 * <pre>{@code
 * copy "conversation_messages" ("id", "session_id", "role", "content") from stdin
 * 41	7f1c...	user	Hi,\twe need\n400 boxes
 * }</pre>
 */
public final class CopyText {
  static {
    Jooq.quiet();
  }

  private CopyText() {}

  /**
   * {@code copy "table" ("a", "b") from stdin}: the table's other columns get their defaults ({@code created_at},
   * {@code updated_at}, identity keys not listed).
   *
   * @throws IllegalArgumentException for an unknown or repeated column
   */
  public static String copyIn(ModelDescriptor model, List<String> columns) {
    List<org.jooq.Name> names = new ArrayList<>(columns.size());
    for (String column : columns) {
      if (model.column(column) == null) {
        throw new IllegalArgumentException("unknown column '" + column + "' of " + model.table());
      }
      names.add(DSL.name(column));
    }
    if (names.stream().distinct().count() != names.size()) {
      throw new IllegalArgumentException("repeated column in " + columns);
    }
    StringBuilder sql = new StringBuilder("copy ").append(Jooq.RENDER.render(DSL.name(model.table()))).append(" (");
    for (int i = 0; i < names.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(Jooq.RENDER.render(names.get(i)));
    }
    return sql.append(") from stdin").toString();
  }

  /**
   * {@code create temp table "source" on commit drop as select 0::bigint as "ordinal", "id", "a", ... from "table"
   * with no data}: an empty temporary table with the model's key and every writable column, typed exactly as the
   * table's (length, precision, enum type), and a leading row ordinal. It never outlives the transaction, so it
   * works behind a transaction pooler; a caller that runs twice in one transaction drops it when done.
   */
  public static String createUpsertSource(ModelDescriptor model, String source, String ordinal) {
    StringBuilder sql = new StringBuilder("create temp table ").append(Jooq.RENDER.render(DSL.name(source)))
        .append(" on commit drop as select 0::bigint as ").append(Jooq.RENDER.render(DSL.name(ordinal)));
    for (ColumnDescriptor column : model.columns()) {
      if (column.writable() || column.primaryKey()) {
        sql.append(", ").append(Jooq.RENDER.render(DSL.name(column.name())));
      }
    }
    return sql.append(" from ").append(Jooq.RENDER.render(DSL.name(model.table()))).append(" with no data")
        .toString();
  }

  /** {@code copy "source" ("ordinal", "a", "b") from stdin}, into the table of {@link #createUpsertSource}. */
  public static String copyIntoSource(ModelDescriptor model, String source, String ordinal, List<String> columns) {
    String copy = copyIn(model, columns); // checks the columns
    String prefix = "copy " + Jooq.RENDER.render(DSL.name(model.table())) + " (";
    return "copy " + Jooq.RENDER.render(DSL.name(source)) + " (" + Jooq.RENDER.render(DSL.name(ordinal))
        + (columns.isEmpty() ? "" : ", ") + copy.substring(prefix.length());
  }

  /**
   * {@code select nextval(s.seq) from (select pg_get_serial_sequence(?, ?)::regclass ...) s, generate_series(1, ?)}:
   * the next keys of an identity
   * column, drawn before a COPY that then gives them explicitly, so that the caller knows each row's key in order.
   * Binds: the quoted table name, the key column's name, how many.
   */
  public static String nextKeys() {
    // The sequence is looked up once (offset 0 keeps the subquery from being pulled up and evaluated per row).
    return "select nextval(s.seq) from (select pg_get_serial_sequence(?, ?)::regclass as seq offset 0) s,"
        + " generate_series(1, ?)";
  }

  /** The table as {@link #nextKeys()}'s first bind: its quoted name. */
  public static String quotedTable(ModelDescriptor model) {
    return Jooq.RENDER.render(DSL.name(model.table()));
  }

  /**
   * Appends one row: {@code columns}' values of {@code row} (a missing or null value is NULL), tab-separated, and a
   * newline. Values are the columns' Java values as the node layer converted them.
   */
  public static void appendRow(StringBuilder out, List<ColumnDescriptor> columns, Map<String, Object> row) {
    for (int i = 0; i < columns.size(); i++) {
      if (i > 0) {
        out.append('\t');
      }
      ColumnDescriptor column = columns.get(i);
      appendValue(out, column, row.get(column.name()));
    }
    out.append('\n');
  }

  /** Appends one value, escaped for COPY's text format; null is {@code \N}. */
  public static void appendValue(StringBuilder out, ColumnDescriptor column, Object value) {
    if (value == null) {
      out.append("\\N");
      return;
    }
    String text = JdbcValues.text(column, value);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        default -> out.append(c);
      }
    }
  }
}
