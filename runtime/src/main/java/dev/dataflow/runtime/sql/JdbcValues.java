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
        return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
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
        return text == null ? null : Json.read(text);
      }
      default:
        throw new IllegalStateException("unhandled Java type " + column.javaType());
    }
  }
}
