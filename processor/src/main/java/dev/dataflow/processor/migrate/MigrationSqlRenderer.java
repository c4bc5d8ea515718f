package dev.dataflow.processor.migrate;

import dev.dataflow.processor.ddl.DdlParts;
import dev.dataflow.processor.ddl.PartitionDdl;
import dev.dataflow.processor.ddl.PostgresDsl;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Constraint;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Renders {@link MigrationStep}s as PostgreSQL DDL with jOOQ. Identifiers come from the snapshot and are quoted by
 * jOOQ; the only raw SQL is a column's default expression, which the model's author wrote. {@code CREATE TABLE} is
 * rendered over several lines (one column a line) for review; every other statement fits on one line.
 */
public final class MigrationSqlRenderer {
  private final DSLContext dsl = PostgresDsl.oneLine();
  private final DSLContext formatted = PostgresDsl.formatted();

  /** The statement of {@code step}, without the closing {@code ;}. */
  public String render(MigrationStep step) {
    if (step instanceof MigrationStep.RenameTable s) {
      return dsl.alterTable(table(s.from())).renameTo(DSL.name(s.to())).getSQL();
    } else if (step instanceof MigrationStep.RenameColumn s) {
      return dsl.alterTable(table(s.table())).renameColumn(DSL.name(s.from())).to(DSL.name(s.to())).getSQL();
    } else if (step instanceof MigrationStep.RenameConstraint s) {
      return dsl.alterTable(table(s.table())).renameConstraint(DSL.name(s.from())).to(DSL.name(s.to())).getSQL();
    } else if (step instanceof MigrationStep.RenameIndex s) {
      return dsl.alterIndex(DSL.name(s.from())).renameTo(DSL.name(s.to())).getSQL();
    } else if (step instanceof MigrationStep.DropConstraint s) {
      return dsl.alterTable(table(s.table())).dropConstraint(DSL.name(s.name())).getSQL();
    } else if (step instanceof MigrationStep.DropIndex s) {
      return dsl.dropIndex(DSL.name(s.name())).getSQL();
    } else if (step instanceof MigrationStep.DropColumn s) {
      return dsl.alterTable(table(s.table())).dropColumn(DSL.name(s.column())).getSQL();
    } else if (step instanceof MigrationStep.DropTable s) {
      return dsl.dropTable(table(s.table())).getSQL();
    } else if (step instanceof MigrationStep.CreateTable s) {
      return createTable(s);
    } else if (step instanceof MigrationStep.CreateIndex s) {
      return DdlParts.index(dsl, table(s.table()), s.index(), false).getSQL();
    } else if (step instanceof MigrationStep.AddColumn s) {
      ColumnSnapshot c = s.column();
      return dsl.alterTable(table(s.table()))
          .addColumn(DSL.field(DSL.name(c.name())), DdlParts.dataType(c.type(), c.nullable(), c.identity(), c.defaultValue()))
          .getSQL();
    } else if (step instanceof MigrationStep.AlterColumnType s) {
      return dsl.alterTable(table(s.table()))
          .alterColumn(DSL.name(s.column()))
          .set(DdlParts.dataType(s.type(), true, false, null))
          .getSQL();
    } else if (step instanceof MigrationStep.DropNotNull s) {
      return dsl.alterTable(table(s.table())).alterColumn(DSL.name(s.column())).dropNotNull().getSQL();
    } else if (step instanceof MigrationStep.SetDefault s) {
      return dsl.alterTable(table(s.table()))
          .alterColumn(DSL.name(s.column()))
          .setDefault(DdlParts.rawExpression(s.defaultValue()))
          .getSQL();
    } else if (step instanceof MigrationStep.DropDefault s) {
      return dsl.alterTable(table(s.table())).alterColumn(DSL.name(s.column())).dropDefault().getSQL();
    } else if (step instanceof MigrationStep.AddUnique s) {
      return dsl.alterTable(table(s.table())).add(DdlParts.unique(s.unique())).getSQL();
    } else if (step instanceof MigrationStep.AddCheck s) {
      return dsl.alterTable(table(s.table())).add(DdlParts.check(s.check())).getSQL();
    } else if (step instanceof MigrationStep.AddForeignKey s) {
      return dsl.alterTable(table(s.table())).add(DdlParts.foreignKey(s.foreignKey())).getSQL();
    } else if (step instanceof MigrationStep.CreatePartitions s) {
      return PartitionDdl.createPartitions(s.table(), s.partitioning(), s.sqlType(), s.rowsOf());
    } else if (step instanceof MigrationStep.CreateDefaultPartition s) {
      return PartitionDdl.createDefaultPartition(s.table(), false);
    } else if (step instanceof MigrationStep.RenameIdentitySequence s) {
      return "DO $$ BEGIN EXECUTE format('ALTER SEQUENCE %s RENAME TO %I', pg_get_serial_sequence("
          + literal(dsl.render(table(s.table()))) + ", " + literal(s.column()) + "), "
          + literal(s.table() + "_" + s.column() + "_seq") + "); END $$";
    } else if (step instanceof MigrationStep.CopyRows s) {
      List<Field<?>> columns = DdlParts.fields(s.columns());
      return dsl.insertInto(table(s.to())).columns(columns).select(dsl.select(columns).from(table(s.from())))
          .getSQL();
    } else if (step instanceof MigrationStep.ContinueIdentity s) {
      String from = literal(dsl.render(table(s.from())));
      String column = literal(s.column());
      return "select setval(pg_get_serial_sequence(" + literal(dsl.render(table(s.table()))) + ", " + column
          + "), greatest(last_id, 1), last_id > 0) from (select greatest(coalesce(pg_sequence_last_value("
          + "pg_get_serial_sequence(" + from + ", " + column + ")::regclass), 0), (select coalesce(max("
          + dsl.render(DSL.name(s.column())) + "), 0) from " + dsl.render(table(s.from())) + ")) as last_id) as"
          + " old_sequence";
    }
    throw new IllegalArgumentException("unknown migration step " + step);
  }

  private String createTable(MigrationStep.CreateTable step) {
    TableSnapshot table = step.table();
    List<Field<?>> columns = new ArrayList<>();
    for (ColumnSnapshot c : table.columns()) {
      columns.add(
          DSL.field(DSL.name(c.name()), DdlParts.dataType(c.type(), c.nullable(), c.identity(), c.defaultValue())));
    }
    List<Constraint> constraints =
        DdlParts.tableConstraints(
            table.primaryKey().name(),
            table.primaryKey().columns(),
            table.uniqueConstraints(),
            table.checkConstraints(),
            step.foreignKeys());
    if (table.partitioning() != null) {
      return formatted.createTable(table(table.name())).columns(columns).constraints(constraints)
          .storage(PartitionDdl.partitionByClause(table.partitioning())).getSQL();
    }
    return formatted.createTable(table(table.name())).columns(columns).constraints(constraints).getSQL();
  }

  /** {@code text} as an SQL string literal. */
  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static Table<?> table(String name) {
    return DSL.table(DSL.name(name));
  }
}
