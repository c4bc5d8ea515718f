package dev.dataflow.runtime.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Captures what is written to System.err meanwhile: slf4j-simple, the tests' logger, writes there. */
public final class StandardErr implements AutoCloseable {
  private final PrintStream original = System.err;
  private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

  public StandardErr() {
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
  }

  public String text() {
    System.err.flush();
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    System.setErr(original);
    original.print(text());
  }
}
