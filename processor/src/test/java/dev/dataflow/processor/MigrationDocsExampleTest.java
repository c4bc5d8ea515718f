package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declarations sample of docs/migrations.md, compiled for real: the page shows the text blocks below (the
 * docs test checks that each of its lines stands here), and this test proves they produce the migration it says.
 */
class MigrationDocsExampleTest {
  private static final String BEFORE_CUSTOMER = """
      package com.example.models;
      import dev.dataflow.annotations.Model;
      @Model
      public record Customer(Long id, String mail, String fax) {}
      """;
  private static final String BEFORE_ACCOUNT = """
      package com.example.models;
      import dev.dataflow.annotations.Model;
      @Model(table = "accounts")
      public record Account(Long id) {}
      """;
  private static final String BEFORE_LEGACY = """
      package com.example.models;
      import dev.dataflow.annotations.Model;
      @Model(table = "legacy_orders")
      public record LegacyOrder(Long id) {}
      """;

  // The sample, as docs/migrations.md shows it.
  private static final String CUSTOMER = """
      package com.example.models;
      import dev.dataflow.annotations.DroppedColumns;
      import dev.dataflow.annotations.Model;
      import dev.dataflow.annotations.RenamedFrom;
      @Model
      @DroppedColumns({"fax"})
      public record Customer(
          Long id,
          @RenamedFrom("mail") String email) {}
      """;
  private static final String CLIENT = """
      package com.example.models;
      import dev.dataflow.annotations.Model;
      import dev.dataflow.annotations.RenamedFrom;
      @Model(table = "clients")
      @RenamedFrom("accounts")
      public record Client(Long id) {}
      """;
  private static final String PACKAGE_INFO = """
      @DroppedTables({"legacy_orders"})
      package com.example.models;
      import dev.dataflow.annotations.DroppedTables;
      """;

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString("com.example.models." + name, text);
  }

  @Test
  void theDocumentedDeclarationsGiveTheDocumentedMigration(@TempDir Path dir) {
    assertThat(Migrations.generate(dir, source("Customer", BEFORE_CUSTOMER), source("Account", BEFORE_ACCOUNT),
        source("LegacyOrder", BEFORE_LEGACY))).succeeded();
    assertThat(Migrations.generate(dir, source("Customer", CUSTOMER), source("Client", CLIENT),
        source("package-info", PACKAGE_INFO))).succeeded();
    Map<String, String> files = Migrations.files(dir);
    String v2 = files.entrySet().stream().filter(e -> e.getKey().startsWith("V2__")).map(Map.Entry::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no V2 in " + files.keySet()));
    for (String statement : new String[] {
        "alter table \"customers\" rename column \"mail\" to \"email\"",
        "alter table \"accounts\" rename to \"clients\"",
        "alter table \"customers\" drop",
        "drop table \"legacy_orders\""}) {
      assertTrue(v2.toLowerCase(java.util.Locale.ROOT).contains(statement), statement + " in\n" + v2);
    }
    assertEquals(3, files.size(), files.keySet().toString());
  }
}
