package dev.dataflow.processor.write;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.dataflow.runtime.node.ModelProvider}, listing every {@code <Model>Schema} of
 * the compilation, sorted so the file is stable. Written once, when processing is over.
 */
public final class ServiceEntryWriter {
  public static final String SERVICE_FILE = "META-INF/services/dev.dataflow.runtime.node.ModelProvider";

  public void write(Filer filer, Collection<String> schemaClassNames) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", SERVICE_FILE);
    try (Writer writer = file.openWriter()) {
      writer.write(text(schemaClassNames));
    }
  }

  /** One class name a line, sorted. */
  static String text(Collection<String> schemaClassNames) {
    StringBuilder text = new StringBuilder();
    for (String name : new TreeSet<>(schemaClassNames)) {
      text.append(name).append('\n');
    }
    return text.toString();
  }
}
