package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.DataFlowException;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.ModelDescriptor;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.postgresql.util.PGobject;

/**
 * The one binder: every value reaches JDBC through {@link #bind}, keyed by its column, in statements rendered at
 * build time and by jOOQ alike ({@link RenderedSql#prepare}). Also reads result columns back as their Java types, for
 * every {@link dev.dataflow.runtime.model.JavaType}.
 *
 * <pre>{@code
 * JdbcValues.bind(ps, 1, column, ValueConverter.toJava(column, "2024-05-01T09:30:00+08:00", "start_time"));
 * JdbcValues.bindArray(ps, 2, column, List.of(start, end));      // one array parameter: "start_time" = any(?)
 * Instant read = (Instant) JdbcValues.read(rs, 1, column);
 * }</pre>
 */
public final class JdbcValues {
  private JdbcValues() {}

  /**
   * Binds {@code values.get(c)} for each column {@code c} of {@code columns}, in order, from placeholder
   * {@code first}; a column missing from {@code values} binds NULL.
   *
   * @return the index of the next placeholder
   */
  public static int bindAll(PreparedStatement ps, int first, ModelDescriptor model, List<String> columns,
      Map<String, Object> values) throws SQLException {
    int index = first;
    for (String name : columns) {
      bind(ps, index++, model.column(name), values.get(name));
    }
    return index;
  }

  /**
   * Binds a value that {@link ValueConverter#toJava} produced to a plain {@code ?} placeholder. No cast is needed in the SQL:
   * each type is sent with its PostgreSQL type (JSON as {@code jsonb}, instants as {@code timestamptz}).
   */
  public static void bind(PreparedStatement ps, int index, ColumnDescriptor column, Object javaValue)
      throws SQLException {
    if (javaValue == null) {
      ps.setNull(index, sqlTypeOf(column));
      return;
    }
    switch (column.javaType()) {
      case STRING -> ps.setString(index, (String) javaValue);
      case SHORT -> ps.setShort(index, (Short) javaValue);
      case INT -> ps.setInt(index, (Integer) javaValue);
      case LONG -> ps.setLong(index, (Long) javaValue);
      case FLOAT -> ps.setFloat(index, (Float) javaValue);
      case DOUBLE -> ps.setDouble(index, (Double) javaValue);
      case BIG_DECIMAL -> ps.setBigDecimal(index, (BigDecimal) javaValue);
      case BOOLEAN -> ps.setBoolean(index, (Boolean) javaValue);
      case UUID, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE -> ps.setObject(index, javaValue);
      case INSTANT -> ps.setObject(index, ((Instant) javaValue).atOffset(ZoneOffset.UTC));
      case BYTES -> ps.setBytes(index, (byte[]) javaValue);
      case ENUM -> ps.setString(index, javaValue instanceof Enum<?> e ? e.name() : (String) javaValue);
      case JSON -> ps.setObject(index, jsonb(Json.write(javaValue)));
    }
  }

  /** Binds one placeholder of a rendered statement: its value, or its array of values ({@link BindValue#array()}). */
  public static void bind(PreparedStatement ps, int index, BindValue bind) throws SQLException {
    if (bind.array()) {
      bindArray(ps, index, bind.column(), (List<?>) bind.value());
    } else {
      bind(ps, index, bind.column(), bind.value());
    }
  }

  /**
   * Binds values that {@link ValueConverter#toJava} produced for {@code column} as one array parameter of the
   * column's element type ({@code int4[]}, {@code text[]}, {@code jsonb[]} ...), for {@code "col" = any(?)}: however
   * many values there are, the statement has one placeholder (pgjdbc allows 65,535). Elements are never null.
   */
  public static void bindArray(PreparedStatement ps, int index, ColumnDescriptor column, List<?> javaValues)
      throws SQLException {
    Object[] elements = switch (column.javaType()) {
      case SHORT -> javaValues.toArray(new Short[0]);
      case INT -> javaValues.toArray(new Integer[0]);
      case LONG -> javaValues.toArray(new Long[0]);
      case FLOAT -> javaValues.toArray(new Float[0]);
      case DOUBLE -> javaValues.toArray(new Double[0]);
      case BOOLEAN -> javaValues.toArray(new Boolean[0]);
      case BIG_DECIMAL -> javaValues.toArray(new BigDecimal[0]);
      case UUID -> javaValues.toArray(new UUID[0]);
      case BYTES -> javaValues.toArray(new byte[0][]);
      case STRING, ENUM, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, JSON -> {
        String[] texts = new String[javaValues.size()];
        for (int i = 0; i < texts.length; i++) {
          texts[i] = arrayText(column, javaValues.get(i));
        }
        yield texts;
      }
    };
    ps.setArray(index, ps.getConnection().createArrayOf(arrayElementType(column), elements));
  }

