package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Which column is the key, and whether the database generates it. */
class KeyRulesTest {

  @Test
  void modelWithoutKeyGetsImplicitIdentityId() {
    Compilation compilation = compile(model("Tag", "@Model\npublic record Tag(String label) {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.TagSchema")
        .contentsAsUtf8String()
        .contains(
            "ColumnDescriptor.column(\"id\", \"id\", JavaType.LONG, \"BIGINT\").notNull().asPrimaryKey()"
                + ".asGenerated(),\n"
                + "          ColumnDescriptor.column(\"label\"");
  }

  @Test
  void idKeyDeclaredLaterStillComesFirstAndIntIsIdentity() {
    Compilation compilation =
        compile(model("Seat", "@Model\npublic record Seat(String row, @Id @Column(name = \"seat_no\") int number) {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.SeatSchema")
        .contentsAsUtf8String()
        .contains(
            "ColumnDescriptor.column(\"seat_no\", \"number\", JavaType.INT, \"INTEGER\").notNull().asPrimaryKey()"
                + ".asGenerated(),\n"
                + "          ColumnDescriptor.column(\"row\"");
  }

  @Test
  void stringKeyIsGivenOnCreate() {
    Compilation compilation = compile(model("Country", "@Model\npublic record Country(@Id String code) {}\n"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation)
        .generatedSourceFile("dev.dataflow.models.CountryCreateNode")
        .contentsAsUtf8String()
        .contains("public Params code(String code) {");
  }
}
