package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
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
  void inAMultiModuleBuildTheCommandNamesTheModuleAndTheRoot(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project><modules>\n  <module>shop</module>\n</modules></project>");
    Path folder = root.resolve("shop/src/main/resources/db/migration");
    Files.createDirectories(folder);
    Files.writeString(root.resolve("shop/pom.xml"), "<project/>");

    Compilation compilation = Migrations.check(folder, item("    String code"));

    assertThat(compilation)
        .hadErrorContaining(
            "To write the migration, run: mvn -pl shop -am compile -Ddataflow.migrations.mode=generate"
                + " [-Ddataflow.migrations.description=\"what changed\"] from the root of the build, " + root);
  }

  @Test
  void aModuleOfAModuleIsNamedByItsPathFromTheRoot(@TempDir Path root) throws IOException {
    Files.writeString(root.resolve("pom.xml"), "<project><modules><module>apps</module></modules></project>");
    Files.createDirectories(root.resolve("apps/shop/src/main/resources/db/migration"));
    Files.writeString(root.resolve("apps/pom.xml"), "<project><modules><module> shop </module></modules></project>");
    Files.writeString(root.resolve("apps/shop/pom.xml"), "<project/>");

    Compilation compilation = Migrations.check(root.resolve("apps/shop/src/main/resources/db/migration"),
        item("    String code"));

    assertThat(compilation).hadErrorContaining("run: mvn -pl apps/shop -am compile -Ddataflow.migrations.mode=generate");
  }

  @Test
  void inAProjectOfItsOwnTheCommandIsAPlainCompile(@TempDir Path root) throws IOException {
    // A pom.xml above that does not list the project (a folder of unrelated projects) does not make it a module.
    Files.writeString(root.resolve("pom.xml"), "<project><modules><module>other</module></modules></project>");
    Path project = root.resolve("notes");
    Files.createDirectories(project.resolve("src/main/resources/db/migration"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");

    Compilation compilation = Migrations.check(project.resolve("src/main/resources/db/migration"),
        item("    String code"));

    assertThat(compilation)
        .hadErrorContaining(
            "To write the migration, run: mvn compile -Ddataflow.migrations.mode=generate"
                + " [-Ddataflow.migrations.description=\"what changed\"] in " + project);
    assertThat(compilation).hadErrorContaining("(plain javac: -Adataflow.migrations.mode=generate)");
  }

  @Test
  void aGeneratedMigrationIsAlsoWrittenToTheClassOutputSoTheSameBuildsRunFindsIt(@TempDir Path project) {
    Path folder = project.resolve("src/main/resources/db/migration");

    Compilation compilation = Migrations.generate(folder, item("    String code"));

    assertThat(compilation).succeeded();
    Map<String, String> written = Migrations.files(folder);
    assertThat(written.keySet()).containsExactly("V1__create_items.sql", "dataflow-schema.json");
    for (Map.Entry<String, String> file : written.entrySet()) {
      assertThat(compilation)
          .generatedFile(StandardLocation.CLASS_OUTPUT, "db/migration/" + file.getKey())
          .contentsAsUtf8String()
          .isEqualTo(file.getValue());
    }
    assertThat(compilation).hadNoteContaining("Also written to the class output (db/migration/), so a run in this "
        + "build applies it.");
  }

  @Test
  void checkModeWritesNoMigrationToTheClassOutput(@TempDir Path project) {
    Path folder = project.resolve("src/main/resources/db/migration");
    assertThat(Migrations.generate(folder, item("    String code"))).succeeded();

    Compilation compilation = Migrations.check(folder, item("    String code"));

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation.generatedFiles().stream().map(JavaFileObject::getName)
        .filter(name -> name.contains("db/migration")).toList()).isEmpty();
  }

  @Test
  void aFolderOutsideTheResourcesSaysToBuildAgainBeforeRunning() {
    Compilation compilation = Migrations.generate(dir, item("    String code"));

    assertThat(compilation).succeeded();
    assertThat(compilation).hadNoteContaining("build again before running");
    assertThat(compilation.generatedFiles().stream().map(JavaFileObject::getName)
        .filter(name -> name.contains("V1__")).toList()).isEmpty();
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
