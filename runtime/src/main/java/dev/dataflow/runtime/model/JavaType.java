package dev.dataflow.runtime.model;

/**
 * The Java type a column's values carry in node inputs and outputs. The processor picks it from the field's
 * declared type; the runtime converts inputs to it and reads result columns as it.
 */
public enum JavaType {
  /** {@code String}: TEXT or VARCHAR(n). */
  STRING,
  /** {@code short}/{@code Short}: SMALLINT. */
  SHORT,
  /** {@code int}/{@code Integer}: INTEGER. */
  INT,
  /** {@code long}/{@code Long}: BIGINT. */
  LONG,
  /** {@code float}/{@code Float}: REAL. */
  FLOAT,
  /** {@code double}/{@code Double}: DOUBLE PRECISION. */
  DOUBLE,
  /** {@code BigDecimal}: NUMERIC. */
  BIG_DECIMAL,
  /** {@code boolean}/{@code Boolean}: BOOLEAN. */
  BOOLEAN,
  /** {@code UUID}: UUID. */
  UUID,
  /** {@code Instant}: TIMESTAMPTZ. */
  INSTANT,
  /** {@code OffsetDateTime}: TIMESTAMPTZ (read back in UTC). */
  OFFSET_DATE_TIME,
  /** {@code LocalDateTime}: TIMESTAMP (no time zone). */
  LOCAL_DATE_TIME,
  /** {@code LocalDate}: DATE. */
  LOCAL_DATE,
  /** {@code byte[]}: BYTEA. */
  BYTES,
  /** A Java enum: TEXT with a CHECK of the constant names; outputs carry the enum constant. */
  ENUM,
  /** A {@code @Json} field: JSONB; outputs carry {@code Map}/{@code List} trees. */
  JSON;

  /** Whether values of this type are a date or a point in time, which a retention can count from. */
  public boolean isTemporal() {
    return this == INSTANT || this == OFFSET_DATE_TIME || this == LOCAL_DATE_TIME || this == LOCAL_DATE;
  }
}
