package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dataflow.runtime.node.NodeRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Mermaid diagrams in docs/diagrams.md are drawn from the real code: the seed models' ER diagram from the
 * registry, the example's workflows from {@link ConversationMemoryExample}. This test draws them again and fails when
 * a page differs, so the pictures cannot rot. After changing a model or the example, rewrite the blocks with
 *
 * <pre>
 * mvn -pl annotations,runtime,processor,models,examples test -Dtest=DocDiagramsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddataflow.updateDocs=true
 * git diff docs/diagrams.md
 * </pre>
 */
class DocDiagramsTest {
  /** Set to {@code true} to write the drawn diagrams into the page instead of comparing. */
  static final String UPDATE_PROPERTY = "dataflow.updateDocs";
  private static final Path PAGE = Path.of("..", "docs", "diagrams.md").toAbsolutePath().normalize();
  /** {@code <!-- diagram: name -->}, then a mermaid block. */
  private static final Pattern BLOCK = Pattern.compile("<!-- diagram: (\\S+) -->\\n```mermaid\\n(.*?)```",
      Pattern.DOTALL);

  /** Every diagram the page shows, by the name in its marker. */
  static Map<String, String> diagrams() {
    UUID sessionId = UUID.fromString("00000000-0000-0000-0000-000000000001");   // never drawn: values are not shown
    Map<String, String> diagrams = new LinkedHashMap<>();
    diagrams.put("seed-models", NodeRegistry.classpath().toMermaidErDiagram());
    diagrams.put("create-session", ConversationMemoryExample.createSessionWorkflow(sessionId).toMermaid());
    diagrams.put("add-messages", ConversationMemoryExample.addMessagesWorkflow(sessionId).toMermaid());
    diagrams.put("query-history", ConversationMemoryExample.queryHistoryWorkflow(sessionId).toMermaid());
    diagrams.put("sessions-by-language", ConversationMemoryExample.sessionsByLanguageWorkflow().toMermaid());
    return diagrams;
  }

  @Test
  void everyDiagramInTheDocsIsDrawnFromTheCode() throws IOException {
    Map<String, String> drawn = diagrams();
    String page = Files.readString(PAGE, StandardCharsets.UTF_8);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(PAGE, rewrite(page, drawn), StandardCharsets.UTF_8);
    }
    page = Files.readString(PAGE, StandardCharsets.UTF_8);
    Set<String> onPage = new LinkedHashSet<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      String name = m.group(1);
      if (!drawn.containsKey(name)) {
        fail("docs/diagrams.md has a diagram '" + name + "' that the code does not draw; known: " + drawn.keySet());
      }
      onPage.add(name);
      assertEquals(drawn.get(name), m.group(2), "docs/diagrams.md: diagram '" + name + "' is out of date. Rewrite it"
          + " with: mvn -pl annotations,runtime,processor,models,examples test -Dtest=DocDiagramsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true");
    }
    assertEquals(drawn.keySet(), onPage, "docs/diagrams.md must show every drawn diagram once, in this order");
  }

  /** The page with each marked block's body replaced by the drawn diagram of that name. */
  private static String rewrite(String page, Map<String, String> drawn) {
    Matcher m = BLOCK.matcher(page);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String diagram = drawn.getOrDefault(m.group(1), m.group(2));
      m.appendReplacement(out, Matcher.quoteReplacement(
          "<!-- diagram: " + m.group(1) + " -->\n```mermaid\n" + diagram + "```"));
    }
    m.appendTail(out);
    return out.toString();
  }
}
