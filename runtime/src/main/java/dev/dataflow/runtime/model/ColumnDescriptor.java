package dev.dataflow.runtime.model;

/**
 * One column of a model's table, as the processor computed it at build time.
 *
 * @param name the column name ({@code session_id})
 * @param fieldName the Java field name ({@code sessionId}); for {@code created_at}/{@code updated_at}, {@code createdAt}/{@code updatedAt}
 * @param javaType the Java type values of this column carry
 * @param sqlType the PostgreSQL type as written in the DDL ({@code VARCHAR(64)}, {@code NUMERIC(10,2)}, {@code JSONB})
 * @param nullable whether the column accepts NULL
 * @param primaryKey whether this is the table's key
 * @param generated whether the database or the runtime fills it (identity key, {@code created_at}, {@code updated_at},
 *     the {@code @Version} column): such a column is never a create or update parameter
 * @param hasDefault whether the DDL gives a default, so a create may omit it
 * @param enumValues the constants of an {@link JavaType#ENUM} column, else null
 * @param version whether this is the {@code @Version} column: {@code NOT NULL DEFAULT 1}, bumped by every update, and
 *     an update by id must give the version it read
 * @param pii whether the column holds personal data ({@code @Pii}): its values never appear in a message or log
 */
public record ColumnDescriptor(
    String name,
    String fieldName,
    JavaType javaType,
    String sqlType,
    boolean nullable,
    boolean primaryKey,
    boolean generated,
    boolean hasDefault,
    EnumValues enumValues,
    boolean version,
    boolean pii) {

  /** A column that is neither the {@code @Version} column nor personal data, for descriptors written by hand. */
  public ColumnDescriptor(
      String name,
      String fieldName,
      JavaType javaType,
      String sqlType,
      boolean nullable,
      boolean primaryKey,
      boolean generated,
      boolean hasDefault,
      EnumValues enumValues) {
    this(name, fieldName, javaType, sqlType, nullable, primaryKey, generated, hasDefault, enumValues, false, false);
  }

  /** Whether a create must give this column: NOT NULL, not generated, no default. */
  public boolean requiredOnCreate() {
    return !nullable && !generated && !hasDefault;
  }

  /** Whether a create or an update may set this column. */
  public boolean writable() {
    return !generated;
  }
}
