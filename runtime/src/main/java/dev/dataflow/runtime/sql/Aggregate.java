package dev.dataflow.runtime.sql;

import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import java.util.List;
import java.util.Set;

/**
 * One aggregate of a grouped count ({@link GroupCountSql#render}): {@code sum}, {@code avg}, {@code min},
 * {@code max} or {@code count(distinct ...)} of a column, named in each output group.
 *
 * @param name the value's key in each output group, a plain identifier checked by the node layer
 * @param op the function
 * @param column the model's column it aggregates
 */
public record Aggregate(String name, Op op, ColumnDescriptor column) {
  private static final Set<JavaType> NUMERIC = Set.of(JavaType.SHORT, JavaType.INT, JavaType.LONG, JavaType.FLOAT,
      JavaType.DOUBLE, JavaType.BIG_DECIMAL);
  private static final Set<JavaType> ORDERED = Set.of(JavaType.SHORT, JavaType.INT, JavaType.LONG, JavaType.FLOAT,
      JavaType.DOUBLE, JavaType.BIG_DECIMAL, JavaType.STRING, JavaType.ENUM, JavaType.INSTANT,
      JavaType.OFFSET_DATE_TIME, JavaType.LOCAL_DATE_TIME, JavaType.LOCAL_DATE);

  public Aggregate {
    if (!op.appliesTo(column.javaType())) {
      throw new IllegalArgumentException(op.operator() + " does not apply to column '" + column.name() + "' ("
          + column.sqlType() + ")");
    }
  }

  /** The functions, by their operator names in {@code aggregates}. */
  public enum Op {
    SUM("$sum"), AVG("$avg"), MIN("$min"), MAX("$max"), COUNT_DISTINCT("$count_distinct");

    /** The operators as {@code aggregates} spells them. */
    public static final List<String> OPERATORS = List.of("$sum", "$avg", "$min", "$max", "$count_distinct");

    private final String operator;

    Op(String operator) {
      this.operator = operator;
    }

    /** {@code "$avg"}. */
    public String operator() {
      return operator;
    }

    /** {@code "$avg"} → {@link #AVG}; null for any other text. */
    public static Op of(String operator) {
      for (Op op : values()) {
        if (op.operator.equals(operator)) {
          return op;
        }
      }
      return null;
    }

    /**
     * Whether the function takes a column of this type: {@code $sum}, {@code $avg} numbers; {@code $min},
     * {@code $max} numbers, text, enums and dates/times; {@code $count_distinct} anything.
     */
    public boolean appliesTo(JavaType type) {
      return switch (this) {
        case SUM, AVG -> NUMERIC.contains(type);
        case MIN, MAX -> ORDERED.contains(type);
        case COUNT_DISTINCT -> true;
      };
    }

    /** Which types the function takes, for messages. */
    public String needs() {
      return switch (this) {
        case SUM, AVG -> "a numeric column";
        case MIN, MAX -> "a numeric, text, enum or date/time column";
        case COUNT_DISTINCT -> "any column";
      };
    }
  }

  /**
   * The Java type of the result as PostgreSQL computes it: {@code count(distinct)} a long; {@code min}/{@code max}
   * the column's own; {@code sum} of SMALLINT/INTEGER a long, of BIGINT/NUMERIC a BigDecimal, of REAL a float, of
   * DOUBLE a double; {@code avg} of a float type a double, else a BigDecimal.
   */
  ColumnDescriptor result() {
    JavaType type = column.javaType();
    JavaType result = switch (op) {
      case COUNT_DISTINCT -> JavaType.LONG;
      case MIN, MAX -> type;
      case SUM -> switch (type) {
        case SHORT, INT -> JavaType.LONG;
        case FLOAT -> JavaType.FLOAT;
        case DOUBLE -> JavaType.DOUBLE;
        default -> JavaType.BIG_DECIMAL;
      };
      case AVG -> type == JavaType.FLOAT || type == JavaType.DOUBLE ? JavaType.DOUBLE : JavaType.BIG_DECIMAL;
    };
    return result == type ? column : ColumnDescriptor.column(name, name, result, "aggregate");
  }
}
