package dev.dataflow.runtime.migrate;

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
 * Checks each model's table against the database, under an advisory lock and in one transaction, in foreign-key
 * order: an existing table must have every column of its model (it is never altered); a missing table is either
 * created from the DDL the processor wrote or reported, as the {@link MissingTablePolicy} decides. Either every
 * table the policy allows is created or none is. Several processes starting at once serialise on the lock, so each
 * table is created once.
 *
 * <p>A {@code @Partitioned} model's DDL creates its table partitioned by range, the partitions of the current and the
 * next interval (a {@code DO} block that computes them when it runs) and the default partition, so this creates them
 * too; later partitions are the retention sweep's ({@link dev.dataflow.runtime.lifecycle.PartitionMaintenance}).
 *
 * <p>In production tables come from migrations ({@link dev.dataflow.runtime.migrate.SchemaMigrator}); creating them
 * here is the development shortcut {@code DataFlow.builder().createMissingTables(true)}, hence the warning.
 */
public final class TableCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TableCreator.class);
  /** Arbitrary constant: the advisory lock DataFlow instances take while checking and creating tables. */
  private static final long LOCK_KEY = 0x0DA7AF10L;

  /** What to do about a model whose table does not exist. */
  @FunctionalInterface
  public interface MissingTablePolicy {
    /**
     * @return null to create the table from the model's DDL, else why it is a problem and how to fix it (one
     *     sentence naming the model, for the start failure)
     */
    String refuse(ModelDescriptor model);
  }

  private final DataSource dataSource;

  public TableCreator(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Checks every model's table and creates the missing ones the policy allows.
   *
   * @return the tables created (empty when none was)
   * @throws DataFlowException when the policy refuses a missing table, an existing table lacks a model's columns,
   *     or a statement fails; nothing is created then
   */
  public List<String> createMissing(List<ModelDescriptor> models, MissingTablePolicy policy) {
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
            String refusal = policy.refuse(model);
            if (refusal != null) {
              problems.add(refusal);
              continue;
            }
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
              problems.add("table " + model.table() + " lacks column(s) " + String.join(", ", missing) + " of model "
                  + model.modelClassName() + ": DataFlow never alters an existing table at start; generate the "
                  + "migration that adds them (" + GenerateCommand.forModel(model) + ") and start again");
            }
          }
        }
        if (!problems.isEmpty()) {
          throw new DataFlowException("The database does not match the models (nothing was created):\n - "
              + String.join("\n - ", problems));
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
      LOG.warn("Created table {} from the model's DDL; not for production: generate a migration", table);
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
