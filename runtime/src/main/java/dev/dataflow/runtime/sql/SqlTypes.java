package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import java.util.EnumMap;
import java.util.Map;
import org.jooq.Converter;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * How each {@link JavaType} looks to jOOQ: the {@link DataType} of a column's field, and the placeholders that carry
 * values into a statement jOOQ renders.
 *
 * <p>jOOQ renders here and never binds: a value enters a jOOQ statement as a placeholder whose jOOQ value is the
 * {@link BindValue} itself, typed with the column's SQL type so that jOOQ renders exactly what it renders for a
 * value of that type ({@code ?}, {@code cast(? as jsonb)}, {@code cast(? as uuid)}); {@link RenderedSql} reads the
 * placeholders back in the order jOOQ rendered them and binds each through {@link JdbcValues#bind}. The value is
 * converted once, by {@link ValueConverter}, and serialised once, when it is bound.
 */
public final class SqlTypes {
  static {
    Jooq.quiet();
  }

  private static final Map<JavaType, DataType<BindValue>> PLACEHOLDER_TYPES = new EnumMap<>(JavaType.class);
  /** An array placeholder renders as a bare {@code ?}: the array's type travels with it ({@link JdbcValues#bindArray}). */
  private static final DataType<BindValue> ARRAY_PLACEHOLDER_TYPE = placeholderType(SQLDataType.OTHER);

  static {
    for (JavaType type : JavaType.values()) {
      PLACEHOLDER_TYPES.put(type, placeholderType(dataTypeFor(type)));
    }
  }

  private SqlTypes() {}

  /** The jOOQ data type for the column's values. */
  public static DataType<?> dataTypeFor(ColumnDescriptor column) {
    return dataTypeFor(column.javaType());
  }

  private static DataType<?> dataTypeFor(JavaType type) {
    return switch (type) {
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
   * uniformly; its data type is still {@link #dataTypeFor}, and values compared with it or assigned to it must be
   * {@link #placeholder}s.
   */
  @SuppressWarnings("unchecked")
  public static Field<Object> field(ColumnDescriptor column) {
    return (Field<Object>) DSL.field(DSL.name(column.name()), dataTypeFor(column));
  }

  /** A placeholder for {@code value} (converted for {@code column}), rendered as the column's type renders. */
  public static Field<Object> placeholder(ColumnDescriptor column, Object value) {
    return placeholder(new BindValue(column, value));
  }

  /**
   * One placeholder for all of {@code values} (converted for {@code column}, none null), bound as one array of the
   * column's type: {@code DSL.condition("{0} = any({1})", field, arrayPlaceholder(column, values))}. It renders as
   * {@code ?} whatever the number of values.
   */
  public static Field<Object> arrayPlaceholder(ColumnDescriptor column, java.util.List<?> values) {
    return placeholder(BindValue.array(column, values));
  }

  /** A placeholder carrying {@code bind}; {@link RenderedSql} binds it. */
  @SuppressWarnings("unchecked")
  static Field<Object> placeholder(BindValue bind) {
    // A Field<BindValue> seen as Field<Object>: jOOQ only renders it, and rendering looks at the data type alone.
    DataType<BindValue> type = bind.array() ? ARRAY_PLACEHOLDER_TYPE : PLACEHOLDER_TYPES.get(bind.column().javaType());
    return (Field<Object>) (Field<?>) DSL.val(bind, type);
  }

  /**
   * The column's SQL type with {@link BindValue} as its Java type. jOOQ asks the converter for the database value
   * while rendering and gets null: which placeholder it renders depends on the type, not on the value (every type
   * is checked by {@code SqlTypesTest}), and it never binds, so the real value is never needed.
   */
  private static <T> DataType<BindValue> placeholderType(DataType<T> sqlType) {
    return sqlType.asConvertedDataType(new Converter<T, BindValue>() {
      @Override
      public BindValue from(T databaseObject) {
        throw new UnsupportedOperationException("placeholders are bound by JdbcValues, never read by jOOQ");
      }

      @Override
      public T to(BindValue userObject) {
        return null;
      }

      @Override
      public Class<T> fromType() {
        return sqlType.getType();
      }

      @Override
      public Class<BindValue> toType() {
        return BindValue.class;
      }
    });
  }
}
