package dev.dataflow.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;

/** Test sources in package {@code dev.dataflow.models}, and the compiler with the DataFlow processor. */
final class Sources {
  static final String PACKAGE = "dev.dataflow.models";

  private Sources() {}

  /** A source file {@code dev/dataflow/models/<simpleName>.java} with the usual imports prepended. */
  static JavaFileObject model(String simpleName, String body) {
    return JavaFileObjects.forSourceString(
        PACKAGE + "." + simpleName,
        "package "
            + PACKAGE
            + ";\n\n"
            + "import dev.dataflow.annotations.*;\n"
            + "import dev.dataflow.annotations.References.OnDelete;\n"
            + "import java.math.BigDecimal;\n"
            + "import java.time.*;\n"
            + "import java.util.*;\n\n"
            + body);
  }

  static JavaFileObject outlet() {
    return model("Outlet", "@Model\npublic record Outlet(Long id, String name) {}\n");
  }

  /**
   * A generated source with each SQL constant's {@code + "..."} continuation lines joined back into one literal, so
   * that a test can look for a whole statement as the runtime sees it.
   */
  static String joinedLiterals(String source) {
    return source.replaceAll("\"\n\\s*\\+ \"", "");
  }

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new DataFlowProcessor()).compile(sources);
  }
}
