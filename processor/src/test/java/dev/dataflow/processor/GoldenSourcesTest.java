package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;
import static dev.dataflow.processor.Sources.outlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * All eleven classes generated for one model (with a scrubbed {@code @Pii} field and its {@code @PiiScrubbed} flag, a
 * {@code @Retain}, a {@code @Version} field, an enum, a JSON column, a reference and indexes), compared as text with reviewed golden files in
 * {@code src/test/resources/golden}, so that a change of layout or Javadoc shows up as well as a change of code.
 *
 * <p>After a deliberate change to generated code, rewrite the golden files and review their diff:
 *
 * <pre>
 * mvn -B -ntp -q -pl processor -am test -Dtest=GoldenSourcesTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddataflow.updateGoldens=true
 * git diff processor/src/test/resources/golden
 * </pre>
 */
class GoldenSourcesTest {
  /** Set to {@code true} to write the generated sources over the golden files instead of comparing. */
  static final String UPDATE_PROPERTY = "dataflow.updateGoldens";

  static final Path GOLDEN_DIRECTORY = Path.of("src", "test", "resources", "golden");

  static final JavaFileObject CONVERSATION_SESSION =
      model(
          "ConversationSession",
          """
          @Model
          @Index(columns = {"userId", "-started_at"})
          @Retain(days = 30, after = "startedAt")
          public record ConversationSession(
              Long id,
              @Unique @Column(nullable = false) UUID sessionId,
              @Indexed @Pii(scrub = true) @Column(length = 64) String userId,
              @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId,
              Role role,
              @Json @Indexed Map<String, Object> metadata,
              @PiiScrubbed boolean piiScrubbed,
              @Column(defaultValue = "'en'") String language,
              Instant startedAt,
              @Version long version) {
            public enum Role { USER, ASSISTANT }
          }
          """);

  /** The schema class, the nine nodes and the row mapper, by simple name. */
  static final List<String> GENERATED_CLASSES =
      List.of(
          "ConversationSessionSchema",
          "ConversationSessionCreateNode",
          "ConversationSessionReadNode",
          "ConversationSessionUpdateNode",
          "ConversationSessionDeleteNode",
          "ConversationSessionListNode",
          "ConversationSessionCountNode",
          "ConversationSessionExistsNode",
          "ConversationSessionBulkCreateNode",
          "ConversationSessionBulkUpdateNode",
          "ConversationSessionRowMapper");

  private static Compilation compilation;

  @BeforeAll
  static void compileOnce() {
    compilation = compile(outlet(), CONVERSATION_SESSION);
  }

  @Test
  void compilesWithoutWarnings() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @ParameterizedTest(name = "{0}")
  @FieldSource("GENERATED_CLASSES")
  void generatedSourceMatchesGolden(String simpleName) throws IOException {
    String generated =
        compilation
            .generatedSourceFile(Sources.PACKAGE + "." + simpleName)
            .orElseThrow(() -> new AssertionError(simpleName + " was not generated"))
            .getCharContent(true)
            .toString();
    String goldenFile = simpleName + ".java";
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(GOLDEN_DIRECTORY.resolve(goldenFile), generated, StandardCharsets.UTF_8);
      return;
    }
    assertEquals(
        golden(goldenFile),
        generated,
        () ->
            simpleName
                + " differs from golden/"
                + goldenFile
                + "; if the change is intended, rerun with -D"
                + UPDATE_PROPERTY
                + "=true and review the diff");
  }

  private static String golden(String file) throws IOException {
    try (InputStream in = GoldenSourcesTest.class.getResourceAsStream("/golden/" + file)) {
      assertTrue(in != null, () -> "no golden file golden/" + file + "; write it with -D" + UPDATE_PROPERTY + "=true");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
