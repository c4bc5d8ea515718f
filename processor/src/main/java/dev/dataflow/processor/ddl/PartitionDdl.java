package dev.dataflow.processor.ddl;

import dev.dataflow.processor.schema.PartitionSchema;
import java.util.Locale;

/**
 * The partition DDL of a {@code @Partitioned} model, shared by its own DDL and the generated migrations.
 *
 * <p>A static SQL file cannot know the current month when it runs, so the partitions are created by a
 * {@code DO $$ ... $$} block that computes them when it runs: every interval from the current one (or from the
 * oldest row of a table whose rows are about to move in, so none lands in the default partition) to the next one
 * (or the newest such row). Each is {@code CREATE TABLE IF NOT EXISTS <table>_p<start> PARTITION OF <table> FOR
 * VALUES FROM (<start>) TO (<end>)}, with bounds in UTC: {@code '2026-11-01 00:00:00+00'} for TIMESTAMPTZ,
 * {@code '2026-11-01 00:00:00'} for TIMESTAMP (UTC wall time) and {@code '2026-11-01'} for DATE. The names are
 * {@code _p2026_11} (month), {@code _p2026_11_30} (day), {@code _p2026w48} (ISO week, from Monday) and
 * {@code _p2026} (year); the runtime's {@code Partitioning} computes the same names and bounds.
 */
public final class PartitionDdl {
  /** The longest suffix a partition name adds to the table name ({@code _p2026_11_30}). */
  public static final int LONGEST_SUFFIX = "_p2026_11_30".length();

  private PartitionDdl() {}

  /** The clause ending the table's {@code CREATE TABLE}: {@code partition by range ("timestamp")}. */
  public static String partitionByClause(PartitionSchema partitioning) {
    return "partition by range (" + quote(partitioning.column()) + ")";
  }

  /** The name of the default partition: {@code <table>_default}. */
  public static String defaultPartition(String table) {
    return table + "_default";
  }

  /** {@code create table [if not exists] "<table>_default" partition of "<table>" default}. */
  public static String createDefaultPartition(String table, boolean ifNotExists) {
    return "create table " + (ifNotExists ? "if not exists " : "") + quote(defaultPartition(table)) + " partition of "
        + quote(table) + " default";
  }

  /**
   * The {@code DO} block that creates the partitions of the current and the next interval, and, when
   * {@code rowsOf} is not null, of every interval that holds a row of table {@code rowsOf} (whose
   * {@code partitioning.column()} has type {@code sqlType} too). Idempotent.
   *
   * @param sqlType the partition column's type: {@code TIMESTAMPTZ}, {@code TIMESTAMP} or {@code DATE}
   */
  public static String createPartitions(String table, PartitionSchema partitioning, String sqlType, String rowsOf) {
    String unit = unit(partitioning.interval());
    String step = "interval '1 " + unit + "'";
    String nowUtc = "date_trunc('" + unit + "', now() AT TIME ZONE 'UTC')";
    String boundFormat;
    String boundSuffix;
    String columnUtc;
    String column = quote(partitioning.column());
    switch (sqlType.toUpperCase(Locale.ROOT)) {
      case "TIMESTAMPTZ":
        boundFormat = "YYYY-MM-DD HH24:MI:SS";
        boundSuffix = " || '+00'";
        columnUtc = "%s(" + column + ") AT TIME ZONE 'UTC'";
        break;
      case "TIMESTAMP":
        boundFormat = "YYYY-MM-DD HH24:MI:SS";
        boundSuffix = "";
        columnUtc = "%s(" + column + ")";
        break;
      case "DATE":
        boundFormat = "YYYY-MM-DD";
        boundSuffix = "";
        columnUtc = "%s(" + column + ")::timestamp";
        break;
      default:
        throw new IllegalArgumentException("a table is partitioned by a date/time column, not " + sqlType);
    }
    StringBuilder sql = new StringBuilder();
    sql.append("DO $$\n")
        .append("DECLARE\n")
        .append("  first_start timestamp := ").append(nowUtc).append(";\n")
        .append("  last_start timestamp := ").append(nowUtc).append(" + ").append(step).append(";\n")
        .append("BEGIN\n");
    if (rowsOf != null) {
      sql.append("  -- also every ").append(unit).append(" that holds a row of ").append(rowsOf)
          .append(", so that none of them lands in the default partition\n")
          .append("  SELECT least(first_start, date_trunc('").append(unit).append("', ")
          .append(String.format(Locale.ROOT, columnUtc, "min")).append(")),\n")
          .append("         greatest(last_start, date_trunc('").append(unit).append("', ")
          .append(String.format(Locale.ROOT, columnUtc, "max")).append("))\n")
          .append("    INTO first_start, last_start FROM ").append(quote(rowsOf)).append(";\n");
    }
    sql.append("  WHILE first_start <= last_start LOOP\n")
        .append("    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF %I FOR VALUES FROM (%L) TO (%L)',\n")
        .append("        '").append(table).append("_p' || to_char(first_start, '")
        .append(nameFormat(partitioning.interval())).append("'), '").append(table).append("',\n")
        .append("        to_char(first_start, '").append(boundFormat).append("')").append(boundSuffix).append(",\n")
        .append("        to_char(first_start + ").append(step).append(", '").append(boundFormat).append("')")
        .append(boundSuffix).append(");\n")
        .append("    first_start := first_start + ").append(step).append(";\n")
        .append("  END LOOP;\n")
        .append("END $$");
    return sql.toString();
  }

  /** The {@code date_trunc} unit of an interval. */
  private static String unit(String interval) {
    switch (interval) {
      case "DAY":
        return "day";
      case "WEEK":
        return "week";
      case "MONTH":
        return "month";
      case "YEAR":
        return "year";
      default:
        throw new IllegalArgumentException("unknown partition interval " + interval);
    }
  }

  /** The {@code to_char} format of a partition name's suffix after {@code _p}. */
  private static String nameFormat(String interval) {
    switch (interval) {
      case "DAY":
        return "YYYY_MM_DD";
      case "WEEK":
        return "IYYY\"w\"IW";
      case "MONTH":
        return "YYYY_MM";
      case "YEAR":
        return "YYYY";
      default:
        throw new IllegalArgumentException("unknown partition interval " + interval);
    }
  }

  private static String quote(String identifier) {
    return "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
