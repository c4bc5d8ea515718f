package dev.dataflow.models.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ForeignKeyDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.NodeRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The distributed plan of docs/scaling.md, checked against the models' real DDL with the rules a distributed
 * PostgreSQL (Citus) applies, without Citus: each table is either distributed by a column or a reference table
 * (copied to every node), and then
 *
 * <ol>
 *   <li>a distributed table's primary key and every unique constraint include its distribution column;
 *   <li>its distribution column is NOT NULL;
 *   <li>a foreign key between two distributed tables joins their distribution columns (they are co-located);
 *   <li>a reference table holds no foreign key to a distributed table.
 * </ol>
 *
 * <p>What breaks a rule is what the generator would have to emit differently for Citus; the test pins that list, so
 * the plan in the docs cannot drift from the models.
 */
class DistributionPlanTest {
  /** The plan: table → its distribution column, or null for a reference table. */
  private static final Map<String, String> PLAN = new LinkedHashMap<>();

  static {
    PLAN.put("outlets", null);
    PLAN.put("products", null);
    PLAN.put("customers", null);
    PLAN.put("conversation_sessions", "session_id");
    PLAN.put("conversation_messages", "session_id");
    PLAN.put("user_interaction_summaries", "user_id");
    PLAN.put("orders", "id");
    PLAN.put("order_items", "order_id");
  }

  private static final Pattern KEY = Pattern.compile(
      "constraint \"(\\w+)\" (?:primary key|unique) \\(([^)]*)\\)");

  @Test
  void thePlanAgainstTheModelsNeedsExactlyTheseChangesForCitus() {
    Map<String, ModelDescriptor> models = new LinkedHashMap<>();
    for (ModelDescriptor m : NodeRegistry.classpath().models()) {
      if (m.modelClassName().startsWith("dev.dataflow.models.") && !m.modelClassName().contains(".testing.")) {
        models.put(m.table(), m);
      }
    }
    assertEquals(PLAN.keySet(), models.keySet(), "the plan covers every model of models/");
    List<String> findings = new ArrayList<>();
    for (Map.Entry<String, String> entry : PLAN.entrySet()) {
      ModelDescriptor model = models.get(entry.getKey());
      String column = entry.getValue();
      if (column != null) {
        ColumnDescriptor distribution = model.column(column);
        if (distribution.nullable()) {
          findings.add(model.table() + ": distribution column " + column + " is nullable");
        }
        for (String ddl : model.ddl()) {
          Matcher m = KEY.matcher(ddl);
          while (m.find()) {
            List<String> columns = List.of(m.group(2).replace("\"", "").split(",\\s*"));
            if (!columns.contains(column)) {
              findings.add(model.table() + ": " + m.group(1) + " (" + String.join(", ", columns)
                  + ") lacks the distribution column " + column);
            }
          }
        }
      }
      for (ForeignKeyDescriptor fk : model.foreignKeys()) {
        String referenced = PLAN.get(fk.referencedTable());
        boolean referencedIsReference = referenced == null;
        if (column == null && !referencedIsReference) {
          findings.add(model.table() + "." + fk.column() + " -> " + fk.referencedTable() + ": a reference table"
              + " cannot reference a distributed one");
        } else if (column != null && !referencedIsReference
            && !(fk.column().equals(column) && fk.referencedColumn().equals(referenced))) {
          findings.add(model.table() + "." + fk.column() + " -> " + fk.referencedTable() + "." + fk.referencedColumn()
              + ": not co-located (distributed by " + column + " and " + referenced + ")");
        }
      }
    }
    assertEquals(List.of(
        "conversation_sessions: pk_conversation_sessions (id) lacks the distribution column session_id",
        "conversation_messages: pk_conversation_messages (id, timestamp) lacks the distribution column session_id",
        "user_interaction_summaries: pk_user_interaction_summaries (id) lacks the distribution column user_id",
        "orders: uq_orders_order_number (order_number) lacks the distribution column id",
        "orders.session_id -> conversation_sessions.session_id: not co-located (distributed by id and session_id)",
        "order_items: pk_order_items (id) lacks the distribution column order_id"), findings);
  }
}