  /** The PostgreSQL name of the column's type as an array element. */
  static String arrayElementType(ColumnDescriptor column) {
    return switch (column.javaType()) {
      case STRING, ENUM -> "text";
      case SHORT -> "int2";
      case INT -> "int4";
      case LONG -> "int8";
      case FLOAT -> "float4";
      case DOUBLE -> "float8";
      case BIG_DECIMAL -> "numeric";
      case BOOLEAN -> "bool";
      case UUID -> "uuid";
      case INSTANT, OFFSET_DATE_TIME -> "timestamptz";
      case LOCAL_DATE_TIME -> "timestamp";
      case LOCAL_DATE -> "date";
      case BYTES -> "bytea";
      case JSON -> "jsonb";
    };
  }

  /**
   * An element of a text-encoded array as PostgreSQL reads it: java.time values in PostgreSQL's own form (years
   * before 1 AD as {@code BC}, which ISO-8601's year 0 and minus signs are not), JSON serialised once.
   */
  private static String arrayText(ColumnDescriptor column, Object value) {
    return switch (column.javaType()) {
      case ENUM -> value instanceof Enum<?> e ? e.name() : (String) value;
      case INSTANT -> timestampText(LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC), "+00");
      case OFFSET_DATE_TIME -> timestampText(
          ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), "+00");
      case LOCAL_DATE_TIME -> timestampText((LocalDateTime) value, "");
      case LOCAL_DATE -> dateText((LocalDate) value) + era((LocalDate) value);
      case JSON -> Json.write(value);
      default -> (String) value;
    };
  }

  /**
   * A value as PostgreSQL's text input reads it, for {@code COPY ... FROM STDIN} ({@link CopyText}): numbers and
   * booleans in their SQL form, times as {@link #arrayText} writes them, {@code bytea} in hex ({@code \x0a1b}),
   * JSON serialised once. Not escaped for COPY: {@link CopyText} does that.
   */
  static String text(ColumnDescriptor column, Object value) {
    return switch (column.javaType()) {
      case STRING -> (String) value;
      case SHORT, INT, LONG, FLOAT, DOUBLE, UUID -> value.toString();
      case BIG_DECIMAL -> ((BigDecimal) value).toString();
      case BOOLEAN -> ((Boolean) value) ? "t" : "f";
      case BYTES -> hex((byte[]) value);
      case ENUM, INSTANT, OFFSET_DATE_TIME, LOCAL_DATE_TIME, LOCAL_DATE, JSON -> arrayText(column, value);
    };
  }

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private static String hex(byte[] bytes) {
    char[] out = new char[2 + bytes.length * 2];
    out[0] = '\\';
    out[1] = 'x';
    for (int i = 0; i < bytes.length; i++) {
      out[2 + 2 * i] = HEX[(bytes[i] >> 4) & 0xf];
      out[3 + 2 * i] = HEX[bytes[i] & 0xf];
    }
    return new String(out);
  }

  private static String timestampText(LocalDateTime value, String offset) {
    return String.format(Locale.ROOT, "%s %02d:%02d:%02d.%09d%s%s", dateText(value.toLocalDate()), value.getHour(),
        value.getMinute(), value.getSecond(), value.getNano(), offset, era(value.toLocalDate()));
  }

  private static String dateText(LocalDate date) {
    int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
    return String.format(Locale.ROOT, "%04d-%02d-%02d", year, date.getMonthValue(), date.getDayOfMonth());
  }

  private static String era(LocalDate date) {
    return date.getYear() <= 0 ? " BC" : "";
  }

  /** A {@code jsonb} parameter holding {@code jsonText}. */
  private static PGobject jsonb(String jsonText) throws SQLException {
    PGobject object = new PGobject();
    object.setType("jsonb");
    object.setValue(jsonText);
    return object;
  }

  /** The {@link Types} constant for a NULL of this column. */
  private static int sqlTypeOf(ColumnDescriptor column) {
    return switch (column.javaType()) {
      case STRING, ENUM -> Types.VARCHAR;
      case SHORT -> Types.SMALLINT;
      case INT -> Types.INTEGER;
      case LONG -> Types.BIGINT;
      case FLOAT -> Types.REAL;
      case DOUBLE -> Types.DOUBLE;
      case BIG_DECIMAL -> Types.NUMERIC;
      case BOOLEAN -> Types.BOOLEAN;
      case INSTANT, OFFSET_DATE_TIME -> Types.TIMESTAMP_WITH_TIMEZONE;
      case LOCAL_DATE_TIME -> Types.TIMESTAMP;
      case LOCAL_DATE -> Types.DATE;
      case BYTES -> Types.BINARY;
      // OTHER leaves the type to PostgreSQL, which takes it from the column or the other operand.
      case UUID, JSON -> Types.OTHER;
    };
  }

  // ------------------------------------------------------------------------------------------------------ read

  /** Reads result column {@code index} (1-based) as the column's Java type; SQL NULL reads as null. */
  public static Object read(ResultSet rs, int index, ColumnDescriptor column) throws SQLException {
    switch (column.javaType()) {
      case STRING:
        return rs.getString(index);
      case SHORT: {
        short v = rs.getShort(index);
        return rs.wasNull() ? null : v;
      }
      case INT: {
        int v = rs.getInt(index);
        return rs.wasNull() ? null : v;
      }
      case LONG: {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
      }
      case FLOAT: {
        float v = rs.getFloat(index);
        return rs.wasNull() ? null : v;
      }
      case DOUBLE: {
        double v = rs.getDouble(index);
        return rs.wasNull() ? null : v;
      }
      case BOOLEAN: {
        boolean v = rs.getBoolean(index);
        return rs.wasNull() ? null : v;
      }
      case BIG_DECIMAL:
        return rs.getBigDecimal(index);
      case UUID:
        return rs.getObject(index, UUID.class);
      case INSTANT: {
        OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
        return v == null ? null : v.toInstant();
      }
      case OFFSET_DATE_TIME: {
        OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
        // pgjdbc reads infinity and -infinity (written outside DataFlow) as OffsetDateTime.MAX and MIN, whose
        // instants have no UTC date-time: they stay as they are.
        return v == null || v.equals(OffsetDateTime.MAX) || v.equals(OffsetDateTime.MIN)
            ? v : v.withOffsetSameInstant(ZoneOffset.UTC);
      }
      case LOCAL_DATE_TIME:
        return rs.getObject(index, LocalDateTime.class);
      case LOCAL_DATE:
        return rs.getObject(index, LocalDate.class);
      case BYTES:
        return rs.getBytes(index);
      case ENUM: {
        String name = rs.getString(index);
        if (name == null) {
          return null;
        }
        Enum<?> constant = column.enumValues().constant(name);
        if (constant == null) {
          // The table holds a name the enum no longer has: a schema drift, not a caller error.
          throw new DataFlowException("column '" + column.name() + "' holds a value that is not a constant of "
              + column.enumValues().enumClassName() + " " + column.enumValues().names()
              + "; migrate the rows or add the constant back");
        }
        return constant;
      }
      case JSON: {
        String text = rs.getString(index);
        try {
          return text == null ? null : Json.read(text);
        } catch (DataFlowException e) {
          throw new DataFlowException("column '" + column.name() + "': " + e.getMessage());
        }
      }
      default:
        throw new IllegalStateException("unhandled Java type " + column.javaType());
    }
  }
}
