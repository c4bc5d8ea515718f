package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changes that could lose data are build errors at the field or model to change, with the annotation or the way out
 * in the message; and nothing is written to the migration folder.
 */
class MigrationErrorsTest {
  @TempDir Path dir;

  /** Item with these fields after the key, and the nested enum Level with these constants. */
  private static JavaFileObject item(String annotations, String fields, String levels) {
    return model(
        "Item",
        annotations
            + "@Model\npublic record Item(\n    Long id,\n"
            + fields
            + ") {\n  public enum Level { "
            + levels
            + " }\n}\n");
  }

  private static JavaFileObject item(String annotations, String fields) {
    return item(annotations, fields, "LOW, HIGH");
  }

  private static final String LEVEL = "    @Column(nullable = false) Level level";
  private static final JavaFileObject V1 =
      item("", "    @Column(length = 100) String code,\n    Long quantity,\n    String note,\n" + LEVEL);

  private static JavaFileObject tag() {
    return model("Tag", "@Model\npublic record Tag(Long id, String label) {}\n");
  }

  /** Generates the first version, then compiles {@code next} in generate mode and returns the failed compilation. */
  private Compilation evolveTo(JavaFileObject... next) {
    assertThat(Migrations.generate(dir, V1, tag())).succeeded();
    Map<String, String> before = Migrations.files(dir);
    Compilation compilation = Migrations.generate(dir, next);
    assertThat(compilation).failed();
    assertThat(Migrations.files(dir)).isEqualTo(before);
    return compilation;
  }

  @Test
  void undeclaredDropShowsBothAnnotations() {
    JavaFileObject next =
        item(
            "",
            "    @Column(length = 100) String code,\n    Long quantity,\n" + LEVEL);
    Compilation compilation = evolveTo(next, tag());
    assertThat(compilation)
        .hadErrorContaining(
            "column items.note is in the committed schema snapshot, but no field maps to it any more. If a field"
                + " replaces it, declare the rename on that field: @RenamedFrom(\"note\"). If the column and its"
                + " data should be dropped, declare it on this model: @DroppedColumns(\"note\")")
        .inFile(next)
        .onLineContaining("public record Item(");
  }

  @Test
  void undeclaredRenameNamesTheCandidate() {
    JavaFileObject next =
        item(
            "",
            "    @Column(length = 100) String code,\n    Long quantity,\n    String remark,\n" + LEVEL);
    Compilation compilation = evolveTo(next, tag());
    assertThat(compilation)
        .hadErrorContaining(
            "If the new column remark replaces it, declare the rename on that field: @RenamedFrom(\"note\")")
        .inFile(next)
        .onLineContaining("public record Item(");
    assertThat(compilation).hadErrorContaining("@DroppedColumns(\"note\")");
  }

  @Test
  void undeclaredTableDrop() {
    Compilation compilation = evolveTo(V1);
    assertThat(compilation)
        .hadErrorContaining(
            "table tags is in the committed schema snapshot, but no @Model maps to it any more. If a model now uses"
                + " another table name, declare the rename on that model: @RenamedFrom(\"tags\"). If the table and"
                + " all its rows should be dropped, declare it on any class or package-info of this module:"
                + " @DroppedTables(\"tags\")");
  }

  @Test
  void declaredTableDropOnAPackageInfo() {
    assertThat(Migrations.generate(dir, V1, tag())).succeeded();
    JavaFileObject packageInfo =
        JavaFileObjects.forSourceString(
            "dev.dataflow.models.package-info",
            "@DroppedTables(\"tags\")\npackage dev.dataflow.models;\n\nimport dev.dataflow.annotations.DroppedTables;\n");
    Compilation compilation = Migrations.generate(dir, V1, packageInfo);
    assertThat(compilation).succeeded();
    assertThat(Migrations.files(dir).get("V2__drop_tags.sql")).endsWith("\ndrop table \"tags\";\n");
  }

