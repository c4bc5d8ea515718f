package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code @Retain}, {@code @Pii(scrub = true)} and {@code @PiiScrubbed}: where each may go (every mistake a compile
 * error at its line, with the fix), what the generated descriptor says, and that none of them changes the schema.
 */
class RetentionAndScrubbingTest {

  private static void assertError(JavaFileObject source, String message, String line, JavaFileObject... others) {
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = source;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation compilation = compile(all);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  private static String schema(Compilation compilation, String model) throws IOException {
    return compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, "dev/dataflow/models/" + model + "Schema.java")
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }

  /** A message model with the given class annotations and fields after {@code id}. */
  private static JavaFileObject message(String classAnnotations, String fields) {
    return model(
        "Message", "@Model\n" + classAnnotations + "public record Message(\n    Long id,\n" + fields + ") {}\n");
  }

  private static final String FIELDS =
      "    @Pii(scrub = true) String content,\n    Instant timestamp,\n    LocalDate sentOn,\n    String note\n";

  // @Retain

  @Test
  void retentionOfLessThanADay() {
    JavaFileObject source = message("@Retain(days = 0, after = \"timestamp\")\n", FIELDS);
    assertError(
        source,
        "@Retain(days = 0) would keep rows less than a day; give the number of days to keep them, at least 1, for"
            + " example @Retain(days = 90, after = \"timestamp\")",
        "@Retain(days = 0");
  }

  @Test
  void retentionAfterAMisspelledColumnSuggestsTheDateTimeColumn() {
    JavaFileObject source = message("@Retain(days = 90, after = \"timestmp\")\n", FIELDS);
    assertError(
        source,
        "@Retain(after = \"timestmp\") names no column or field of Message; did you mean \"timestamp\"? name one of its"
            + " date/time columns: timestamp, sent_on, created_at, updated_at",
        "@Retain(days = 90");
  }

  @Test
  void retentionAfterAnUnknownColumnListsTheDateTimeColumns() {
    JavaFileObject source = message("@Retain(days = 90, after = \"expiry\")\n", FIELDS);
    assertError(
        source,
        "@Retain(after = \"expiry\") names no column or field of Message; name one of its date/time columns:"
            + " timestamp, sent_on, created_at, updated_at",
        "after = \"expiry\"");
  }

