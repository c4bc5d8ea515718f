package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.jooq.impl.DSL;

/**
 * One {@code UPDATE} for many rows by key, each with its own values: the values arrive as one array per column and
 * are joined to the table by key, so a batch of records costs one statement instead of one per row.
 *
 * <pre>{@code
 * update "users" set "name" = "dataflow_v"."name", "updated_at" = now(), "version" = "users"."version" + 1
 *   from unnest(cast(? as int8[]), cast(? as int8[]), cast(? as text[]))
 *     as "dataflow_v"("id", "version", "name")
 *   where "users"."id" = "dataflow_v"."id" and "users"."version" = "dataflow_v"."version"
 *   returning "users"."id"
 * }</pre>
 *
 * <p>Binds, in order: the keys, the versions read (on a model with {@code @Version}), then each column's values, each
 * as an array ({@link JdbcValues#bindArray}). The rows it returns are the keys it updated: a key it does not return
 * names a row that is missing or, on a versioned model, has moved on. The keys must not repeat (one row would be
 * updated once, with either record's values).
 */
public final class BulkUpdateSql {
  static {
    Jooq.quiet();
  }

  /** The alias of the joined values. */
  private static final String VALUES = "dataflow_v";

  private BulkUpdateSql() {}

  /**
   * The statement for records that set {@code columns} (plain values, no {@code $inc}).
   *
   * @throws IllegalArgumentException for no columns, an unknown column, the key, or the version column
   */
  public static String byKeys(ModelDescriptor model, List<String> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("an update needs at least one column");
    }
    ColumnDescriptor key = model.keyColumn();
    ColumnDescriptor version = model.versionColumn();
    List<ColumnDescriptor> joined = new ArrayList<>();
    joined.add(key);
    if (version != null) {
      joined.add(version);
    }
    for (String name : columns) {
      ColumnDescriptor column = model.column(name);
      if (column == null || column == key || column == version) {
        throw new IllegalArgumentException("'" + name + "' is not a column a bulk update of " + model.table()
            + " sets");
      }
      joined.add(column);
    }
    String table = name(model.table());
    String values = name(VALUES);
    StringBuilder sql = new StringBuilder("update ").append(table).append(" set ");
    for (int i = 0; i < columns.size(); i++) {
      String name = columns.get(i);
      sql.append(i == 0 ? "" : ", ").append(name(name)).append(" = ").append(values).append('.').append(name(name));
    }
    if (model.column("updated_at") != null && !columns.contains("updated_at")) {
      sql.append(", ").append(name("updated_at")).append(" = now()");
    }
    if (version != null) {
      sql.append(", ").append(name(version.name())).append(" = ").append(table).append('.')
          .append(name(version.name())).append(" + 1");
    }
    sql.append(" from unnest(");
    for (int i = 0; i < joined.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append("cast(? as ").append(JdbcValues.arrayElementType(joined.get(i)))
          .append("[])");
    }
    sql.append(") as ").append(values).append('(');
    for (int i = 0; i < joined.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(name(joined.get(i).name()));
    }
    sql.append(") where ").append(table).append('.').append(name(key.name())).append(" = ").append(values)
        .append('.').append(name(key.name()));
    if (version != null) {
      sql.append(" and ").append(table).append('.').append(name(version.name())).append(" = ").append(values)
          .append('.').append(name(version.name()));
    }
    return sql.append(" returning ").append(table).append('.').append(name(key.name())).toString();
  }

  private static String name(String name) {
    return Jooq.RENDER.render(DSL.name(name));
  }
}
