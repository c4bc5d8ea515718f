package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node's parameters as they may be logged: every value of a {@code @Pii} column replaced by {@value #PII}, wherever
 * it sits (a column parameter, {@code id}, {@code fields}, each of {@code records}, and {@code filters} down through
 * {@code $and}, {@code $or}, {@code $not} and operator maps).
 *
 * <pre>{@code
 * {user_id=<pii>, started_at=2024-05-01T10:00:00Z}
 * {filters={$or=[{user_id=<pii>}, {outlet_id={$in=[1, 2]}}]}}
 * }</pre>
 *
 * <p>Only model nodes know which of their values are personal data; other nodes log {@code Node.NOT_LOGGED} for
 * every value ({@link dev.dataflow.runtime.node.Node#loggableParameters}).
 */
public final class PiiRedaction {
  /** What a {@code @Pii} column's value is replaced by. */
  public static final String PII = "<pii>";

  private PiiRedaction() {}

  /** A copy of a model node's {@code params} safe to log; the input is left as it is. */
  public static Map<String, Object> redact(ModelDescriptor model, Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : params.entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      out.put(name, switch (name) {
        case CrudNode.FILTERS -> filter(model, value);
        case CrudNode.FIELDS -> row(model, value);
        case CrudNode.RECORDS -> records(model, value);
        case CrudNode.ID -> model.keyColumn().pii() ? PII : value;
        default -> column(model, name, value);
      });
    }
    return out;
  }

  private static Object records(ModelDescriptor model, Object value) {
    if (!(value instanceof List<?> records)) {
      return value;
    }
    List<Object> out = new ArrayList<>(records.size());
    for (Object record : records) {
      out.add(row(model, record));
    }
    return out;
  }

  /** A map of column names to values or update operators. */
  private static Object row(ModelDescriptor model, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put(e.getKey(), column(model, String.valueOf(e.getKey()), e.getValue()));
    }
    return out;
  }

  /** A filter map: a column's whole condition is replaced, logical operators are followed. */
  private static Object filter(ModelDescriptor model, Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      return value;
    }
    Map<Object, Object> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      String key = String.valueOf(e.getKey());
      Object condition = e.getValue();
      switch (key) {
        case "$and", "$or" -> {
          if (condition instanceof List<?> parts) {
            List<Object> redacted = new ArrayList<>(parts.size());
            for (Object part : parts) {
              redacted.add(filter(model, part));
            }
            out.put(e.getKey(), redacted);
          } else {
            out.put(e.getKey(), filter(model, condition));
          }
        }
        case "$not" -> out.put(e.getKey(), filter(model, condition));
        default -> out.put(e.getKey(), column(model, key, condition));
      }
    }
    return out;
  }

  private static Object column(ModelDescriptor model, String name, Object value) {
    ColumnDescriptor column = model.column(name);
    return column != null && column.pii() ? PII : value;
  }
}
