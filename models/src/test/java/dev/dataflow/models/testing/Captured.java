package dev.dataflow.models.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** What code said while it ran: the log it wrote, and everything an exception says. For "never leaks" assertions. */
public final class Captured {
  private Captured() {}

  /** What is written to System.err while {@code action} runs (slf4j-simple looks System.err up at each line). */
  public static String err(Runnable action) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return buffer.toString(StandardCharsets.UTF_8);
  }

  /** Everything an exception says: each cause's toString and message, the suppressed ones, and the stack trace. */
  public static String everythingSaid(Throwable t) {
    StringBuilder text = new StringBuilder();
    for (Throwable c = t; c != null; c = c.getCause()) {
      text.append(c).append('\n').append(c.getMessage()).append('\n');
      for (Throwable s : c.getSuppressed()) {
        text.append(everythingSaid(s));
      }
    }
    StringWriter trace = new StringWriter();
    t.printStackTrace(new PrintWriter(trace));
    return text.append(trace).toString();
  }
}
