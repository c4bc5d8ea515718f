package dev.dataflow.processor;

import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;

/** Compiles models with the migration options, and reads the migration folder back. */
final class Migrations {
  private Migrations() {}

  static Compilation generate(Path dir, JavaFileObject... sources) {
    return compile(dir, "generate", sources);
  }

  static Compilation check(Path dir, JavaFileObject... sources) {
    return compile(dir, "check", sources);
  }

  static Compilation compile(Path dir, String mode, JavaFileObject... sources) {
    return javac()
        .withProcessors(new DataFlowProcessor())
        .withOptions("-Adataflow.migrations.dir=" + dir, "-Adataflow.migrations.mode=" + mode)
        .compile(sources);
  }

  /** Every file of the folder, by name, with its text. */
  static Map<String, String> files(Path dir) {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return files;
    }
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.toList()) {
        files.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }
}
