package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Check mode fails the build when models and migrations drift, and writes nothing (Django's makemigrations --check). */
class MigrationCheckTest {
  @TempDir Path dir;

  private static JavaFileObject item(String fields) {
    return model("Item", "@Model\npublic record Item(\n    Long id,\n" + fields + ") {}\n");
  }

  @Test
  void passesWithoutDrift() {
    assertThat(Migrations.generate(dir, item("    String code"))).succeeded();
    Map<String, String> before = Migrations.files(dir);
    Compilation compilation = Migrations.check(dir, item("    String code"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(Migrations.files(dir)).isEqualTo(before);
  }

  @Test
  void failsOnDriftListingTheChangesAndTheCommand() {
    assertThat(Migrations.generate(dir, item("    String code"))).succeeded();
    Map<String, String> before = Migrations.files(dir);
    Compilation compilation = Migrations.check(dir, item("    String code,\n    String note"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "the @Model classes differ from the committed schema snapshot " + dir.resolve("dataflow-schema.json"));
    assertThat(compilation).hadErrorContaining("add column items.note TEXT");
    assertThat(compilation).hadErrorContaining("To write the migration, run: javac -Adataflow.migrations.mode=generate");
    assertThat(Migrations.files(dir)).isEqualTo(before);
  }

  @Test
  void failsWhenThereIsNoSnapshotYet() {
    Compilation compilation = Migrations.check(dir, item("    String code"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("create table items");
    assertThat(Migrations.files(dir)).isEmpty();
  }

  @Test
  void commandNamesTheMavenModuleOfTheFolder(@TempDir Path root) {
    Path folder = root.resolve("shop/src/main/resources/db/migration");
    Compilation compilation = Migrations.check(folder, item("    String code"));
    assertThat(compilation)
        .hadErrorContaining(
            "To write the migration, run: mvn -pl shop -am compile -Ddataflow.migrations.mode=generate"
                + " [-Ddataflow.migrations.description=\"what changed\"]");
  }

  @Test
  void generateWithoutChangesSaysSoAndWritesNothing() {
    assertThat(Migrations.generate(dir, item("    String code"))).succeeded();
    Map<String, String> before = Migrations.files(dir);
    Compilation compilation = Migrations.generate(dir, item("    String code"));
    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("the models match");
    assertThat(compilation).hadNoteContaining("no migration written");
    assertThat(Migrations.files(dir)).isEqualTo(before);
  }

  @Test
  void descriptionOptionIsSanitised() {
    Compilation compilation =
        com.google.testing.compile.Compiler.javac()
            .withProcessors(new DataFlowProcessor())
            .withOptions(
                "-Adataflow.migrations.dir=" + dir,
                "-Adataflow.migrations.mode=generate",
                "-Adataflow.migrations.description=Create the Items table!")
            .compile(item("    String code"));
    assertThat(compilation).succeeded();
    assertThat(Migrations.files(dir).keySet())
        .containsExactly("V1__create_the_items_table.sql", "dataflow-schema.json");
  }

  @Test
  void versionFollowsTheHighestExistingMigration() throws Exception {
    java.nio.file.Files.createDirectories(dir);
    java.nio.file.Files.writeString(dir.resolve("V7__hand_written.sql"), "select 1;\n");
    java.nio.file.Files.writeString(dir.resolve("V3_1__older.sql"), "select 1;\n");
    assertThat(Migrations.generate(dir, item("    String code"))).succeeded();
    assertThat(Migrations.files(dir)).containsKey("V8__create_items.sql");
  }

  @Test
  void unknownModeIsAnError() {
    Compilation compilation = Migrations.compile(dir, "apply", item("    String code"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("-Adataflow.migrations.mode=apply is not a mode; use check (the default) or generate");
  }

  @Test
  void anUnresolvedBuildPropertyAsksForItsDefinition() {
    Compilation compilation = Migrations.compile(dir, "${dataflow.migrations.mode}", item("    String code"));
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("-Adataflow.migrations.mode=${dataflow.migrations.mode} holds the build"
        + " property ${dataflow.migrations.mode}, which is not defined: define the property dataflow.migrations.mode"
        + " (for example in <properties>");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutTheFolderOptionNothingIsCompared() {
    assertThat(compile(item("    String code"))).succeededWithoutWarnings();
  }
}
