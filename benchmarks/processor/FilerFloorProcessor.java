import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * The floor of the DataFlow processor's own time (issue 12, point 6): javac's Filer accepting the files the
 * processor writes, whatever writes them. For every {@code @Model} it writes, through the Filer, sources of the same
 * names and text as the real processor's, copied from a directory of sources that processor generated earlier
 * ({@code -Afloor.sources=DIR}, its {@code -s} directory); when processing is over it writes every file below
 * {@code -Afloor.resources=DIR} (its class output: the schema resource and the service entry) as a class-output
 * resource. It reports its own time per round as the real processor does with {@code -Adataflow.timing=true}.
 * Reading the copied files is done once in {@link #init} and not counted: the real processor has its text in memory.
 *
 * <p>Not a Maven module: {@code benchmarks/processor/compile-time.sh} compiles it with javac and runs it as the
 * variant {@code floor}. Plain Java, no package, no dependency.
 */
public final class FilerFloorProcessor extends AbstractProcessor {
  /** Generated sources, by package name, then by simple name, in name order. */
  private final Map<String, NavigableMap<String, String>> sources = new LinkedHashMap<>();
  /** Class-output resources, by relative path. */
  private final Map<String, String> resources = new LinkedHashMap<>();
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private long totalNanos;
  private long totalCpuNanos;
  private int roundNumber;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("dev.dataflow.annotations.Model");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of("floor.sources", "floor.resources");
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    String sourceDir = env.getOptions().get("floor.sources");
    if (sourceDir == null) {
      throw new IllegalArgumentException("FilerFloorProcessor needs -Afloor.sources=DIR (generated sources)");
    }
    Path root = Path.of(sourceDir);
    for (Path file : files(root)) {
      if (!file.toString().endsWith(".java")) {
        continue;
      }
      Path relative = root.relativize(file);
      String simpleName = relative.getFileName().toString().replaceFirst("\\.java$", "");
      String packageName =
          relative.getParent() == null ? "" : relative.getParent().toString().replace(file.getFileSystem().getSeparator(), ".");
      sources.computeIfAbsent(packageName, p -> new TreeMap<>()).put(simpleName, read(file));
    }
    String resourceDir = env.getOptions().get("floor.resources");
    if (resourceDir != null) {
      Path resourceRoot = Path.of(resourceDir);
      for (Path file : files(resourceRoot)) {
        if (!file.toString().endsWith(".class")) {
          resources.put(resourceRoot.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/"), read(file));
        }
      }
    }
  }

  private static List<Path> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = System.nanoTime();
    long startCpu = THREADS.getCurrentThreadCpuTime();
    int models = 0;
    try {
      TypeElement model = processingEnv.getElementUtils().getTypeElement("dev.dataflow.annotations.Model");
      if (model != null) {
        List<TypeElement> elements = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Element element : round.getElementsAnnotatedWith(model)) {
          if (element instanceof TypeElement type) {
            elements.add(type);
            names.add(type.getQualifiedName().toString());
          }
        }
        for (TypeElement element : elements) {
          writeSourcesOf(element, names);
          models++;
        }
      }
      if (round.processingOver()) {
        for (Map.Entry<String, String> resource : resources.entrySet()) {
          try (Writer writer = processingEnv.getFiler()
              .createResource(StandardLocation.CLASS_OUTPUT, "", resource.getKey()).openWriter()) {
            writer.write(resource.getValue());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long elapsed = System.nanoTime() - start;
    totalNanos += elapsed;
    totalCpuNanos += THREADS.getCurrentThreadCpuTime() - startCpu;
    roundNumber++;
    processingEnv.getMessager().printMessage(
        Diagnostic.Kind.NOTE,
        "FilerFloor timing: round " + roundNumber + ": " + models + " models, " + millis(elapsed) + " ms"
            + (round.processingOver()
                ? "; total " + millis(totalNanos) + " ms, thread CPU " + millis(totalCpuNanos) + " ms"
                : ""));
    return false;
  }

  /**
   * Writes the sources whose simple name starts with the model's simple name (the longest such model name of the
   * package wins: {@code Foo} does not take {@code FooBarSchema} when {@code FooBar} is a model too).
   */
  private void writeSourcesOf(TypeElement model, Set<String> models) throws IOException {
    String packageName = processingEnv.getElementUtils().getPackageOf(model).getQualifiedName().toString();
    String simpleName = model.getSimpleName().toString();
    String prefix = packageName.isEmpty() ? "" : packageName + ".";
    NavigableMap<String, String> inPackage = sources.getOrDefault(packageName, new TreeMap<>());
    for (Map.Entry<String, String> source : inPackage.subMap(simpleName, false, simpleName + '\uffff', false).entrySet()) {
      String name = source.getKey();
      if (longerModelPrefix(prefix, name, simpleName, models)) {
        continue;
      }
      try (Writer writer = processingEnv.getFiler().createSourceFile(prefix + name, model).openWriter()) {
        writer.write(source.getValue());
      }
    }
  }

  private static boolean longerModelPrefix(String prefix, String name, String simpleName, Set<String> models) {
    for (int end = simpleName.length() + 1; end < name.length(); end++) {
      if (models.contains(prefix + name.substring(0, end))) {
        return true;
      }
    }
    return false;
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e6);
  }
}
