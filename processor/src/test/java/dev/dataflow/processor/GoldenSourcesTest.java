package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;
import static dev.dataflow.processor.Sources.outlet;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated schema class, create node and update node of one model (with a {@code @Pii} field and a
 * {@code @Version} field), compared with reviewed golden files.
 */
class GoldenSourcesTest {
  static final JavaFileObject CONVERSATION_SESSION =
      model(
          "ConversationSession",
          """
          @Model
          @Index(columns = {"userId", "-started_at"})
          public record ConversationSession(
              Long id,
              @Unique @Column(nullable = false) UUID sessionId,
              @Indexed @Pii @Column(length = 64) String userId,
              @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId,
              Role role,
              @Json @Indexed Map<String, Object> metadata,
              boolean piiScrubbed,
              @Column(defaultValue = "'en'") String language,
              Instant startedAt,
              @Version long version) {
            public enum Role { USER, ASSISTANT }
          }
          """);

  @Test
  void schemaClassMatchesGolden() {
    Compilation compilation = compile(outlet(), CONVERSATION_SESSION);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.ConversationSessionSchema")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/ConversationSessionSchema.java"));
  }

  @Test
  void createNodeMatchesGolden() {
    Compilation compilation = compile(outlet(), CONVERSATION_SESSION);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.ConversationSessionCreateNode")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/ConversationSessionCreateNode.java"));
  }

  @Test
  void updateNodeMatchesGolden() {
    Compilation compilation = compile(outlet(), CONVERSATION_SESSION);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.ConversationSessionUpdateNode")
        .hasSourceEquivalentTo(JavaFileObjects.forResource("golden/ConversationSessionUpdateNode.java"));
  }
}
