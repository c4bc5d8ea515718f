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

/** {@code @Version}: where it may go, the column it gets and the update it makes; {@code @Pii} on the descriptor. */
class VersionAndPiiTest {

  private static void assertError(JavaFileObject source, String message, String line) {
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
  }

  private static String generated(Compilation compilation, String className) throws IOException {
    return compilation
        .generatedFile(StandardLocation.SOURCE_OUTPUT, "dev/dataflow/models/" + className + ".java")
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }

  @Test
  void versionOnAStringIsAnError() {
    JavaFileObject source =
        model("Doc", "@Model\npublic record Doc(\n    Long id,\n    @Version String version) {}\n");
    assertError(
        source,
        "@Version needs an int, Integer, long or Long field, but version is java.lang.String; declare it as long"
            + " version",
        "@Version String version");
  }

  @Test
  void versionOnADoubleInAClassIsAnError() {
    JavaFileObject source =
        model("Doc", "@Model\npublic class Doc {\n  Long id;\n  @Version double revision;\n}\n");
    assertError(source, "@Version needs an int, Integer, long or Long field", "@Version double revision");
  }

  @Test
  void twoVersionsAreAnError() {
    JavaFileObject source =
        model(
            "Doc",
            "@Model\npublic record Doc(\n    Long id,\n    @Version long version,\n    @Version int revision) {}\n");
    assertError(
        source,
        "more than one @Version: version is already the row version; remove @Version from revision",
        "@Version int revision");
  }

  @Test
  void versionOnTheKeyIsAnError() {
    JavaFileObject source =
        model("Doc", "@Model\npublic record Doc(\n    @Id @Version Long id,\n    String title) {}\n");
    assertError(
        source,
        "@Version cannot go on the key id; add a separate field for the row version, for example @Version long"
            + " version",
        "@Id @Version Long id");
  }

  @Test
  void versionDecidesItsOwnDefault() {
    JavaFileObject source =
        model(
            "Doc",
            "@Model\npublic record Doc(\n    Long id,\n    @Version @Column(defaultValue = \"0\") long version) {}\n");
    assertError(source, "@Column(defaultValue) does not apply to the @Version field version", "defaultValue = \"0\"");
  }

  @Test
  void anotherColumnNamedVersionClashesWithTheParameter() {
    JavaFileObject source =
        model(
            "Doc",
            "@Model\npublic record Doc(\n    Long id,\n    @Version int revision,\n    String version) {}\n");
    assertError(source, "clashes with the version parameter", "String version");
  }

  @Test
  void versionedModelBumpsAndChecksTheVersionInItsUpdate() throws IOException {
    JavaFileObject source =
        model(
            "Doc",
            "@Model\npublic record Doc(\n    Long id,\n    String title,\n    @Pii String author,\n"
                + "    @Version int version) {}\n");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String schema = Sources.joinedLiterals(generated(compilation, "DocSchema"));
    String all = "\\\"id\\\", \\\"title\\\", \\\"author\\\", \\\"version\\\", \\\"created_at\\\", \\\"updated_at\\\"";
    assertThat(schema)
        .contains(
            "UPDATE_BY_ID = \"update \\\"docs\\\" set \\\"title\\\" = ?, \\\"author\\\" = ?,"
                + " \\\"version\\\" = \\\"version\\\" + 1, \\\"updated_at\\\" = now()"
                + " where (\\\"id\\\" = ? and \\\"version\\\" = ?) returning " + all + "\"");
    assertThat(schema)
        .contains(
            "INSERT = \"insert into \\\"docs\\\" (\\\"title\\\", \\\"author\\\", \\\"created_at\\\","
                + " \\\"updated_at\\\") values (?, ?, now(), now()) returning " + all + "\"");
    assertThat(schema).contains("\\\"version\\\" INTEGER not null default 1");
    assertThat(schema)
        .contains(
            "ColumnDescriptor.column(\"version\", \"version\", JavaType.INT, \"INTEGER\").notNull().asGenerated()"
                + ".withDefault().asVersion(),");
    assertThat(schema).contains("ColumnDescriptor.column(\"author\", \"author\", JavaType.STRING, \"TEXT\").asPii(),");
    assertThat(schema).contains("List.of(\"title\", \"author\")");

    String update = generated(compilation, "DocUpdateNode");
    assertThat(update).contains("public Params version(Integer version)");
    assertThat(update).contains("Column {@code author} (TEXT, personal data");
    assertThat(update).doesNotContain("setIn(CrudNode.FIELDS, \"version\"");
    assertThat(update).contains("setIn(CrudNode.FIELDS, \"title\", title)");
    String create = generated(compilation, "DocCreateNode");
    assertThat(create).doesNotContain("Params version(");
    // onConflict(String) and conflictColumns(String...) come from the runtime bases, once for every model.
    assertThat(create).contains("public static final class Params extends CreateParams<Params>");
    assertThat(generated(compilation, "DocBulkCreateNode"))
        .contains("public static final class Params extends BulkCreateParams<Params>");
  }

  @Test
  void modelWithoutVersionKeepsThePlainUpdate() throws IOException {
    JavaFileObject source = model("Doc", "@Model\npublic record Doc(\n    Long id,\n    String title) {}\n");
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Sources.joinedLiterals(generated(compilation, "DocSchema")))
        .contains("set \\\"title\\\" = ?, \\\"updated_at\\\" = now() where \\\"id\\\" = ? returning");
    assertThat(generated(compilation, "DocUpdateNode")).doesNotContain("Params version(");
  }

  @Test
  void addingAVersionFieldIsAPlainMigrationAndPiiChangesNoSchema(@TempDir Path dir) throws IOException {
    assertThat(Migrations.generate(dir, model("Doc", "@Model\npublic record Doc(Long id, String title) {}\n")))
        .succeeded();
    JavaFileObject versioned =
        model("Doc", "@Model\npublic record Doc(Long id, @Pii String title, @Version long version) {}\n");
    assertThat(Migrations.generate(dir, versioned)).succeeded();
    Map<String, String> files = Migrations.files(dir);
    String migration = files.get("V2__add_docs_version.sql");
    assertThat(migration).isNotNull();
    assertThat(migration).contains("alter table \"docs\" add \"version\" BIGINT not null default 1;");
    String snapshot = files.get("dataflow-schema.json");
    assertThat(snapshot).doesNotContain("pii");
    assertThat(snapshot).doesNotContain("\"version\": true");

    // The same models again: check mode passes and the snapshot is byte-identical.
    assertThat(Migrations.check(dir, versioned)).succeeded();
    assertThat(Migrations.generate(dir, versioned)).succeeded();
    assertThat(Migrations.files(dir)).isEqualTo(files);
    // @Pii alone is not a schema change.
    assertThat(
            Migrations.check(
                dir, model("Doc", "@Model\npublic record Doc(Long id, String title, @Version long version) {}\n")))
        .succeeded();
  }
}
