package dev.dataflow.processor.write;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.dataflow.processor.DataFlowProcessor;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Generated nodes name every parameter by the runtime's own constant: each constant the writer uses is a public
 * {@code String} constant of the runtime, no node spells a parameter name as a literal, and renaming a constant in
 * the runtime makes the generated code fail to compile.
 */
class RuntimeTypesTest {
  private static final JavaFileObject SHELF =
      JavaFileObjects.forSourceString(
          "dev.dataflow.models.Shelf",
          """
          package dev.dataflow.models;

          import dev.dataflow.annotations.*;

          @Model
          public record Shelf(Long id, @Unique @Column(nullable = false) String code, String label) {}
          """);

  private static final List<String> NODE_KINDS =
      List.of("Create", "Read", "Update", "Delete", "List", "Count", "Exists", "BulkCreate", "BulkUpdate");

  @Test
  void everyParameterNameIsAPublicStringConstantOfItsRuntimeClass() throws Exception {
    for (RuntimeTypes.Constant constant : RuntimeTypes.PARAMETER_NAMES) {
      Field field = runtimeField(constant);
      int modifiers = field.getModifiers();
      assertTrue(
          Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isFinal(modifiers),
          constant + " is not public static final");
      assertSame(String.class, field.getType(), constant + " is not a String");
    }
  }

  @Test
  void parameterNamesListsEveryConstantTheWriterHas() throws IllegalAccessException {
    Set<Object> declared = new HashSet<>();
    for (Field field : RuntimeTypes.class.getDeclaredFields()) {
      if (field.getType() == RuntimeTypes.Constant.class) {
        declared.add(field.get(null));
      }
    }
    assertEquals(declared, Set.copyOf(RuntimeTypes.PARAMETER_NAMES));
  }

  @Test
  void noGeneratedNodeSpellsAParameterNameAsALiteral() throws Exception {
    Compilation compilation = javac().withProcessors(new DataFlowProcessor()).compile(SHELF);
    assertThat(compilation).succeededWithoutWarnings();
    for (String kind : NODE_KINDS) {
      String source =
          compilation
              .generatedSourceFile("dev.dataflow.models.Shelf" + kind + "Node")
              .orElseThrow()
              .getCharContent(true)
              .toString();
      for (RuntimeTypes.Constant constant : RuntimeTypes.PARAMETER_NAMES) {
        String value = (String) runtimeField(constant).get(null);
        assertFalse(source.contains("\"" + value + "\""), "Shelf" + kind + "Node spells \"" + value + "\"");
      }
    }
  }

  /**
   * Compiles a model together with the runtime's own {@code CrudNode} source, its {@code ID} renamed: the errors are
   * in the generated nodes that take a key, each where it sets the key.
   */
  @Test
  void renamingARuntimeConstantBreaksTheGeneratedCode() throws IOException {
    Path crudNode =
        Path.of("..", "runtime", "src", "main", "java", "dev", "dataflow", "runtime", "node", "crud", "CrudNode.java");
    String source = Files.readString(crudNode);
    assertTrue(source.contains("String ID = "), "CrudNode no longer declares ID; update this test");
    JavaFileObject renamed =
        JavaFileObjects.forSourceString(
            "dev.dataflow.runtime.node.crud.CrudNode", source.replaceAll("\\bID\\b", "KEY"));

    Compilation compilation = javac().withProcessors(new DataFlowProcessor()).compile(SHELF, renamed);

    // compile-testing hands out no generated files of a failed compilation, so the diagnostics are read directly.
    Set<String> files = new HashSet<>();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertTrue(error.getMessage(Locale.ROOT).contains("cannot find symbol"), error.toString());
      String line = error.getSource().getCharContent(true).toString().lines()
          .skip(error.getLineNumber() - 1).findFirst().orElseThrow();
      assertEquals("set(CrudNode.ID, id);", line.strip());
      files.add(Path.of(error.getSource().getName()).getFileName().toString());
    }
    assertEquals(
        Set.of("ShelfReadNode.java", "ShelfUpdateNode.java", "ShelfDeleteNode.java", "ShelfExistsNode.java"), files);
  }

  private static Field runtimeField(RuntimeTypes.Constant constant) throws ReflectiveOperationException {
    return Class.forName(constant.owner().reflectionName()).getField(constant.name());
  }
}
