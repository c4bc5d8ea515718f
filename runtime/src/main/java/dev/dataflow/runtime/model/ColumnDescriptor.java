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
 * @param scrub whether the column's text is scrubbed of personal data by every write before it is stored
 *     ({@code @Pii(scrub = true)}, always on a {@link JavaType#STRING} column); a scrubbed column is always
 *     {@code pii} too, so its values are never logged either (the constructor sets {@code pii} when {@code scrub} is)
 * @param piiScrubbedFlag whether this is the model's {@code @PiiScrubbed} column: the boolean that records that a
 *     write ran the scrubber over the row. DataFlow sets it; a create or update that gives it is refused
 * @param unique whether a single-column unique constraint covers it ({@code @Unique}); the key is unique without it
 *
 * <p>Generated schemas build each column with {@link #column} and name every flag that is set, so a reader sees
 * what a column is without counting booleans:
 *
 * <pre>{@code
 * ColumnDescriptor.column("id", "id", JavaType.LONG, "BIGINT").notNull().asPrimaryKey().asGenerated()
 * ColumnDescriptor.column("content", "content", JavaType.STRING, "TEXT").notNull().asPii().asScrubbed()
 * ColumnDescriptor.column("pii_scrubbed", "piiScrubbed", JavaType.BOOLEAN, "BOOLEAN").notNull().asPiiScrubbedFlag()
 * ColumnDescriptor.column("role", "role", JavaType.ENUM, "TEXT").withEnumValues(EnumValues.of(Role.values()))
 * }</pre>
 *
 * <p>Each flag method returns a copy with one component changed; the result equals the same column built with the
 * canonical constructor.
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
    boolean pii,
    boolean scrub,
    boolean piiScrubbedFlag,
    boolean unique) {

  public ColumnDescriptor {
    pii = pii || scrub; // @Pii(scrub = true) is @Pii: the original text is personal data
  }

  /** A column without a unique constraint of its own, for descriptors written by hand. */
  public ColumnDescriptor(
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
      boolean pii,
      boolean scrub,
      boolean piiScrubbedFlag) {
    this(name, fieldName, javaType, sqlType, nullable, primaryKey, generated, hasDefault, enumValues, version, pii,
        scrub, piiScrubbedFlag, false);
  }

  /** A column that is neither scrubbed nor the {@code @PiiScrubbed} flag, for descriptors written by hand. */
  public ColumnDescriptor(
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
    this(name, fieldName, javaType, sqlType, nullable, primaryKey, generated, hasDefault, enumValues, version, pii,
        false, false, false);
  }

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
    this(name, fieldName, javaType, sqlType, nullable, primaryKey, generated, hasDefault, enumValues, false, false,
        false, false, false);
  }

  /**
   * A nullable column without flags: not the key, not generated, no default, no enum values, not the version, not
   * personal data, not scrubbed, not the scrubbed flag. The flag methods below add what applies.
   */
  public static ColumnDescriptor column(String name, String fieldName, JavaType javaType, String sqlType) {
    return new ColumnDescriptor(name, fieldName, javaType, sqlType, true, false, false, false, null, false, false,
        false, false, false);
  }

  /** This column, {@code NOT NULL}. */
  public ColumnDescriptor notNull() {
    return with(c -> c.nullable = false);
  }

  /** This column as the table's key. */
  public ColumnDescriptor asPrimaryKey() {
    return with(c -> c.primaryKey = true);
  }

  /** This column, filled by the database or the runtime, never by a create or update parameter. */
  public ColumnDescriptor asGenerated() {
    return with(c -> c.generated = true);
  }

  /** This column, with a default in the DDL. */
  public ColumnDescriptor withDefault() {
    return with(c -> c.hasDefault = true);
  }

  /** This {@link JavaType#ENUM} column, with its constants. */
  public ColumnDescriptor withEnumValues(EnumValues values) {
    return with(c -> c.enumValues = values);
  }

  /** This column as the {@code @Version} column. */
  public ColumnDescriptor asVersion() {
    return with(c -> c.version = true);
  }

  /** This column as personal data ({@code @Pii}). */
  public ColumnDescriptor asPii() {
    return with(c -> c.pii = true);
  }

  /** This text column as one the scrubber runs over before it is stored ({@code @Pii(scrub = true)}). */
  public ColumnDescriptor asScrubbed() {
    return with(c -> c.scrub = true);
  }

  /** This boolean column as the model's {@code @PiiScrubbed} flag. */
  public ColumnDescriptor asPiiScrubbedFlag() {
    return with(c -> c.piiScrubbedFlag = true);
  }

  /** This column, covered by a single-column unique constraint ({@code @Unique}). */
  public ColumnDescriptor asUnique() {
    return with(c -> c.unique = true);
  }

  /** A copy with {@code change} applied: the one place that lists every component, for the flag methods above. */
  private ColumnDescriptor with(java.util.function.Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new ColumnDescriptor(c.name, c.fieldName, c.javaType, c.sqlType, c.nullable, c.primaryKey, c.generated,
        c.hasDefault, c.enumValues, c.version, c.pii, c.scrub, c.piiScrubbedFlag, c.unique);
  }

  /** The components of a descriptor being copied, one of them about to change. */
  private static final class Copy {
    final String name;
    final String fieldName;
    final JavaType javaType;
    final String sqlType;
    boolean nullable;
    boolean primaryKey;
    boolean generated;
    boolean hasDefault;
    EnumValues enumValues;
    boolean version;
    boolean pii;
    boolean scrub;
    boolean piiScrubbedFlag;
    boolean unique;

    Copy(ColumnDescriptor d) {
      name = d.name;
      fieldName = d.fieldName;
      javaType = d.javaType;
      sqlType = d.sqlType;
      nullable = d.nullable;
      primaryKey = d.primaryKey;
      generated = d.generated;
      hasDefault = d.hasDefault;
      enumValues = d.enumValues;
      version = d.version;
      pii = d.pii;
      scrub = d.scrub;
      piiScrubbedFlag = d.piiScrubbedFlag;
      unique = d.unique;
    }
  }

  /**
   * Whether a create must give this column: NOT NULL, not generated, no default, and not the {@code @PiiScrubbed}
   * flag (which DataFlow sets on every create).
   */
  public boolean requiredOnCreate() {
    return !nullable && !generated && !hasDefault && !piiScrubbedFlag;
  }

  /**
   * Whether an insert or update statement may set this column: every column but the generated ones. The
   * {@code @PiiScrubbed} flag is writable, by DataFlow only: see {@link #givenByCaller()}.
   */
  public boolean writable() {
    return !generated;
  }

  /** Whether a create or update may take a value for this column from its caller: writable, and not the flag. */
  public boolean givenByCaller() {
    return !generated && !piiScrubbedFlag;
  }
}
