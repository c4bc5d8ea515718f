package dev.dataflow.processor.migrate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The processor options that drive migrations (javac {@code -A}; in Maven, see {@code models/pom.xml}).
 *
 * <ul>
 *   <li>{@code dataflow.migrations.dir}: the project's Flyway migration folder, holding the committed
 *       {@code dataflow-schema.json}. Without it the models are not compared with anything.
 *   <li>{@code dataflow.migrations.mode}: {@code check} (default) fails the build when the models differ from the
 *       committed snapshot; {@code generate} writes the next {@code V<n>__<description>.sql} and the new snapshot.
 *   <li>{@code dataflow.migrations.description}: words for the migration's file name; default: derived from the
 *       changes ({@code create_users}, {@code add_users_email_and_2_more}).
 * </ul>
 *
 * @param directory the migration folder, or null when migrations are off
 * @param mode check or generate
 * @param description the file name's description, or null to derive one
 */
public record MigrationOptions(Path directory, Mode mode, String description) {
  public static final String DIR = "dataflow.migrations.dir";
  public static final String MODE = "dataflow.migrations.mode";
  public static final String DESCRIPTION = "dataflow.migrations.description";
  public static final Set<String> ALL = Set.of(DIR, MODE, DESCRIPTION);

  /** What the build does when the models differ from the snapshot. */
  public enum Mode {
    CHECK,
    GENERATE
  }

  /**
   * Reads the options; blank values count as unset, so a build tool may always pass them.
   *
   * @throws IllegalArgumentException when a value still holds an unresolved {@code ${...}} build property, or the
   *     mode is neither check nor generate
   */
  public static MigrationOptions from(Map<String, String> options) {
    for (String option : new String[] {DIR, MODE, DESCRIPTION}) {
      String value = options.get(option);
      int start = value == null ? -1 : value.indexOf("${");
      if (start >= 0) {
        int end = value.indexOf('}', start);
        String property = end < 0 ? value.substring(start + 2) : value.substring(start + 2, end);
        // Maven passes an undefined ${...} through as text; the option's own check would blame the value.
        throw new IllegalArgumentException("-A" + option + "=" + value + " holds the build property ${" + property
            + "}, which is not defined: define the property " + property
            + " (for example in <properties> of the pom, or -D" + property + "=... on the command line)");
      }
    }
    String dir = blankToNull(options.get(DIR));
    String mode = blankToNull(options.get(MODE));
    Mode parsed;
    if (mode == null || mode.trim().equalsIgnoreCase("check")) {
      parsed = Mode.CHECK;
    } else if (mode.trim().equalsIgnoreCase("generate")) {
      parsed = Mode.GENERATE;
    } else {
      throw new IllegalArgumentException(
          "-A" + MODE + "=" + mode + " is not a mode; use check (the default) or generate");
    }
    return new MigrationOptions(dir == null ? null : Path.of(dir.trim()), parsed, blankToNull(options.get(DESCRIPTION)));
  }

  public boolean enabled() {
    return directory != null;
  }

  /**
   * The command that generates the migration, for messages, fitting the build the folder sits in: {@code mvn compile
   * -D...} in a project of its own (no parent {@code pom.xml} lists it as a module); {@code mvn -pl <module> -am
   * compile -D...} from the root of a multi-module build; javac's option when the folder is not in a Maven project.
   */
  public String generateCommand() {
    String javac = "-A" + MODE + "=generate";
    String maven = "compile -D" + MODE + "=generate [-D" + DESCRIPTION + "=\"what changed\"]";
    Path absolute = directory.toAbsolutePath().normalize();
    String path = absolute.toString().replace('\\', '/');
    int src = path.indexOf("/src/main/");
    if (src > 0) {
      Path module = Path.of(absolute.toString().substring(0, src));
      if (module.getFileName() != null) {
        Path root = MavenModules.rootOf(module);
        if (root.equals(module)) {
          return "mvn " + maven + " in " + module + " (plain javac: " + javac + ")";
        }
        return "mvn -pl " + MavenModules.relative(root, module) + " -am " + maven + " from the root of the build, "
            + root + " (plain javac: " + javac + ")";
      }
    }
    return "javac " + javac;
  }

  /**
   * Where the processor also writes a generated migration so that a run in the same build finds it: the folder's
   * path below {@code src/main/resources/} ({@code db/migration}), as a class-output path; null when the folder is
   * elsewhere (the resources were copied to the class output before the compiler ran, so a migration written only to
   * the folder reaches the class path at the next build).
   */
  public String classOutputFolder() {
    String path = directory.toAbsolutePath().normalize().toString().replace('\\', '/');
    String resources = "/src/main/resources/";
    int at = path.indexOf(resources);
    if (at < 0 || at + resources.length() >= path.length()) {
      return null;
    }
    return path.substring(at + resources.length());
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    return "MigrationOptions[" + directory + ", " + mode.name().toLowerCase(Locale.ROOT) + ", " + description + "]";
  }
}