  @Test
  void notNullWithoutDefaultOnAnExistingTable() {
    JavaFileObject next =
        item(
            "",
            "    @Column(length = 100) String code,\n    @Column(nullable = false) String status,\n"
                + "    Long quantity,\n    String note,\n"
                + LEVEL);
    Compilation compilation = evolveTo(next, tag());
    assertThat(compilation)
        .hadErrorContaining(
            "new column items.status is NOT NULL without a default, but table items may already have rows, which"
                + " would have no value for it. Give it a default, for example @Column(defaultValue = \"0\")")
        .inFile(next)
        .onLineContaining("String status");
    assertThat(compilation).hadErrorContaining("or make it nullable (a boxed type such as Integer");
  }

  @Test
  void primitiveWithoutDefaultOnAnExistingTable() {
    JavaFileObject next =
        item("", "    @Column(length = 100) String code,\n    int rank,\n    Long quantity,\n    String note,\n" + LEVEL);
    assertThat(evolveTo(next, tag()))
        .hadErrorContaining("new column items.rank is NOT NULL without a default")
        .inFile(next)
        .onLineContaining("int rank");
  }

  @Test
  void narrowingIsRefusedWithTheWayOut() {
    JavaFileObject next =
        item("", "    @Column(length = 20) String code,\n    Integer quantity,\n    String note,\n" + LEVEL);
    Compilation compilation = evolveTo(next, tag());
    assertThat(compilation)
        .hadErrorContaining(
            "changing column items.code from VARCHAR(100) to VARCHAR(20) is not a safe widening: existing values"
                + " could be cut, rounded or rejected, so it is not generated. Keep the old type; or add a new"
                + " field with the new type, copy and convert the values in a hand-written migration, and then"
                + " remove the old field and declare @DroppedColumns(\"code\") on the model")
        .inFile(next)
        .onLineContaining("String code");
    assertThat(compilation)
        .hadErrorContaining("changing column items.quantity from BIGINT to INTEGER is not a safe widening")
        .inFile(next)
        .onLineContaining("Integer quantity");
  }

  @Test
  void nullableToNotNullIsRefused() {
    JavaFileObject next =
        item(
            "",
            "    @Column(length = 100) String code,\n    @Column(nullable = false) Long quantity,\n"
                + "    String note,\n"
                + LEVEL);
    assertThat(evolveTo(next, tag()))
        .hadErrorContaining("column items.quantity changed from nullable to NOT NULL; rows that hold NULL")
        .inFile(next)
        .onLineContaining("Long quantity");
  }

  @Test
  void removingAnEnumValueIsRefused() {
    JavaFileObject next =
        item("", "    @Column(length = 100) String code,\n    Long quantity,\n    String note,\n" + LEVEL, "HIGH");
    assertThat(evolveTo(next, tag()))
        .hadErrorContaining("enum column items.level lost the values [LOW]; rows may still hold them")
        .inFile(next)
        .onLineContaining("Level level");
  }

  @Test
  void addingAnEnumValueReplacesTheCheck() {
    assertThat(Migrations.generate(dir, V1, tag())).succeeded();
    JavaFileObject next =
        item(
            "",
            "    @Column(length = 100) String code,\n    Long quantity,\n    String note,\n" + LEVEL,
            "LOW, HIGH, URGENT");
    assertThat(Migrations.generate(dir, next, tag())).succeeded();
    assertThat(Migrations.files(dir).get("V2__allow_items_level_values.sql"))
        .endsWith(
            "-- Changes:\n"
                + "--   drop check constraint ck_items_level on items\n"
                + "--   add check constraint ck_items_level on items: level in [LOW, HIGH, URGENT]\n"
                + "\n"
                + "alter table \"items\" drop constraint \"ck_items_level\";\n"
                + "\n"
                + "alter table \"items\" add constraint \"ck_items_level\" check (\"level\" in ('LOW', 'HIGH', 'URGENT'));\n");
  }

  @Test
  void declaredDropOfAColumnStillMapped() {
    JavaFileObject next =
        item(
            "@DroppedColumns(\"code\")\n",
            "    @Column(length = 100) String code,\n    Long quantity,\n    String note,\n" + LEVEL);
    assertThat(evolveTo(next, tag()))
        .hadErrorContaining(
            "column items.code is declared in @DroppedColumns, but a field still maps to it; remove \"code\" from"
                + " @DroppedColumns, or remove the field")
        .inFile(next)
        .onLineContaining("String code");
  }
}
