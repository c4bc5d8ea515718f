package dev.dataflow.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the embedded server's programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) print, which zonky would
 * otherwise log at INFO: they write to a file, and a daemon thread logs each line at DEBUG on
 * {@value #LOGGER_NAME}. The thread only runs when that logger is at DEBUG; the file also gives the last lines for
 * the message of a start that failed.
 */
final class ServerOutput implements AutoCloseable {
  static final String LOGGER_NAME = "dev.dataflow.embedded.postgres";
  private static final Logger OUTPUT = LoggerFactory.getLogger(LOGGER_NAME);
  private static final long POLL_MILLIS = 100;

  private final Path file;
  private final Thread follower;
  private final ByteArrayOutputStream partialLine = new ByteArrayOutputStream();
  private long position;
  private volatile boolean closing;

  private ServerOutput(Path file) {
    this.file = file;
    if (OUTPUT.isDebugEnabled()) {
      follower = new Thread(this::follow, "dataflow-embedded-postgres-output");
      follower.setDaemon(true);
      follower.start();
    } else {
      follower = null;
    }
  }

  /** Creates the (empty) file the programs append to and starts following it. */
  static ServerOutput create(Path file) throws IOException {
    Files.deleteIfExists(file);
    Files.createFile(file);
    return new ServerOutput(file);
  }

  /** Where the programs write: give it to zonky as both output and error redirect. */
  ProcessBuilder.Redirect redirect() {
    return ProcessBuilder.Redirect.appendTo(file.toFile());
  }

  /** The last {@code count} lines written so far, for an error message (the start's output quotes no row values). */
  List<String> lastLines(int count) {
    ArrayDeque<String> last = new ArrayDeque<>();
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      lines.filter(line -> !line.isBlank()).forEach(line -> {
        last.addLast(line.strip());
        if (last.size() > count) {
          last.removeFirst();
        }
      });
    } catch (IOException | UncheckedIOException e) {
      return List.of();
    }
    return List.copyOf(last);
  }

  private void follow() {
    while (true) {
      boolean last = closing;
      logNewLines();
      if (last) {
        return;
      }
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        closing = true;
      }
    }
  }

  private void logNewLines() {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer buffer = ByteBuffer.allocate(8192);
      channel.position(position);
      int read;
      while ((read = channel.read(buffer)) > 0) {
        position += read;
        buffer.flip();
        while (buffer.hasRemaining()) {
          byte b = buffer.get();
          if (b == '\n') {
            String line = partialLine.toString(StandardCharsets.UTF_8).stripTrailing();
            partialLine.reset();
            if (!line.isEmpty()) {
              OUTPUT.debug(line);
            }
          } else {
            partialLine.write(b);
          }
        }
        buffer.clear();
      }
    } catch (IOException e) {
      // The file is gone (deleted at close) or unreadable: nothing more to log.
      closing = true;
    }
  }

  /**
   * Closes after a start that failed. zonky registered its JVM shutdown hook before giving up, and that hook's
   * {@code pg_ctl stop} appends to the file again at exit: the JVM deletes it after the hooks ran.
   */
  void closeAfterFailedStart() {
    close();
    file.toFile().deleteOnExit();
  }

  /** Logs what is left (call after the server stopped) and deletes the file. */
  @Override
  public void close() {
    closing = true;
    if (follower != null) {
      try {
        follower.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LoggerFactory.getLogger(EmbeddedPostgresServer.class).warn("Could not delete {}: {}", file, e.getMessage());
    }
  }
}
