package dev.dataflow.processor.schema;

import java.util.List;

/**
 * One column of a model's table.
 *
 * @param name the column name ({@code session_id})
 * @param fieldName the Java field name ({@code sessionId})
 * @param javaType the kind of value, named like the runtime's {@code JavaType} constant
 * @param sqlType the PostgreSQL type as written in the DDL ({@code VARCHAR(64)}, {@code NUMERIC(10,2)})
 * @param nullable whether the column accepts NULL
 * @param primaryKey whether this is the key
 * @param generated whether the database or runtime fills it (identity key, {@code created_at}, {@code updated_at},
 *     the {@code @Version} column)
 * @param defaultValue the raw SQL default expression, or null
 * @param unique whether a single-column unique constraint covers it ({@code @Unique})
 * @param enumConstants for an enum column, the constant names in declaration order; else empty
 * @param enumTypeName for an enum column, the enum's canonical name; else null
 * @param fieldType the field's declared Java type, for typed setters
 * @param length {@code @Column(length)}, 0 when unset
 * @param precision {@code @Column(precision)}, 0 when unset
 * @param scale {@code @Column(scale)}, 0 when unset
 * @param version whether this is the {@code @Version} column
 * @param pii whether the field is {@code @Pii}: its values are never logged
 * @param scrub whether the field is {@code @Pii(scrub = true)}: a text column scrubbed of personal data before it is
 *     stored
 * @param piiScrubbedFlag whether the field is {@code @PiiScrubbed}: the boolean that records that a write ran the
 *     scrubber over the row
 */
public record ColumnSchema(
    String name,
    String fieldName,
    ColumnType javaType,
    String sqlType,
    boolean nullable,
    boolean primaryKey,
    boolean generated,
    String defaultValue,
    boolean unique,
    List<String> enumConstants,
    String enumTypeName,
    TypeRef fieldType,
    int length,
    int precision,
    int scale,
    boolean version,
    boolean pii,
    boolean scrub,
    boolean piiScrubbedFlag) {

  public ColumnSchema {
    enumConstants = List.copyOf(enumConstants);
  }

  /** Whether the DDL gives a default, so a create may omit the column. */
  public boolean hasDefault() {
    return defaultValue != null;
  }

  /** Whether a create or an update may set this column. */
  public boolean writable() {
    return !generated;
  }
}
