package dev.dataflow.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dataflow.examples.service.ServiceDiagrams;
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
 * The Mermaid diagrams in docs/diagrams.md and docs/conversation_memory_system.md are drawn from the real code: the
 * seed models' ER diagram from the registry, the example's workflows from {@link ConversationMemoryExample}, the
 * service's message workflows from {@code ConversationMemory} ({@link ServiceDiagrams}). This test draws them again
 * and fails when a page differs, so the pictures cannot rot. After changing a model, the example or the handler,
 * rewrite the blocks with
 *
 * <pre>
 * mvn -pl annotations,runtime,processor,models,examples test -Dtest=DocDiagramsTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Ddataflow.updateDocs=true
 * git diff docs/
 * </pre>
 */
class DocDiagramsTest {
  /** Set to {@code true} to write the drawn diagrams into the page instead of comparing. */
  static final String UPDATE_PROPERTY = "dataflow.updateDocs";
  private static final Path DOCS = Path.of("..", "docs").toAbsolutePath().normalize();
  /** {@code <!-- diagram: name -->}, then a mermaid block. */
  private static final Pattern BLOCK = Pattern.compile("<!-- diagram: (\\S+) -->\\n```mermaid\\n(.*?)```",
      Pattern.DOTALL);

  /** Every page with diagrams, and the diagrams it shows by the name in their markers, in page order. */
  static Map<String, Map<String, String>> pages() {
    Map<String, Map<String, String>> pages = new LinkedHashMap<>();
    pages.put("diagrams.md", diagrams());
    pages.put("conversation_memory_system.md", ServiceDiagrams.messageWorkflows());
    return pages;
  }

  /** Every diagram docs/diagrams.md shows, by the name in its marker. */
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
    for (Map.Entry<String, Map<String, String>> e : pages().entrySet()) {
      check(e.getKey(), e.getValue());
    }
  }

  private static void check(String name, Map<String, String> drawn) throws IOException {
    Path file = DOCS.resolve(name);
    String page = Files.readString(file, StandardCharsets.UTF_8);
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(file, rewrite(page, drawn), StandardCharsets.UTF_8);
    }
    page = Files.readString(file, StandardCharsets.UTF_8);
    Set<String> onPage = new LinkedHashSet<>();
    Matcher m = BLOCK.matcher(page);
    while (m.find()) {
      String diagram = m.group(1);
      if (!drawn.containsKey(diagram)) {
        fail("docs/" + name + " has a diagram '" + diagram + "' that the code does not draw; known: "
            + drawn.keySet());
      }
      onPage.add(diagram);
      assertEquals(drawn.get(diagram), m.group(2), "docs/" + name + ": diagram '" + diagram + "' is out of date."
          + " Rewrite it with: mvn -pl annotations,runtime,processor,models,examples test -Dtest=DocDiagramsTest"
          + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true");
    }
    assertEquals(drawn.keySet(), onPage, "docs/" + name + " must show every drawn diagram once, in this order");
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
