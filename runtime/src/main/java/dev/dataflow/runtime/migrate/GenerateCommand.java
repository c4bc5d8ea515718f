package dev.dataflow.runtime.migrate;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;

/**
 * The Maven command that makes the processor write a model's missing migration, for error messages. The module is
 * found from where the model class was compiled to ({@code <module>/target/classes}); when the class comes from a
 * jar or cannot be loaded, the message says which module to put in instead of guessing.
 */
public final class GenerateCommand {
  /** The processor option that selects what it does with migrations. */
  public static final String MODE_PROPERTY = "dataflow.migrations.mode";

  private GenerateCommand() {}

  /** {@code mvn -pl models -am compile -Ddataflow.migrations.mode=generate}, with the model's module when known. */
  public static String forModel(ModelDescriptor model) {
    return "mvn -pl " + module(model) + " -am compile -D" + MODE_PROPERTY + "=generate";
  }

  private static String module(ModelDescriptor model) {
    Path moduleDirectory = compiledInto(model.modelClassName());
    if (moduleDirectory == null) {
      return "<the module of " + model.modelName() + ">";
    }
    Path workingDirectory = Path.of("").toAbsolutePath();
    if (moduleDirectory.startsWith(workingDirectory) && !moduleDirectory.equals(workingDirectory)) {
      return workingDirectory.relativize(moduleDirectory).toString().replace('\\', '/');
    }
    return moduleDirectory.getFileName().toString();
  }

  /** The module directory of a class compiled to {@code <module>/target/classes}, else null. */
  private static Path compiledInto(String className) {
    try {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      Class<?> type = Class.forName(className, false, loader != null ? loader : GenerateCommand.class.getClassLoader());
      CodeSource source = type.getProtectionDomain().getCodeSource();
      URL location = source == null ? null : source.getLocation();
      if (location == null || !"file".equals(location.getProtocol())) {
        return null;
      }
      Path classes = Path.of(location.toURI()).toAbsolutePath().normalize();
      Path target = classes.getParent();
      if (!Files.isDirectory(classes) || target == null || !classes.getFileName().toString().equals("classes")
          || !target.getFileName().toString().equals("target") || target.getParent() == null
          || !Files.isRegularFile(target.getParent().resolve("pom.xml"))) {
        return null;
      }
      return target.getParent();
    } catch (ClassNotFoundException | LinkageError | URISyntaxException | SecurityException
        | IllegalArgumentException e) {
      return null; // only a hint in a message: fall back to naming the model
    }
  }
}
