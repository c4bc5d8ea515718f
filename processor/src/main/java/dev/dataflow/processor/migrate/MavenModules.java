package dev.dataflow.processor.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Tells a Maven project of its own from a module of a multi-module build, for the command in messages: a directory
 * is a module when the {@code pom.xml} of a directory above it lists it in {@code <module>}.
 */
final class MavenModules {
  private MavenModules() {}

  /** The root of the build {@code module} belongs to: itself when no {@code pom.xml} above lists it as a module. */
  static Path rootOf(Path module) {
    Path root = module;
    for (Path parent = module.getParent(); parent != null && Files.isRegularFile(parent.resolve("pom.xml"));
        parent = parent.getParent()) {
      if (listsModule(parent, relative(parent, root)) || listsModule(parent, relative(parent, module))) {
        root = parent;
      } else {
        break;
      }
    }
    return root;
  }

  /** {@code module} relative to {@code root}, with {@code /}. */
  static String relative(Path root, Path module) {
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
}
