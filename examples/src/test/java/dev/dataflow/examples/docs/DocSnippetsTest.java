package dev.dataflow.examples.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.Workflow;
import dev.dataflow.runtime.WorkflowResult;
import dev.dataflow.runtime.lifecycle.RetentionEvent;
import dev.dataflow.runtime.lifecycle.RetentionReport;
import dev.dataflow.runtime.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every Java sample in README.md and docs/ is either a region of {@link DocSnippets} (compiled by the build), a
 * whole region of another source file ({@code <!-- excerpt: path#region -->}) or a whole file
 * ({@code <!-- excerpt: path -->}, for example the getting-started project's {@code pom.xml}, which the build builds
 * and runs); all are compared exactly, so this test fails when a page and its source differ in any line. A block in
 * another language is compared when it has such a line above it.
 */
class DocSnippetsTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern BLOCK = Pattern.compile(
      "(?:<!-- (snippet|excerpt): (\\S+) -->\\n)?```(\\w*)\\n(.*?)```", Pattern.DOTALL);

  private static List<Path> pages() throws IOException {
    List<Path> pages = new ArrayList<>();
    pages.add(ROOT.resolve("README.md"));
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
    }
    return pages;
  }

  @Test
  void everyJavaSampleMatchesCompiledCode() throws IOException {
    String snippets = Files.readString(ROOT.resolve(
        "examples/src/main/java/dev/dataflow/examples/docs/DocSnippets.java"));
    int checked = 0;
    for (Path page : pages()) {
      Matcher m = BLOCK.matcher(Files.readString(page));
      while (m.find()) {
        String where = ROOT.relativize(page) + " at offset " + m.start();
        String text = m.group(4);
        if (m.group(1) == null) {
          if (m.group(3).equals("java")) {
            fail(where + ": a ```java block needs <!-- snippet: DocSnippets#name --> or <!-- excerpt: path --> above"
                + " it");
          }
          continue;                                                    // a command, an output, a partial pom
        } else if (m.group(1).equals("snippet")) {
          String name = m.group(2).substring(m.group(2).indexOf('#') + 1);
          assertEquals(region(snippets, "DocSnippets", name, where), text,
              where + " differs from DocSnippets#" + name);
        } else {
          int hash = m.group(2).indexOf('#');
          String path = hash < 0 ? m.group(2) : m.group(2).substring(0, hash);
          Path file = ROOT.resolve(path);
          assertTrue(Files.isRegularFile(file), where + ": the excerpt's file " + path + " does not exist");
          if (hash < 0) {
            assertEquals(Files.readString(file), text, where + " differs from the whole file " + path);
          } else {
            String name = m.group(2).substring(hash + 1);
            assertEquals(region(Files.readString(file), path, name, where), text,
                where + " differs from region " + name + " of " + path);
          }
        }
        checked++;
      }
    }
    assertTrue(checked >= 5, "expected the README's and docs' samples, found " + checked);
  }

  @Test
  void theGettingStartedPageShowsTheProjectTheBuildRunsWhole() throws IOException {
    String page = Files.readString(ROOT.resolve("docs/getting-started.md"));
    for (String file : List.of("pom.xml", "src/main/java/com/example/Note.java",
        "src/main/java/com/example/App.java", "src/test/java/com/example/AppTest.java")) {
      Path path = ROOT.resolve("examples/src/it/getting-started").resolve(file);
      String marker = "<!-- excerpt: " + ROOT.relativize(path).toString().replace('\\', '/') + " -->\n```";
      assertTrue(page.contains(marker), "docs/getting-started.md shows " + file + " whole, under " + marker);
    }
    // The command the page gives for the first migration, as the project's own pom reads it.
    assertTrue(page.contains("mvn compile -Ddataflow.migrations.mode=generate"), page);
    assertTrue(Files.readString(ROOT.resolve("examples/src/it/getting-started/pom.xml"))
        .contains("<arg>-Adataflow.migrations.mode=${dataflow.migrations.mode}</arg>"));
  }

  @Test
  void everyCompilerPluginInThePagesNamesItsVersion() throws IOException {
    // Without one, Maven 3.8 uses maven-compiler-plugin 3.1, which ignores annotationProcessorPaths: no node is made.
    Pattern plugin = Pattern.compile(
        "<artifactId>maven-compiler-plugin</artifactId>\\s*(?:<!--.*?-->\\s*)*(<version>[^<]+</version>)?",
        Pattern.DOTALL);
    int plugins = 0;
    for (Path page : pages()) {
      Matcher m = plugin.matcher(Files.readString(page));
      while (m.find()) {
        assertTrue(m.group(1) != null, ROOT.relativize(page) + " at offset " + m.start()
            + ": maven-compiler-plugin without a <version> right after its artifactId (and any comment)");
        plugins++;
      }
    }
    assertTrue(plugins >= 2, "expected the README's and getting-started's compiler plugins, found " + plugins);
  }

  /** The lines between {@code // [START name]} and {@code // [END name]}, without their common indentation. */
  private static String region(String source, String file, String name, String where) {
    Matcher m = Pattern.compile("// \\[START " + Pattern.quote(name) + "]\\n(.*?)\\n[ \\t]*// \\[END "
        + Pattern.quote(name) + "]", Pattern.DOTALL).matcher(source);
    assertTrue(m.find(), where + ": " + file + " has no region " + name);
    String[] lines = m.group(1).split("\n");
    int indent = Integer.MAX_VALUE;
    for (String line : lines) {
      if (!line.isBlank()) {
        indent = Math.min(indent, line.length() - line.stripLeading().length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (String line : lines) {
      sb.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
    }
    return sb.toString();
  }

  @Test
  void theWorkflowSamplesRun() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      Workflow workflow = DocSnippets.build(UUID.randomUUID());
      WorkflowResult result = DocSnippets.run(db, workflow);
      assertEquals(result.get("create_session").get("session_id"), result.get("log_msg").get("session_id"));
      assertFalse(result.runId().isEmpty());
    }
  }

  @Test
  void theGroupByAndCursorSamplesRun() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      dev.dataflow.runtime.LocalRuntime runtime = new dev.dataflow.runtime.LocalRuntime(db);
      UUID sessionId = UUID.randomUUID();
      dev.dataflow.runtime.WorkflowBuilder workflow = new dev.dataflow.runtime.WorkflowBuilder()
          .addNode("s", dev.dataflow.models.ConversationSessionCreateNode.params().sessionId(sessionId).userId("u"));
      for (int i = 0; i < 3; i++) {
        workflow.addNode("m" + i, dev.dataflow.models.ConversationMessageCreateNode.params().sessionId(sessionId)
            .role(dev.dataflow.models.MessageRole.user).content("m" + i)
            .timestamp(java.time.Instant.parse("2026-05-01T10:00:00Z").plusSeconds(i)).intent("order_placement")
            .confidence(0.5 + i * 0.1));
        workflow.addConnection("s", "session_id", "m" + i, "session_id");
      }
      runtime.execute(workflow.build());
      var groups = DocSnippets.groupBy(runtime, sessionId);
      assertEquals(1, groups.size());
      assertEquals(java.time.Instant.parse("2026-05-01T00:00:00Z"), groups.get(0).get("timestamp:day"));
      assertEquals(3L, groups.get(0).get("count"));
      assertEquals(0.6, (Double) groups.get(0).get("avg_confidence"), 1e-9);
      assertEquals(3, DocSnippets.everyMessage(runtime, sessionId).size());
      assertEquals(4L, DocSnippets.dependency(runtime, sessionId).get("count").get("count"),
          "the count ran after the greeting it was declared before");
    }
  }

  @Test
  void theScrubOnWriteSampleRuns() {
    var message = DocSnippets.scrubOnWrite(TestPostgres.newDatabase());
    assertEquals("Re [ORDER_REF]: call me on [PHONE]", message.get("content"));
    assertEquals(true, message.get("pii_scrubbed"));
  }

  @Test
  void theZoneSampleStoresNineFifteenInSingapore() {
    assertEquals(java.time.Instant.parse("2026-11-30T01:15:00Z"), DocSnippets.zone(TestPostgres.newDatabase()));
  }

  @Test
  void theUserNodeAndRoutingSampleRuns() {
    WorkflowResult result = DocSnippets.routeWithUserNode(TestPostgres.newDatabase());
    assertEquals("order_placement", result.get("route").get("case"));
    assertFalse(result.wasSkipped("orders"));
    assertEquals(0L, result.get("orders").get("count"));
  }

  @Test
  void theReadmeSampleRunsOnItsOwnEmbeddedDatabase() {
    java.io.PrintStream out = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      DocSnippets.readme();
    } finally {
      System.setOut(out);
    }
    assertEquals("1", printed.toString(java.nio.charset.StandardCharsets.UTF_8).trim(),
        "the README sample prints the new session's id");
  }

  @Test
  void thePicturesSampleDrawsTheWorkflowItsRunAndTheModels() {
    try (DataFlow db = DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).build()) {
      List<String> pictures = DocSnippets.pictures(db, DocSnippets.build(UUID.randomUUID()));
      assertEquals(3, pictures.size());
      assertTrue(pictures.get(0).startsWith("flowchart TD\n"), pictures.get(0));
      assertTrue(pictures.get(1).contains(":::ran") && pictures.get(1).contains("classDef ran"), pictures.get(1));
      assertTrue(pictures.get(2).startsWith("erDiagram\n") && pictures.get(2).contains("conversation_messages }o--||"
          + " conversation_sessions"), pictures.get(2));
    }
  }

  @Test
  void theScrubberSampleDoesWhatThePageSays() {
    assertEquals("Re [ORDER_REF]: call [PHONE]",
        DocSnippets.scrubWithOrderReferences("Re ORD-91234567: call 9123 4567"));
    String orderText = "400 boxes for 10 inch pizzas, $12.50, by 2026-11-30";
    assertSame(orderText, DocSnippets.scrubWithOrderReferences(orderText));
  }

  @Test
  void theRetentionSampleSweepsTheSeedsRetainedTables() {
    RetentionReport report = DocSnippets.retention(TestPostgres.newDatabase());
    assertEquals(List.of("conversation_messages", "user_interaction_summaries"),
        report.events().stream().map(RetentionEvent::table).sorted().toList());
    assertEquals(0, report.total(), "a fresh database has nothing past retention");
  }
}
