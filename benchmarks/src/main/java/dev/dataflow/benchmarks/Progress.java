package dev.dataflow.benchmarks;

import java.util.Locale;

/**
 * A progress line on stderr for long runs: what is done (rows, calls) of the total, and the time since it started. On a console the line
 * is rewritten in place ({@code \r}) at most five times a second; otherwise (a log file, a pipe, a test) one line
 * every {@value #LOG_EVERY_SECONDS} seconds, so logs stay short. Thread-safe: DataFlow reports from the node's thread.
 */
final class Progress {
  private static final int LOG_EVERY_SECONDS = 5;
  private static final boolean CONSOLE = System.console() != null;

  private final String what;
  private final String unit;
  private final long total;
  private final long started = System.nanoTime();
  private long lastPrinted = started;
  private boolean printed;

  /**
   * @param what the run, first on the line
   * @param unit what is counted ("rows", "calls")
   * @param total how many are expected, or -1 when not known
   */
  Progress(String what, String unit, long total) {
    this.what = what;
    this.unit = unit;
    this.total = total;
  }

  /** Reports {@code done} rows; prints only when the line is due. */
  synchronized void update(long done) {
    long now = System.nanoTime();
    long every = CONSOLE ? 200_000_000L : LOG_EVERY_SECONDS * 1_000_000_000L;
    if (now - lastPrinted < every) {
      return;
    }
    lastPrinted = now;
    print(done, now);
  }

  /** Ends the line (on a console), or prints the final count when an earlier line was printed. */
  synchronized void finish(long done) {
    if (printed || CONSOLE) {
      print(done, System.nanoTime());
      if (CONSOLE) {
        System.err.println();
      }
    }
  }

  private void print(long done, long now) {
    printed = true;
    String line = String.format(Locale.ROOT, "%s: %,d%s %s, %.1f s", what, done,
        total >= 0 ? String.format(Locale.ROOT, " of %,d", total) : "", unit, (now - started) / 1e9);
    if (CONSOLE) {
      System.err.print("\r" + line + "   ");
    } else {
      System.err.println(line);
    }
  }
}
