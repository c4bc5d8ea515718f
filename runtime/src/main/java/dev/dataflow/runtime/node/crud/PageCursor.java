package dev.dataflow.runtime.node.crud;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamValues;
import dev.dataflow.runtime.sql.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The opaque {@code next_cursor} of a List page, and what it says: the model, the sort keys, a hash of the filters and
 * the sort-key values of the page's last row.
 *
 * <p>Text form: {@code base64url(json) "." base64url(checksum)}, where the JSON is {@code {"v": 1, "model": ...,
 * "order": [...], "filters": <SHA-256 of the canonical filter JSON>, "after": [...]}} and the checksum is the first
 * 16 bytes of SHA-256 over the JSON. The checksum finds a damaged or edited cursor; it is no signature (nodes have no
 * secret key), so a caller can forge one. That gains nothing the filters do not allow: the filters are applied again
 * on every page, and a forged cursor only moves where the page starts.
 *
 * @param model the model's name
 * @param order the sort keys ({@code KeysetSql.pageOrder}): {@code order_by} and the key
 * @param filters the hash of the filters the page was listed with ({@link #filterHash})
 * @param after the last row's values of {@code order}, in their text form ({@link #text}); null for SQL NULL
 */
record PageCursor(String model, List<String> order, String filters, List<String> after) {
  static final int VERSION = 1;
  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  /** Sorted keys, so that one filter map always hashes the same, whatever order its entries were put in. */
  private static final ObjectMapper CANONICAL = Json.mapper().copy()
      .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
      .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
  private static final String DAMAGED = "this cursor is damaged or was changed; pass next_cursor exactly as a List"
      + " output gave it, or leave cursor out to start from the first page";

  PageCursor {
    order = List.copyOf(order);
    after = java.util.Collections.unmodifiableList(new ArrayList<>(after));
  }

  /** The cursor of a page whose last row is {@code row}. */
  static PageCursor after(ModelDescriptor model, List<String> order, Object filters, Map<String, Object> row) {
    return after(model, order, filterHash(filters), row);
  }

  /** The cursor of a page whose last row is {@code row}, listed with filters of hash {@code filterHash}. */
  static PageCursor after(ModelDescriptor model, List<String> order, String filterHash, Map<String, Object> row) {
    List<String> values = new ArrayList<>(order.size());
    for (String item : order) {
      ColumnDescriptor column = sortColumn(model, item);
      values.add(text(column, row.get(column.name())));
    }
    return new PageCursor(model.modelName(), order, filterHash, values);
  }

  /**
   * The text of the cursor of a page whose last row is {@code row}, written when the supplier is called (and the filters'
   * hash asked for then: {@link FilterHashes#later}). The row's sort keys are taken now: as they are when they cannot change (text, numbers, times, UUIDs, enums), already as text
   * when they may (bytes, JSON), so a caller that changes the row map or its values afterwards changes nothing here.
   */
  static Supplier<String> encodeLater(ModelDescriptor model, List<String> order, Supplier<String> filterHash,
      Map<String, Object> row) {
    ColumnDescriptor[] columns = new ColumnDescriptor[order.size()];
    Object[] values = new Object[order.size()];
    for (int i = 0; i < columns.length; i++) {
      String item = order.get(i);
      columns[i] = sortColumn(model, item);
      Object value = row.get(columns[i].name());
      values[i] = writtenNow(columns[i]) ? text(columns[i], value) : value;
    }
    return () -> {
      List<String> after = new ArrayList<>(columns.length);
      for (int i = 0; i < columns.length; i++) {
        after.add(writtenNow(columns[i]) ? (String) values[i] : text(columns[i], values[i]));
      }
      return new PageCursor(model.modelName(), order, filterHash.get(), after).encode();
    };
  }

  private static boolean writtenNow(ColumnDescriptor column) {
    return column.javaType() == JavaType.BYTES || column.javaType() == JavaType.JSON;
  }

  /** The column of a sort key ({@code "name"} or {@code "-name"}), or null when the model has none of that name. */
  static ColumnDescriptor sortColumn(ModelDescriptor model, String item) {
    return model.column(item.startsWith("-") ? item.substring(1) : item);
  }

  /** The text form. */
  String encode() {
    // One page of every List writes one: built directly, each text quoted by Jackson's string encoder.
    StringBuilder json = new StringBuilder(128);
    json.append("{\"v\":").append(VERSION).append(",\"model\":");
    quote(json, model);
    json.append(",\"order\":");
    strings(json, order);
    json.append(",\"filters\":");
    quote(json, filters);
    json.append(",\"after\":");
    strings(json, after);
    json.append('}');
    byte[] content = json.toString().getBytes(StandardCharsets.UTF_8);
    return ENCODER.encodeToString(content) + "." + ENCODER.encodeToString(checksum(content));
  }

  private static void strings(StringBuilder json, List<String> values) {
    json.append('[');
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        json.append(',');
      }
      quote(json, values.get(i));
    }
    json.append(']');
  }

  /** A JSON string, or null. */
  private static void quote(StringBuilder json, String value) {
    if (value == null) {
      json.append("null");
      return;
    }
    json.append('"');
    JsonStringEncoder.getInstance().quoteAsString(value, json);
    json.append('"');
  }

  /** The cursor {@code text} holds; refused when it is no cursor, damaged or changed. */
  static PageCursor decode(Object text, String parameter) {
    if (!(text instanceof String s)) {
      throw new InvalidParameterException(parameter, "expected the next_cursor string of a List output, got "
          + ParamValues.typeOf(text));
    }
    int dot = s.indexOf('.');
    byte[] content;
    byte[] checksum;
    try {
      content = DECODER.decode(dot < 0 ? s : s.substring(0, dot));
      checksum = DECODER.decode(dot < 0 ? "" : s.substring(dot + 1));
    } catch (IllegalArgumentException notBase64) {
      throw new InvalidParameterException(parameter, DAMAGED);
    }
    if (dot < 0 || !MessageDigest.isEqual(checksum, checksum(content))) {
      throw new InvalidParameterException(parameter, DAMAGED);
    }
    Object json;
    try {
      json = Json.read(new String(content, StandardCharsets.UTF_8));
    } catch (RuntimeException notJson) {
      throw new InvalidParameterException(parameter, DAMAGED);
    }
    if (!(json instanceof Map<?, ?> map) || !Integer.valueOf(VERSION).equals(map.get("v"))
        || !(map.get("model") instanceof String model) || !(map.get("filters") instanceof String filters)
        || !(map.get("order") instanceof List<?> order) || !(map.get("after") instanceof List<?> after)
        || order.size() != after.size() || !order.stream().allMatch(String.class::isInstance)
        || !after.stream().allMatch(v -> v == null || v instanceof String)) {
      throw new InvalidParameterException(parameter, "this cursor is not one this version of DataFlow made; start"
          + " again from the first page");
    }
    @SuppressWarnings("unchecked")
    List<String> orderNames = (List<String>) order;
    @SuppressWarnings("unchecked")
    List<String> values = (List<String>) after;
    return new PageCursor(model, orderNames, filters, values);
  }

  /** SHA-256 (hex) of the filter map's canonical JSON: sorted keys, dates as ISO-8601 text. */
  static String filterHash(Object filters) {
    try {
      byte[] canonical = CANONICAL.writeValueAsBytes(filters == null ? Map.of() : filters);
      return HexFormat.of().formatHex(sha256(canonical));
    } catch (JsonProcessingException e) {
      throw new InvalidParameterException(CrudNode.FILTERS, "the filters cannot be written as JSON, so a cursor"
          + " cannot tell them apart from others");
    }
  }

  /**
   * A value in its cursor text: the ISO-8601 or decimal text {@code ValueConverter} reads back to the same value,
   * an enum's name, base64 for bytes, JSON text for a JSON column.
   */
  static String text(ColumnDescriptor column, Object value) {
    if (value == null) {
      return null;
    }
    return switch (column.javaType()) {
      case BYTES -> Base64.getEncoder().encodeToString((byte[]) value);
      case JSON -> Json.write(value);
      case ENUM -> ((Enum<?>) value).name();
      default -> value.toString();
    };
  }

  /** The value of {@link #text}, converted back to the column's Java type. */
  static Object value(ColumnDescriptor column, String text, String parameter) {
    if (text == null) {
      return null;
    }
    Object input;
    try {
      input = switch (column.javaType()) {
        case BYTES -> Base64.getDecoder().decode(text);
        case JSON -> Json.read(text);
        default -> text;
      };
    } catch (RuntimeException damaged) {
      throw new InvalidParameterException(parameter, DAMAGED);
    }
    return ParamValues.toColumn(column, input, parameter);
  }

  private static byte[] checksum(byte[] content) {
    return Arrays.copyOf(sha256(content), 16);
  }

  private static byte[] sha256(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** {@code cursor}: a {@code next_cursor} of a List output, whole and unchanged (checked on its own). */
  static void check(Object value, String parameter) {
    decode(value, parameter);
  }

  /**
   * The sort-key values of the row a {@code cursor} continues after, converted to their columns' types, once the
   * cursor is shown to be this model's, listed in this {@code order} ({@code KeysetSql.pageOrder}) with these
   * {@code filters}.
   */
  static List<Object> afterValues(ModelDescriptor model, Object cursor, List<String> order, Object filters,
      String parameter) {
    return afterValues(model, cursor, order, filterHash(filters), parameter);
  }

  /** As {@link #afterValues(ModelDescriptor, Object, List, Object, String)}, given the filters' hash. */
  static List<Object> afterValues(ModelDescriptor model, Object cursor, List<String> order, String filterHash,
      String parameter) {
    PageCursor page = decode(cursor, parameter);
    if (!page.model().equals(model.modelName())) {
      throw new InvalidParameterException(parameter, "this cursor is from a list of " + page.model() + ", not of "
          + model.modelName() + "; pass the next_cursor of this node's own output");
    }
    if (!page.order().equals(order)) {
      throw new InvalidParameterException(parameter, "this cursor is from a list ordered by " + page.order() + ", not"
          + " by " + order + "; give the same order_by as the first page, or start again without cursor");
    }
    if (!page.filters().equals(filterHash)) {
      throw new InvalidParameterException(parameter, "this cursor is from a list with other filters; give the same"
          + " filters, written the same way, as the first page, or start again without cursor");
    }
    List<Object> values = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      String item = order.get(i);
      ColumnDescriptor column = sortColumn(model, item);
      Object value = value(column, page.after().get(i), parameter);
      if (value == null && !column.nullable()) {
        throw new InvalidParameterException(parameter, "this cursor is damaged or was changed; pass next_cursor"
            + " exactly as a List output gave it");
      }
      values.add(value);
    }
    return values;
  }
}
