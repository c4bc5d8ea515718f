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
 * The declarations sample of docs/migrations.md, compiled for real: the page shows the region {@code declarations}
 * below (the docs test compares the two exactly), and this test proves it produces the migration the page says.
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

  // The sample exactly as docs/migrations.md shows it (the docs test compares the page with this region); its three
  // parts, separated by blank lines, are compiled below with their package and imports.
  private static final String SAMPLE = """
      // [START declarations]
      @Model
      @DroppedColumns({"fax"})                    // ALTER TABLE "customers" DROP COLUMN "fax"
      public record Customer(
          Long id,
          @RenamedFrom("mail") String email) {}   // ALTER TABLE "customers" RENAME COLUMN "mail" TO "email"

      @Model(table = "clients")
      @RenamedFrom("accounts")                    // ALTER TABLE "accounts" RENAME TO "clients"
      public record Client(Long id) {}

      @DroppedTables({"legacy_orders"})           // on any class, or in package-info.java
      package com.example.models;
      // [END declarations]
      """;
  private static final String IMPORTS = """
      import dev.dataflow.annotations.DroppedColumns;
      import dev.dataflow.annotations.DroppedTables;
      import dev.dataflow.annotations.Model;
      import dev.dataflow.annotations.RenamedFrom;
      """;

  /** Part {@code i} of the sample, without the region's marker lines. */
  private static String part(int i) {
    String[] parts = SAMPLE.replaceAll("(?m)^// \\[(START|END) declarations]\n", "").split("\n\n");
    assertEquals(3, parts.length, SAMPLE);
    return parts[i];
  }

  private static JavaFileObject source(String name, String text) {
    return JavaFileObjects.forSourceString("com.example.models." + name, text);
  }

  @Test
  void theDocumentedDeclarationsGiveTheDocumentedMigration(@TempDir Path dir) {
    assertThat(Migrations.generate(dir, source("Customer", BEFORE_CUSTOMER), source("Account", BEFORE_ACCOUNT),
        source("LegacyOrder", BEFORE_LEGACY))).succeeded();
    assertThat(Migrations.generate(dir,
        source("Customer", "package com.example.models;\n" + IMPORTS + part(0)),
        source("Client", "package com.example.models;\n" + IMPORTS + part(1)),
        source("package-info", part(2) + "\n" + IMPORTS))).succeeded();
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
