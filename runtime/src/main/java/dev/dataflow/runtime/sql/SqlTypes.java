package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * How each {@link dev.dataflow.runtime.model.JavaType} looks to jOOQ: the {@link DataType} of a column's field and
 * the form its values take as jOOQ bind values.
 *
 * <p>Enum columns are TEXT with a CHECK, so their field is a {@code VARCHAR} and values bind as the constant name;
 * JSON columns bind as {@link JSONB} (jOOQ renders {@code cast(? as jsonb)}). Every other type binds as the value
 * {@link ValueConverter#toJava} produced.
 */
public final class SqlTypes {
  static {
    Jooq.quiet();
  }

  private SqlTypes() {}

  /** The jOOQ data type for the column's values. */
  public static DataType<?> dataTypeFor(ColumnDescriptor column) {
    return switch (column.javaType()) {
      case STRING, ENUM -> SQLDataType.VARCHAR;
      case SHORT -> SQLDataType.SMALLINT;
      case INT -> SQLDataType.INTEGER;
      case LONG -> SQLDataType.BIGINT;
      case FLOAT -> SQLDataType.REAL;
      case DOUBLE -> SQLDataType.DOUBLE;
      case BIG_DECIMAL -> SQLDataType.NUMERIC;
      case BOOLEAN -> SQLDataType.BOOLEAN;
      case UUID -> SQLDataType.UUID;
      case INSTANT -> SQLDataType.INSTANT;
      case OFFSET_DATE_TIME -> SQLDataType.TIMESTAMPWITHTIMEZONE;
      case LOCAL_DATE_TIME -> SQLDataType.LOCALDATETIME;
      case LOCAL_DATE -> SQLDataType.LOCALDATE;
      case BYTES -> SQLDataType.BLOB;
      case JSON -> SQLDataType.JSONB;
    };
  }

  /**
   * The column as an unqualified, quoted jOOQ field. It is typed {@code Field<Object>} so conditions can be built
   * uniformly; its data type is still {@link #dataTypeFor}, and values given to it must come from
   * {@link #bindable}.
   */
  @SuppressWarnings("unchecked")
  public static Field<Object> field(ColumnDescriptor column) {
    return (Field<Object>) DSL.field(DSL.name(column.name()), dataTypeFor(column));
  }

  /** A value from {@link ValueConverter#toJava} in the form the column's jOOQ field binds: enum → name, JSON → JSONB. */
  public static Object bindable(ColumnDescriptor column, Object javaValue) {
    if (javaValue == null) {
      return null;
    }
    return switch (column.javaType()) {
      case ENUM -> ((Enum<?>) javaValue).name();
      case JSON -> JSONB.jsonb(Json.write(javaValue));
      default -> javaValue;
    };
  }

  /** A typed bind value for the column. */
  public static Field<Object> value(ColumnDescriptor column, Object javaValue) {
    return DSL.val(bindable(column, javaValue), field(column));
  }
}
