package dev.dataflow.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code <Model>RowMapper} for the shapes a model can take: a record with a JSON record field, a class
 * with package-private fields and private ones behind getters and setters, and a class generated code cannot build.
 * Run against PostgreSQL in the models module's {@code TypedResultsTest}.
 */
class RowMapperTest {

  private static String generated(Compilation compilation, String simpleName) throws IOException {
    return compilation
        .generatedSourceFile("dev.dataflow.models." + simpleName)
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }

  @Test
  void aJsonFieldOfAnotherTypeThanTheTreeIsConvertedThroughAJsonTypeConstant() throws IOException {
    JavaFileObject source =
        model(
            "Place",
            """
            @Model
            public record Place(Long id, @Json Point centre, @Json List<Point> outline, @Json Map<String, Object> tags,
                int floor) {
              public record Point(double x, double y) {}
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = generated(compilation, "PlaceRowMapper");
    assertThat(mapper).contains("private static final JsonType<Place.Point> CENTRE_TYPE = new JsonType<Place.Point>() {};");
    assertThat(mapper).contains("Json.convert(row.get(\"outline\"), OUTLINE_TYPE)");
    assertThat(mapper).contains("(Map<String, Object>) row.get(\"tags\")");
    assertThat(mapper).contains("(Integer) RowMappers.notNull(row, \"floor\", \"Place\", \"floor\")");
    assertThat(generated(compilation, "PlaceCreateNode")).contains("public static Params params(Place model)");
  }

  @Test
  void aClassIsBuiltThroughItsFieldsOrItsSetters() throws IOException {
    JavaFileObject source =
        model(
            "Account",
            """
            @Model
            public class Account {
              Long id;
              String email;
              private boolean active;

              public boolean isActive() {
                return active;
              }

              public void setActive(boolean active) {
                this.active = active;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = generated(compilation, "AccountRowMapper");
    assertThat(mapper).contains("Account model = new Account();");
    assertThat(mapper).contains("model.email = (String) row.get(\"email\");");
    assertThat(mapper).contains("model.setActive((Boolean) RowMappers.notNull(row, \"active\", \"Account\", \"active\"));");
    assertThat(mapper).contains("row.put(\"active\", model.isActive());");
    assertThat(generated(compilation, "AccountCreateNode")).contains("setUnlessNull(\"active\", model.isActive());");
  }

  @Test
  void aClassGeneratedCodeCannotBuildCompilesAndItsMapperSaysWhatToAdd() throws IOException {
    JavaFileObject source =
        model(
            "Sealed",
            """
            @Model
            public class Sealed {
              Long id;
              private String secret;
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String mapper = generated(compilation, "SealedRowMapper");
    assertThat(mapper)
        .contains("field Sealed.secret is private and has no getSecret() and setSecret(...) that generated code can"
            + " call; add them, make the field package-private, or make Sealed a record");
    assertThat(generated(compilation, "SealedCreateNode")).doesNotContain("params(Sealed model)");
  }
}
