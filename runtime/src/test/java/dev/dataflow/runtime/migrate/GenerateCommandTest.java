package dev.dataflow.runtime.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.dataflow.runtime.model.ModelDescriptor;
import org.junit.jupiter.api.Test;

/** The command in start failures names the model's Maven module when it can tell, and says so when it cannot. */
class GenerateCommandTest {

  @Test
  void namesTheModuleAClassWasCompiledInto() {
    // dev.dataflow.runtime.DataFlow is compiled into runtime/target/classes.
    ModelDescriptor model = withClass(TestModels.WIDGET, "dev.dataflow.runtime.DataFlow");

    assertEquals("mvn -pl runtime -am compile -Ddataflow.migrations.mode=generate", GenerateCommand.forModel(model));
  }

  @Test
  void asksForTheModuleWhenTheClassCannotBeFound() {
    assertEquals("mvn -pl <the module of Widget> -am compile -Ddataflow.migrations.mode=generate",
        GenerateCommand.forModel(TestModels.WIDGET));
  }

  private static ModelDescriptor withClass(ModelDescriptor m, String className) {
    return new ModelDescriptor(m.modelName(), className, m.table(), m.columns(), m.primaryKey(), m.referencedTables(),
        m.ddl(), m.statements());
  }
}
