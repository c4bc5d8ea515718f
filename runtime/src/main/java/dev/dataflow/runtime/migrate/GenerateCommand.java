package dev.dataflow.runtime.migrate;

import dev.dataflow.runtime.model.ModelDescriptor;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.regex.Pattern;

/**
 * The Maven command that makes the processor write a model's missing migration, for error messages, fitting the
 * build: {@code mvn compile -Ddataflow.migrations.mode=generate} in a project of its own, {@code mvn -pl <module> -am
 * compile ...} from the root of a multi-module build (a module is a directory whose parent's {@code pom.xml} lists it
 * in {@code <module>}). The project is found from where the model class was compiled to
 * ({@code <project>/target/classes}); when the class comes from a jar or cannot be loaded, the message gives both
 * forms instead of guessing.
 */
public final class GenerateCommand {
  /** The processor option that selects what it does with migrations. */
  public static final String MODE_PROPERTY = "dataflow.migrations.mode";

  /** Both forms, for messages that know no model: the single-project one, then the multi-module one. */
  public static final String ANY_BUILD = "mvn compile -D" + MODE_PROPERTY + "=generate (in a multi-module build, "
      + "from its root: mvn -pl <module> -am compile -D" + MODE_PROPERTY + "=generate)";

  private static final String COMPILE = "compile -D" + MODE_PROPERTY + "=generate";

  private GenerateCommand() {}

  /**
   * {@code mvn compile -Ddataflow.migrations.mode=generate} for a project of its own, {@code mvn -pl models -am
   * compile -Ddataflow.migrations.mode=generate} for a module (each with {@code in <directory>} unless that is the
   * working directory), both forms when the model's project is not known.
   */
  public static String forModel(ModelDescriptor model) {
    Path project = compiledInto(model.modelClassName());
    if (project == null) {
      return "mvn " + COMPILE + " in the project of " + model.modelName() + " (in a multi-module build, from its "
          + "root: mvn -pl <the module of " + model.modelName() + "> -am " + COMPILE + ")";
    }
    Path root = rootOf(project);
    Path workingDirectory = Path.of("").toAbsolutePath();
    if (root.equals(project)) {
      return "mvn " + COMPILE + (project.equals(workingDirectory) ? "" : " in " + project);
    }
    return "mvn -pl " + relative(root, project) + " -am " + COMPILE
        + (root.equals(workingDirectory) ? "" : " in " + root);
  }

  /** The root of the build {@code project} belongs to: itself when no {@code pom.xml} above lists it as a module. */
  static Path rootOf(Path project) {
    Path root = project;
    for (Path parent = project.getParent(); parent != null && Files.isRegularFile(parent.resolve("pom.xml"));
        parent = parent.getParent()) {
      if (listsModule(parent, relative(parent, root)) || listsModule(parent, relative(parent, project))) {
        root = parent;
      } else {
        break;
      }
    }
    return root;
  }

  private static String relative(Path root, Path module) {
    return root.relativize(module).toString().replace('\\', '/');
  }

  private static boolean listsModule(Path directory, String module) {
    try {
      String pom = Files.readString(directory.resolve("pom.xml"), StandardCharsets.UTF_8);
      return Pattern.compile("<module>\\s*(\\./)?" + Pattern.quote(module) + "/?\\s*</module>").matcher(pom).find();
    } catch (IOException | RuntimeException e) {
      return false; // only a hint in a message: a pom that cannot be read lists nothing
    }
  }

  /** The project directory of a class compiled to {@code <project>/target/classes}, else null. */
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
