package dev.dataflow.runtime.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command in start failures fits the build: the module and the root of a multi-module build, a plain compile in
 * a project of its own, and both forms when it cannot tell.
 */
class GenerateCommandTest {

  @Test
  void namesTheModuleAClassWasCompiledIntoAndTheRootToRunItFrom() {
    // dev.dataflow.runtime.DataFlow is compiled into runtime/target/classes; the tests run in runtime/.
    ModelDescriptor model = withClass(TestModels.WIDGET, "dev.dataflow.runtime.DataFlow");
    Path root = Path.of("").toAbsolutePath().getParent();

    assertEquals("mvn -pl runtime -am compile -Ddataflow.migrations.mode=generate in " + root,
        GenerateCommand.forModel(model));
  }

  @Test
  void givesBothFormsWhenTheClassCannotBeFound() {
    assertEquals("mvn compile -Ddataflow.migrations.mode=generate in the project of Widget (in a multi-module build, "
        + "from its root: mvn -pl <the module of Widget> -am compile -Ddataflow.migrations.mode=generate)",
        GenerateCommand.forModel(TestModels.WIDGET));
  }

  @Test
  void aModelCompiledInAProjectOfItsOwnGetsAPlainCompile(@TempDir Path tmp) throws Exception {
    Path project = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");
    String classFile = Marker.class.getName().replace('.', '/') + ".class";
    Path classes = project.resolve("target/classes");
    Files.createDirectories(classes.resolve(classFile).getParent());
    try (var in = GenerateCommandTest.class.getClassLoader().getResourceAsStream(classFile)) {
      Files.copy(in, classes.resolve(classFile));
    }
    ModelDescriptor model = withClass(TestModels.WIDGET, Marker.class.getName());
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ClassLoader.getPlatformClassLoader())) {
      thread.setContextClassLoader(loader);
      assertEquals("mvn compile -Ddataflow.migrations.mode=generate in " + project, GenerateCommand.forModel(model));
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  /** A class with no dependencies, loaded from a project of its own by the test above. */
  static final class Marker {}

  @Test
  void aProjectNoPomAboveListsIsItsOwnRoot(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("pom.xml"), "<project><modules><module>other</module></modules></project>");
    Path project = Files.createDirectories(tmp.resolve("notes"));
    Files.writeString(project.resolve("pom.xml"), "<project/>");

    assertEquals(project, GenerateCommand.rootOf(project));
  }

  @Test
  void aModuleOfAModuleBelongsToTheTopmostBuild(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("pom.xml"), "<project><modules><module>apps</module></modules></project>");
    Path apps = Files.createDirectories(tmp.resolve("apps"));
    Files.writeString(apps.resolve("pom.xml"), "<project><modules>\n<module>./shop/</module></modules></project>");
    Path shop = Files.createDirectories(apps.resolve("shop"));
    Files.writeString(shop.resolve("pom.xml"), "<project/>");

    assertEquals(tmp, GenerateCommand.rootOf(shop));
  }

  private static ModelDescriptor withClass(ModelDescriptor m, String className) {
    return new ModelDescriptor(m.modelName(), className, m.table(), m.columns(), m.primaryKey(), m.referencedTables(),
        m.ddl(), m.statements());
  }
}
