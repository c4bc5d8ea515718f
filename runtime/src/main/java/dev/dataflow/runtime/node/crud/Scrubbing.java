package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.scrub.PiiScrubber;
import java.util.List;
import java.util.Map;

/**
 * The scrubbing step of every write, applied to the values {@link RowValues} converted, before anything is bound: the
 * text of each {@code @Pii(scrub = true)} column is replaced by {@link PiiScrubber#scrub}, in place, so the original
 * never leaves the node layer (it is not in the map the SQL layer binds, nor in any exception it raises).
 *
 * <p>The {@code @PiiScrubbed} flag says that every scrubbed column of the stored row holds scrubbed text:
 *
 * <ul>
 *   <li>a row inserted (Create, BulkCreate, and the insert of an upsert) gets it true: the scrubber ran over every
 *       scrubbed column it gives, and one it leaves out or sets to NULL holds no text;
 *   <li>an update (by id, by filters, BulkUpdate, and the update of an upsert) sets it true when it writes every
 *       scrubbed column of the model; one that writes only some of them, or none, leaves it as it was, since the
 *       others may hold text stored before scrubbing on write (by an older version or by SQL outside DataFlow).
 * </ul>
 *
 * <p>With one scrubbed column, as {@code ConversationMessage.content}, an update sets the flag exactly when it
 * writes that column.
 */
final class Scrubbing {
  private Scrubbing() {}

  /** Scrubs a converted row to insert, and sets the model's flag, if it has one, to true. */
  static void beforeInsert(ModelDescriptor model, Map<String, Object> row, PiiScrubber scrubber) {
    scrubText(model, row, scrubber);
    ColumnDescriptor flag = model.piiScrubbedFlagColumn();
    if (flag != null) {
      row.put(flag.name(), Boolean.TRUE);
    }
  }

  /**
   * Scrubs converted update values ({@code fields}, one of BulkUpdate's {@code records}), and sets the flag to true
   * when they write every scrubbed column.
   */
  static void beforeUpdate(ModelDescriptor model, Map<String, Object> fields, PiiScrubber scrubber) {
    scrubText(model, fields, scrubber);
    ColumnDescriptor flag = model.piiScrubbedFlagColumn();
    if (flag != null && writesEveryScrubbedColumn(model, fields)) {
      fields.put(flag.name(), Boolean.TRUE);
    }
  }

  /**
   * The inserted columns an upsert's {@code do update} must leave alone: the flag, when the row does not give every
   * scrubbed column (the existing row's others may be unscrubbed); else none.
   */
  static List<String> keptOnUpsertUpdate(ModelDescriptor model, Map<String, Object> row) {
    ColumnDescriptor flag = model.piiScrubbedFlagColumn();
    return flag == null || writesEveryScrubbedColumn(model, row) ? List.of() : List.of(flag.name());
  }

  private static void scrubText(ModelDescriptor model, Map<String, Object> values, PiiScrubber scrubber) {
    for (Map.Entry<String, Object> e : values.entrySet()) {
      // $set values are already unwrapped by RowValues; $inc never applies to text.
      if (e.getValue() instanceof String text && model.column(e.getKey()).scrub()) {
        e.setValue(scrubber.scrub(text));
      }
    }
  }

  private static boolean writesEveryScrubbedColumn(ModelDescriptor model, Map<String, Object> values) {
    for (ColumnDescriptor column : model.columns()) {
      if (column.scrub() && !values.containsKey(column.name())) {
        return false;
      }
    }
    return true;
  }
}
