package dev.dataflow.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.dataflow.processor.Sources.compile;
import static dev.dataflow.processor.Sources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @References(column = ...)}: a foreign key to a unique non-key column of another model. */
class ReferencesColumnTest {
  private static final JavaFileObject SESSION = model("Session",
      "@Model\npublic record Session(Long id, @Unique UUID sessionId, String userId) {}\n");

  @Test
  void referencesAUniqueColumnByColumnOrFieldName() {
    for (String name : new String[] {"session_id", "sessionId"}) {
      JavaFileObject message = model("Message", "@Model\npublic record Message(\n    Long id,\n"
          + "    @References(value = Session.class, column = \"" + name + "\", onDelete = OnDelete.CASCADE)"
          + " UUID sessionId) {}\n");
      Compilation compilation = compile(SESSION, message);
      assertThat(compilation).succeededWithoutWarnings();
      assertThat(compilation).generatedSourceFile("dev.dataflow.models.MessageSchema").contentsAsUtf8String()
          .contains("constraint \\\"fk_messages_session_id\\\" foreign key (\\\"session_id\\\") references"
              + " \\\"sessions\\\" (\\\"session_id\\\") on delete cascade");
    }
  }

  @Test
  void aColumnThatIsNotUniqueIsRefused() {
    JavaFileObject message = model("Message", "@Model\npublic record Message(\n    Long id,\n"
        + "    @References(value = Session.class, column = \"user_id\") String userId) {}\n");
    assertThat(compile(SESSION, message))
        .hadErrorContaining("column user_id of Session is not unique, so it cannot be referenced; mark it @Unique")
        .inFile(message)
        .onLineContaining("String userId");
  }

  @Test
  void anUnknownColumnIsRefused() {
    JavaFileObject message = model("Message", "@Model\npublic record Message(\n    Long id,\n"
        + "    @References(value = Session.class, column = \"sesion_id\") UUID sessionId) {}\n");
    assertThat(compile(SESSION, message))
        .hadErrorContaining("Session has no column or field named 'sesion_id'")
        .inFile(message)
        .onLineContaining("UUID sessionId");
  }

  @Test
  void theTypeMustMatchTheReferencedColumn() {
    JavaFileObject message = model("Message", "@Model\npublic record Message(\n    Long id,\n"
        + "    @References(value = Session.class, column = \"session_id\") String sessionId) {}\n");
    assertThat(compile(SESSION, message))
        .hadErrorContaining("but column session_id of Session is java.util.UUID; declare sessionId as java.util.UUID")
        .inFile(message)
        .onLineContaining("String sessionId");
  }
}