  @Test
  void retentionAfterATextColumn() {
    JavaFileObject source = message("@Retain(days = 90, after = \"note\")\n", FIELDS);
    assertError(
        source,
        "@Retain(after = \"note\") names column note (TEXT), which holds no date or time; name one of Message's"
            + " date/time columns (Instant, OffsetDateTime, LocalDateTime, LocalDate): timestamp, sent_on, created_at,"
            + " updated_at",
        "after = \"note\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"long", "Integer", "UUID", "boolean", "String"})
  void retentionAfterAnyNonTemporalColumn(String type) {
    JavaFileObject source =
        message("@Retain(days = 90, after = \"expires\")\n", "    " + type + " expires\n");
    assertError(source, "which holds no date or time", "after = \"expires\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Instant", "OffsetDateTime", "LocalDateTime", "LocalDate"})
  void retentionAfterEachTemporalTypeByFieldName(String type) throws IOException {
    Compilation compilation =
        compile(message("@Retain(days = 7, after = \"sentOn\")\n", "    " + type + " sentOn\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation, "Message")).contains(".withRetention(new Retention(7, \"sent_on\"))");
  }

  @Test
  void retentionAfterTheMaintainedCreatedAt() throws IOException {
    Compilation compilation = compile(message("@Retain(days = 730, after = \"created_at\")\n", "    String note\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation, "Message")).contains(".withRetention(new Retention(730, \"created_at\"))");
  }

  /** The field's own error is the one to fix; the retention naming it is not reported as well. */
  @Test
  void retentionAfterAFieldWithAnErrorIsNotReportedTwice() {
    JavaFileObject source =
        message("@Retain(days = 90, after = \"seenAt\")\n", "    java.util.Date seenAt\n");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("unsupported field type java.util.Date").inFile(source)
        .onLineContaining("java.util.Date seenAt");
  }

  @Test
  void aModelWithoutRetainHasNoRetention() throws IOException {
    Compilation compilation = compile(message("", "    String note\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation, "Message")).doesNotContain("Retention");
  }

  // @Pii(scrub = true)

  @Test
  void scrubOnANumber() {
    JavaFileObject source = message("", "    @Pii(scrub = true) int age\n");
    assertError(
        source,
        "@Pii(scrub = true) scrubs text, but age is int; write @Pii without scrub on it (its value still never"
            + " appears in logs), or put scrub = true on a String field",
        "@Pii(scrub = true) int age");
  }

  @Test
  void scrubOnJson() {
    JavaFileObject source = message("", "    @Json @Pii(scrub = true) Map<String, Object> context\n");
    assertError(source, "@Pii(scrub = true) scrubs text, but context is java.util.Map", "Map<String, Object> context");
  }

  @Test
  void scrubOnTheKey() {
    JavaFileObject source = model(
        "Contact", "@Model\npublic record Contact(\n    @Id @Pii(scrub = true) String email,\n    String name) {}\n");
    assertError(
        source,
        "@Pii(scrub = true) cannot go on email, which identifies a row (the key): scrubbed values such as [EMAIL]"
            + " would collide or point nowhere; write @Pii without scrub on it",
        "String email");
  }

  @Test
  void scrubOnAUniqueColumn() {
    JavaFileObject source = message("", "    @Unique @Pii(scrub = true) String email\n");
    assertError(source, "cannot go on email, which identifies a row (@Unique)", "String email");
  }

  @Test
  void scrubOnAReference() {
    JavaFileObject account =
        model("Account", "@Model\npublic record Account(Long id, @Unique String email) {}\n");
    JavaFileObject source =
        message("", "    @References(value = Account.class, column = \"email\") @Pii(scrub = true) String email\n");
    assertError(source, "cannot go on email, which identifies a row (@References)", "String email", account);
  }

  @Test
  void scrubbedColumnsAreMarkedInTheDescriptor() throws IOException {
    Compilation compilation =
        compile(message("", "    @Pii(scrub = true) String content,\n    @Pii String userId,\n    String note\n"));
    assertThat(compilation).succeededWithoutWarnings();
    String schema = schema(compilation, "Message");
    assertThat(schema).contains(
        "ColumnDescriptor.column(\"content\", \"content\", JavaType.STRING, \"TEXT\").asPii().asScrubbed(),");
    assertThat(schema).contains("ColumnDescriptor.column(\"user_id\", \"userId\", JavaType.STRING, \"TEXT\").asPii(),");
    assertThat(schema).contains("ColumnDescriptor.column(\"note\", \"note\", JavaType.STRING, \"TEXT\"),");
  }

  // @PiiScrubbed

  @Test
  void piiScrubbedOnText() {
    JavaFileObject source = message("", FIELDS + "    , @PiiScrubbed String scrubbed\n");
    assertError(
        source,
        "@PiiScrubbed marks the boolean that records a write ran the PII scrubber over the row, but scrubbed is"
            + " java.lang.String; declare it boolean scrubbed or remove @PiiScrubbed",
        "@PiiScrubbed String scrubbed");
  }

  @Test
  void twoPiiScrubbedFlags() {
    JavaFileObject source =
        message("", FIELDS + "    , @PiiScrubbed boolean piiScrubbed,\n    @PiiScrubbed Boolean cleaned\n");
    assertError(
        source,
        "more than one @PiiScrubbed: piiScrubbed is already the row's scrubbed flag; remove @PiiScrubbed from cleaned",
        "@PiiScrubbed Boolean cleaned");
  }

  /** The seed's model before scrubbing: {@code @Pii} alone on the text, and a flag nothing would ever set. */
  @Test
  void piiScrubbedWithNothingToScrub() {
    JavaFileObject source =
        message("", "    @Pii String content,\n    @PiiScrubbed boolean piiScrubbed\n");
    assertError(
        source,
        "@PiiScrubbed on piiScrubbed would never be set: no field of Message is @Pii(scrub = true); mark the text it"
            + " records as scrubbed @Pii(scrub = true), or remove @PiiScrubbed",
        "@PiiScrubbed boolean piiScrubbed");
  }

  /** A misplaced scrub = true is the one error: the flag next to it is not reported as never set. */
  @Test
  void aWrongScrubIsReportedOnce() {
    JavaFileObject source =
        message("", "    @Pii(scrub = true) int age,\n    @PiiScrubbed boolean piiScrubbed\n");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("@Pii(scrub = true) scrubs text").inFile(source)
        .onLineContaining("int age");
  }

  @Test
  void theFlagIsMarkedInTheDescriptor() throws IOException {
    Compilation compilation = compile(
        message("", FIELDS + "    , @PiiScrubbed @Column(defaultValue = \"false\") boolean piiScrubbed\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(schema(compilation, "Message"))
        .contains("ColumnDescriptor.column(\"pii_scrubbed\", \"piiScrubbed\", JavaType.BOOLEAN, \"BOOLEAN\").notNull()"
            + ".withDefault().asPiiScrubbedFlag(),");
  }

  // The schema

  @Test
  void noneOfThemChangesTheSchema(@TempDir Path dir) throws IOException {
    JavaFileObject plain =
        model("Doc", "@Model\npublic record Doc(Long id, @Pii String body, Instant sentAt, boolean cleaned) {}\n");
    assertThat(Migrations.generate(dir, plain)).succeeded();
    Map<String, String> files = Migrations.files(dir);

    JavaFileObject annotated = model(
        "Doc",
        "@Model\n@Retain(days = 30, after = \"sentAt\")\n"
            + "public record Doc(Long id, @Pii(scrub = true) String body, Instant sentAt,"
            + " @PiiScrubbed boolean cleaned) {}\n");
    assertThat(Migrations.check(dir, annotated)).succeeded();
    assertThat(Migrations.generate(dir, annotated)).succeeded();
    assertThat(Migrations.files(dir)).isEqualTo(files);
    String snapshot = files.get("dataflow-schema.json");
    assertThat(snapshot).doesNotContain("scrub");
    assertThat(snapshot).doesNotContain("retain");
  }
}
