package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;
import static dev.dataflow.processor.Sources.outlet;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every mistake in a model is a compile error at the offending line that says what to write instead. */
class CompileErrorsTest {

  private static void assertError(JavaFileObject source, String message, String line, JavaFileObject... others) {
    JavaFileObject[] all = new JavaFileObject[others.length + 1];
    all[0] = source;
    System.arraycopy(others, 0, all, 1, others.length);
    Compilation compilation = compile(all);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  @Test
  void javaUtilDateSuggestsInstant() {
    JavaFileObject source =
        model("Visit", "@Model\npublic record Visit(\n    Long id,\n    java.util.Date seenAt) {}\n");
    assertError(source, "unsupported field type java.util.Date; use java.time.Instant", "java.util.Date seenAt");
  }

  @Test
  void charSuggestsString() {
    JavaFileObject source = model("Grade", "@Model\npublic record Grade(\n    Long id,\n    char letter) {}\n");
    assertError(source, "unsupported field type char; use String", "char letter");
  }

  @Test
  void mapWithoutJsonSuggestsJson() {
    JavaFileObject source =
        model("Doc", "@Model\npublic record Doc(\n    Long id,\n    Map<String, Object> meta) {}\n");
    assertError(source, "add @Json to store it as JSONB", "Map<String, Object> meta");
  }

  @Test
  void jsonOnStringIsAnError() {
    JavaFileObject source = model("Doc", "@Model\npublic record Doc(\n    Long id,\n    @Json String body) {}\n");
    assertError(source, "@Json is for Map, List or record types; remove @Json to store", "@Json String body");
  }

  @Test
  void jsonOnSetIsAnError() {
    JavaFileObject source = model("Doc", "@Model\npublic record Doc(\n    Long id,\n    @Json Set<String> tags) {}\n");
    assertError(source, "@Json cannot store java.util.Set<java.lang.String>", "@Json Set<String> tags");
  }

  @Test
  void twoFieldsOnOneColumn() {
    JavaFileObject source =
        model(
            "Person",
            "@Model\npublic record Person(\n    Long id,\n    String userId,\n    @Column(name = \"user_id\") String"
                + " other) {}\n");
    assertError(source, "maps to column user_id, which field userId already uses", "String other");
  }

  @Test
  void tableNameOver63Bytes() {
    String table = "t".repeat(64);
    JavaFileObject source =
        model("Long1", "@Model(table = \"" + table + "\")\npublic record Long1(Long id) {}\n");
    assertError(source, "longer than PostgreSQL's 63-byte limit; choose a shorter @Model(table", "@Model(table");
  }

  @Test
  void columnNameNotAnIdentifier() {
    JavaFileObject source =
        model("Odd", "@Model\npublic record Odd(\n    Long id,\n    @Column(name = \"bad-name\") String x) {}\n");
    assertError(source, "column name \"bad-name\" is not a valid identifier", "bad-name");
  }

  @Test
  void columnNameOver63Bytes() {
    String column = "c".repeat(64);
    JavaFileObject source =
        model("Odd", "@Model\npublic record Odd(\n    Long id,\n    @Column(name = \"" + column + "\") String x) {}\n");
    assertError(source, "column name " + column + " is longer than PostgreSQL's 63-byte limit", column);
  }

  @Test
  void referencesToNonModel() {
    JavaFileObject plain = model("Plain", "public record Plain(Long id) {}\n");
    JavaFileObject source =
        model("Child", "@Model\npublic record Child(\n    Long id,\n    @References(Plain.class) Long plainId) {}\n");
    assertError(source, "points to a class that is not a @Model; annotate dev.dataflow.models.Plain with @Model", "plainId", plain);
  }

  @Test
  void twoModelsOneTable() {
    JavaFileObject first = model("First", "@Model(table = \"things\")\npublic record First(Long id) {}\n");
    JavaFileObject second =
        model("Second", "@Model(table = \"things\")\npublic record Second(Long id) {}\n");
    Compilation compilation = compile(first, second);
    assertThat(compilation)
        .hadErrorContaining("table things is already used by model dev.dataflow.models.First")
        .inFile(second)
        .onLineContaining("record Second");
  }

  @Test
  void modelOnInterface() {
    JavaFileObject source = model("Shape", "@Model\npublic interface Shape {}\n");
    assertError(source, "@Model cannot go on an interface; put it on a record", "@Model");
  }

  @Test
  void modelOnEnum() {
    JavaFileObject source = model("Color", "@Model\npublic enum Color { RED }\n");
    assertError(source, "@Model cannot go on an enum", "@Model");
  }

  @Test
  void modelOnAbstractClass() {
    JavaFileObject source = model("Base", "@Model\npublic abstract class Base {\n  Long id;\n}\n");
    assertError(source, "@Model cannot go on an abstract class", "abstract class Base");
  }

  @Test
  void modelOnInnerClass() {
    JavaFileObject source =
        model("Outer", "public class Outer {\n  @Model\n  public class Inner {\n    Long id;\n  }\n}\n");
    assertError(source, "@Model cannot go on a non-static inner class; declare it static class Inner", "class Inner");
  }

  @Test
  void twoIds() {
    JavaFileObject source =
        model("Pair", "@Model\npublic record Pair(\n    @Id UUID a,\n    @Id UUID b) {}\n");
    assertError(source, "more than one @Id: a is already the key; remove @Id from b", "@Id UUID b");
  }

  @Test
  void fieldOnCreatedAt() {
    JavaFileObject source =
        model("Event", "@Model\npublic record Event(\n    Long id,\n    Instant createdAt) {}\n");
    assertError(source, "column created_at is reserved", "Instant createdAt");
  }

  @Test
  void columnNamedUpdatedAt() {
    JavaFileObject source =
        model("Event", "@Model\npublic record Event(\n    Long id,\n    @Column(name = \"updated_at\") Instant changed) {}\n");
    assertError(source, "column updated_at is reserved", "Instant changed");
  }

  @Test
  void columnNamedLikeACreateParameter() {
    JavaFileObject source =
        model("Deal", "@Model\npublic record Deal(\n    Long id,\n    String onConflict) {}\n");
    assertError(source, "column on_conflict has the name of a parameter of the model's Create", "String onConflict");
    JavaFileObject renamed = model("Deal",
        "@Model\npublic record Deal(\n    Long id,\n    @Column(name = \"conflict_columns\") String keys) {}\n");
    assertError(renamed, "map field keys to another column with @Column(name = \"...\")", "String keys");
  }

  @Test
  void lengthOnNonString() {
    JavaFileObject source =
        model("Item", "@Model\npublic record Item(\n    Long id,\n    @Column(length = 10) Integer count) {}\n");
    assertError(source, "@Column(length) is only for String fields", "Integer count");
  }

  @Test
  void precisionOnNonBigDecimal() {
    JavaFileObject source =
        model("Item", "@Model\npublic record Item(\n    Long id,\n    @Column(precision = 10, scale = 2) Double price) {}\n");
    assertError(source, "@Column(precision, scale) is only for BigDecimal fields", "Double price");
  }

  @Test
  void foreignKeyTypeMismatch() {
    JavaFileObject source =
        model("Shop", "@Model\npublic record Shop(\n    Long id,\n    @References(Outlet.class) Integer outletId) {}\n");
    assertError(source, "but the key id of Outlet is Long; declare outletId as Long", "Integer outletId", outlet());
  }

  @Test
  void setNullOnNotNullColumn() {
    JavaFileObject source =
        model(
            "Shop",
            "@Model\npublic record Shop(\n    Long id,\n    @References(value = Outlet.class, onDelete ="
                + " OnDelete.SET_NULL) long outletId) {}\n");
    assertError(source, "onDelete = SET_NULL needs a nullable column, but outlet_id is NOT NULL", "long outletId", outlet());
  }

  @Test
  void unknownColumnInIndex() {
    JavaFileObject source =
        model(
            "Note",
            "@Model\n@Index(columns = {\"title\", \"nope\"})\npublic record Note(\n    Long id,\n    String title) {}\n");
    assertError(source, "unknown column \"nope\" in @Index; name a column or field of Note: id, title", "\"nope\"");
  }

  @Test
  void unknownColumnInRepeatedIndex() {
    JavaFileObject source =
        model(
            "Note",
            "@Model\n@Index(columns = \"title\")\n@Index(columns = \"missing\")\npublic record Note(\n    Long id,\n"
                + "    String title) {}\n");
    // javac cannot locate one @Index inside the implicit @Indexes container, so the error lands on the class.
    assertError(source, "unknown column \"missing\" in @Index", "public record Note(");
  }

  @Test
  void unresolvedTypeAtTheEnd() {
    JavaFileObject source =
        model("Ghost", "@Model\npublic record Ghost(\n    Long id,\n    @Json NoSuchType payload) {}\n");
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("NoSuchType");
  }

  @Test
  void oneBadModelDoesNotStopTheOthers() {
    JavaFileObject bad = model("Bad", "@Model\npublic record Bad(\n    Long id,\n    char c) {}\n");
    // Refers to Outlet's generated code: had the processor stopped at Bad, this would not compile either.
    JavaFileObject user = model("UsesOutlet", "class UsesOutlet {\n  Object table = OutletSchema.TABLE;\n}\n");
    Compilation compilation = compile(bad, outlet(), user);
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("use String").inFile(bad).onLineContaining("char c");
  }

  @Test
  void indexNameOver63Bytes() {
    String name = "i".repeat(64);
    JavaFileObject source =
        model(
            "Note",
            "@Model\n@Index(columns = \"title\", name = \""
                + name
                + "\")\npublic record Note(\n    Long id,\n    String title) {}\n");
    assertError(source, "index name " + name + " is longer than PostgreSQL's 63-byte limit", name);
  }
}
