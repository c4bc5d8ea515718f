package dev.dataflow.runtime.schema;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.sql.DatabaseErrors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the tables of models that have none yet, from the DDL the processor wrote, in foreign-key order and in
 * one transaction: either every missing table is created or none is. Existing tables are checked, never altered.
 * Several processes starting at once serialise on an advisory lock, so each table is created once.
 */
public final class TableCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TableCreator.class);
  /** Arbitrary constant: the advisory lock DataFlow instances take while creating tables. */
  private static final long LOCK_KEY = 0x0DA7AF10L;

  private final DataSource dataSource;

  public TableCreator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Creates what is missing.
   *
   * @return the tables created (empty when all existed)
   * @throws DataFlowException when a statement fails (nothing is kept) or an existing table lacks a model's columns
   */
  public List<String> createMissing(List<ModelDescriptor> models) {
    List<ModelDescriptor> ordered = foreignKeyOrder(models);
    List<String> created = new ArrayList<>();
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (Statement s = connection.createStatement()) {
          s.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
        }
        List<String> problems = new ArrayList<>();
        for (ModelDescriptor model : ordered) {
          Set<String> existing = existingColumns(connection, model.table());
          if (existing.isEmpty()) {
            for (String ddl : model.ddl()) {
              try (Statement s = connection.createStatement()) {
                s.execute(ddl);
              } catch (SQLException e) {
                throw DatabaseErrors.translate(e, "creating table " + model.table() + " of model "
                    + model.modelClassName());
              }
            }
            created.add(model.table());
          } else {
            List<String> missing = new ArrayList<>();
            for (ColumnDescriptor column : model.columns()) {
              if (!existing.contains(column.name())) {
                missing.add(column.name());
              }
            }
            if (!missing.isEmpty()) {
              problems.add("table " + model.table() + " exists but lacks column(s) " + missing + " of model "
                  + model.modelClassName());
            }
          }
        }
        if (!problems.isEmpty()) {
          throw new DataFlowException("The database does not match the models: " + String.join("; ", problems)
              + ". DataFlow creates missing tables but never alters existing ones at start; add the columns with a "
              + "migration (ALTER TABLE ... ADD COLUMN ...), or drop the table in a development database.");
        }
        connection.commit();
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw DatabaseErrors.translate(e, "creating tables");
    }
    for (String table : created) {
      LOG.info("Created table {}", table);
    }
    return created;
  }

  private static Set<String> existingColumns(Connection connection, String table) throws SQLException {
    Set<String> columns = new HashSet<>();
    try (PreparedStatement ps = connection.prepareStatement(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
    }
    return columns;
  }

  /** Models ordered so that every table comes after the tables it references (by name among equals). */
  public static List<ModelDescriptor> foreignKeyOrder(List<ModelDescriptor> models) {
    Map<String, ModelDescriptor> byTable = new LinkedHashMap<>();
    models.stream().sorted(Comparator.comparing(ModelDescriptor::table)).forEach(m -> byTable.put(m.table(), m));
    List<ModelDescriptor> ordered = new ArrayList<>();
    Set<String> done = new LinkedHashSet<>();
    Set<String> visiting = new HashSet<>();
    for (String table : byTable.keySet()) {
      visit(table, byTable, done, visiting, ordered);
    }
    return ordered;
  }

  private static void visit(String table, Map<String, ModelDescriptor> byTable, Set<String> done,
      Set<String> visiting, List<ModelDescriptor> ordered) {
    if (done.contains(table) || !byTable.containsKey(table)) {
      return;
    }
    if (!visiting.add(table)) {
      throw new DataFlowException("Foreign keys form a cycle through table " + table
          + "; make one of the references nullable and add it in a later migration");
    }
    for (String referenced : byTable.get(table).referencedTables()) {
      visit(referenced, byTable, done, visiting, ordered);
    }
    visiting.remove(table);
    done.add(table);
    ordered.add(byTable.get(table));
  }
}
