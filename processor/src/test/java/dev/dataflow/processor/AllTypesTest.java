package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import dev.dataflow.runtime.model.ColumnDescriptor;
import dev.dataflow.runtime.model.JavaType;
import dev.dataflow.runtime.model.ModelDescriptor;
import dev.dataflow.runtime.node.ModelProvider;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A model using every supported type compiles cleanly, and its generated code runs against the real runtime. */
class AllTypesTest {
  static final JavaFileObject EVERYTHING =
      model(
          "Everything",
          """
          @Model
          public record Everything(
              @Id UUID key,
              String text,
              @Column(length = 32, nullable = false) String code,
              short smallPrimitive,
              Short smallBoxed,
              int intPrimitive,
              Integer intBoxed,
              long longPrimitive,
              Long longBoxed,
              float floatPrimitive,
              Float floatBoxed,
              double doublePrimitive,
              Double doubleBoxed,
              boolean flag,
              Boolean maybe,
              BigDecimal amount,
              @Column(precision = 10, scale = 2) BigDecimal price,
              UUID reference,
              Instant at,
              OffsetDateTime offsetAt,
              LocalDateTime localAt,
              LocalDate day,
              byte[] bytes,
              Level level,
              @Json Map<String, Object> attributes,
              @Json List<String> tags,
              @Json Point point) {
            public enum Level { LOW, HIGH }
            public record Point(int x, int y) {}
          }
          """);

  /** A class model: instance fields only, static and transient ones skipped. */
  static final JavaFileObject LEGACY_CLASS =
      model(
          "LegacyAccount",
          """
          @Model
          public class LegacyAccount {
            static final String IGNORED = "x";
            Long id;
            @Unique String email;
            transient String cache;
          }
          """);

  private static final List<String> KINDS =
      List.of("Create", "Read", "Update", "Delete", "List", "Count", "Exists", "BulkCreate", "BulkUpdate");

  @Test
  void compilesWithoutWarningsAndWritesAllFiles() throws Exception {
    Compilation compilation = compile(EVERYTHING, LEGACY_CLASS);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("dev.dataflow.models.EverythingSchema");
    for (String kind : KINDS) {
      assertThat(compilation).generatedSourceFile("dev.dataflow.models.Everything" + kind + "Node");
      assertThat(compilation).generatedSourceFile("dev.dataflow.models.LegacyAccount" + kind + "Node");
    }
    assertThat(compilation)
        .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.dataflow.runtime.node.ModelProvider")
        .contentsAsUtf8String()
        .isEqualTo("dev.dataflow.models.EverythingSchema\ndev.dataflow.models.LegacyAccountSchema\n");
  }

  @Test
  void generatedDescriptorLoadsWithTheRuntime(@TempDir Path classes) throws Exception {
    Compilation compilation = compile(EVERYTHING, LEGACY_CLASS);
    assertThat(compilation).succeeded();
    writeClassOutput(compilation, classes);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      ModelProvider provider =
          (ModelProvider)
              loader.loadClass("dev.dataflow.models.EverythingSchema").getConstructor().newInstance();
      ModelDescriptor descriptor = provider.descriptor();
      assertThat(descriptor.table()).isEqualTo("everythings");
      assertThat(descriptor.primaryKey()).isEqualTo("key");
      String columns =
          descriptor.columns().stream()
              .map(c -> c.name() + ":" + c.javaType() + ":" + c.sqlType() + (c.nullable() ? "" : "!"))
              .collect(Collectors.joining(" "));
      assertThat(columns)
          .isEqualTo(
              "key:UUID:UUID! text:STRING:TEXT code:STRING:VARCHAR(32)! small_primitive:SHORT:SMALLINT!"
                  + " small_boxed:SHORT:SMALLINT int_primitive:INT:INTEGER! int_boxed:INT:INTEGER"
                  + " long_primitive:LONG:BIGINT! long_boxed:LONG:BIGINT float_primitive:FLOAT:REAL!"
                  + " float_boxed:FLOAT:REAL double_primitive:DOUBLE:DOUBLE PRECISION!"
                  + " double_boxed:DOUBLE:DOUBLE PRECISION flag:BOOLEAN:BOOLEAN! maybe:BOOLEAN:BOOLEAN"
                  + " amount:BIG_DECIMAL:NUMERIC price:BIG_DECIMAL:NUMERIC(10,2) reference:UUID:UUID"
                  + " at:INSTANT:TIMESTAMPTZ offset_at:OFFSET_DATE_TIME:TIMESTAMPTZ"
                  + " local_at:LOCAL_DATE_TIME:TIMESTAMP day:LOCAL_DATE:DATE bytes:BYTES:BYTEA level:ENUM:TEXT"
                  + " attributes:JSON:JSONB tags:JSON:JSONB point:JSON:JSONB"
                  + " created_at:INSTANT:TIMESTAMPTZ! updated_at:INSTANT:TIMESTAMPTZ!");
      ColumnDescriptor key = descriptor.keyColumn();
      assertThat(key.generated()).isFalse(); // a UUID key is given on create
      assertThat(descriptor.statements().insertColumns()).contains("key");
      assertThat(descriptor.column("level").enumValues().names()).containsExactly("LOW", "HIGH").inOrder();
      assertThat(descriptor.column("created_at").hasDefault()).isTrue();
      assertThat(provider.nodes().stream().map(n -> n.type()).toList())
          .containsExactly(KINDS.stream().map(k -> "Everything" + k + "Node").toArray())
          .inOrder();

      ModelProvider legacy =
          (ModelProvider)
              loader.loadClass("dev.dataflow.models.LegacyAccountSchema").getConstructor().newInstance();
      assertThat(legacy.descriptor().columns().stream().map(ColumnDescriptor::name).toList())
          .containsExactly("id", "email", "created_at", "updated_at")
          .inOrder();
      assertThat(legacy.descriptor().keyColumn().javaType()).isEqualTo(JavaType.LONG);
      assertThat(legacy.descriptor().keyColumn().generated()).isTrue();
    }
  }

  @Test
  void typedParamsBuildTheParameterMap(@TempDir Path classes) throws Exception {
    Compilation compilation = compile(EVERYTHING, LEGACY_CLASS);
    writeClassOutput(compilation, classes);
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
      Class<?> update = loader.loadClass("dev.dataflow.models.LegacyAccountUpdateNode");
      Object params = update.getMethod("params").invoke(null);
      params.getClass().getMethod("id", Long.class).invoke(params, 7L);
      params.getClass().getMethod("email", String.class).invoke(params, "a@b.c");
      Object map = params.getClass().getMethod("toMap").invoke(params);
      assertThat(map.toString()).isEqualTo("{id=7, fields={email=a@b.c}}");

      Class<?> list = loader.loadClass("dev.dataflow.models.LegacyAccountListNode");
      Object listParams = list.getMethod("params").invoke(null);
      listParams.getClass().getMethod("orderBy", String[].class).invoke(listParams, (Object) new String[] {"-email"});
      listParams.getClass().getMethod("limit", int.class).invoke(listParams, 5);
      assertThat(listParams.getClass().getMethod("toMap").invoke(listParams).toString())
          .isEqualTo("{order_by=[-email], limit=5}");
    }
  }

  private static void writeClassOutput(Compilation compilation, Path root) throws Exception {
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.toUri().getPath();
      if (!name.startsWith("/CLASS_OUTPUT/")) {
        continue;
      }
      Path target = root.resolve(name.substring("/CLASS_OUTPUT/".length()));
      Files.createDirectories(target.getParent());
      try (InputStream in = file.openInputStream()) {
        Files.copy(in, target);
      }
    }
  }
}
