package dev.dataflow.models.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP proxy on 127.0.0.1 in front of the test PostgreSQL that can lose a reply on purpose: armed with a server
 * message, it closes the connection that carries it instead of forwarding it. The server has done the work (a COMMIT
 * it answers with {@code CommandComplete "COMMIT"} has committed); the client sees its connection break before the
 * answer arrives, exactly like a network failure at the worst moment.
 *
 * <pre>{@code
 * try (CuttingProxy proxy = CuttingProxy.to(TestPostgres.newDatabase())) {
 *   DataFlow db = DataFlow.builder().databaseUrl(proxy.jdbcUrl()).build();
 *   CompletableFuture<Void> cut = proxy.cutAt(CuttingProxy.COMMIT_COMPLETE, CuttingProxy.Cut.THAT_CONNECTION);
 *   ...
 * }
 * }</pre>
 */
public final class CuttingProxy implements AutoCloseable {
  /** CommandComplete "COMMIT": sent after the server committed an explicit transaction. */
  public static final byte[] COMMIT_COMPLETE = commandComplete("COMMIT");
  /** CommandComplete "INSERT 0 1": one row inserted (in auto-commit mode, committed at the Sync that follows). */
  public static final byte[] INSERT_ONE_COMPLETE = commandComplete("INSERT 0 1");
  /** CommandComplete "SELECT 1": a query returned one row. */
  public static final byte[] SELECT_ONE_COMPLETE = commandComplete("SELECT 1");

  /** What to close when the armed message is seen. */
  public enum Cut {
    /** Only the connection that carried it; new connections work. */
    THAT_CONNECTION,
    /** Every connection, and no new one is accepted: the database is unreachable from then on. */
    EVERYTHING
  }

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final String jdbcUrl;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  /** Guards {@link #closed} against a connection accepted while {@link #close} runs. */
  private final Object lock = new Object();
  private boolean closed;
  private final AtomicReference<Armed> armed = new AtomicReference<>();

  private record Armed(byte[] message, Cut cut, CompletableFuture<Void> done) {}

  private CuttingProxy(String databaseUrl) throws IOException {
    Matcher m = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)(\\?(.*))?").matcher(databaseUrl);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a jdbc:postgresql://host:port/db URL: " + databaseUrl);
    }
    this.targetHost = m.group(1);
    this.targetPort = Integer.parseInt(m.group(2));
    this.listener = new ServerSocket();
    listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    // No TLS negotiation: the proxy reads the protocol's plain bytes.
    this.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/" + m.group(3) + "?"
        + (m.group(5) == null ? "" : m.group(5) + "&") + "sslmode=disable";
    Thread acceptor = new Thread(this::accept, "cutting-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A proxy in front of the database at {@code databaseUrl} ({@code jdbc:postgresql://host:port/db?...}). */
  public static CuttingProxy to(String databaseUrl) {
    try {
      return new CuttingProxy(databaseUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same database, through this proxy. */
  public String jdbcUrl() {
    return jdbcUrl;
  }

  /**
   * Arms the proxy: the next server reply that contains {@code message} is not forwarded; {@code cut} is closed
   * instead. The future completes when that happened.
   */
  public CompletableFuture<Void> cutAt(byte[] message, Cut cut) {
    Armed a = new Armed(message, cut, new CompletableFuture<>());
    if (!armed.compareAndSet(null, a)) {
      throw new IllegalStateException("already armed");
    }
    return a.done();
  }

  @Override
  public void close() {
    synchronized (lock) {
      closed = true;
    }
    closeQuietly(listener);
    for (Socket s : sockets) {
      closeQuietly(s);
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket(targetHost, targetPort);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        // A connection accepted just as close() runs must not slip through to the database a test made
        // unreachable: it is registered before close() looks at the sockets, or closed here.
        synchronized (lock) {
          if (closed) {
            closeQuietly(client);
            closeQuietly(server);
            return;
          }
          sockets.add(client);
          sockets.add(server);
        }
        start("cutting-proxy-up", () -> pump(client, server, false));
        start("cutting-proxy-down", () -> pump(server, client, true));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to, boolean fromServer) {
    byte[] buffer = new byte[64 * 1024];
    // The end of the previous read, so that a message split across two reads is still seen.
    byte[] tail = new byte[0];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        if (fromServer) {
          Armed a = armed.get();
          if (a != null) {
            byte[] window = concat(tail, buffer, n);
            if (indexOf(window, a.message()) >= 0 && armed.compareAndSet(a, null)) {
              a.done().complete(null); // before the client can see the cut
              cut(a.cut(), from, to);
              return;
            }
            tail = Arrays.copyOfRange(window, Math.max(0, window.length - a.message().length), window.length);
          }
        }
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // one side closed: close the other
    } finally {
      closeQuietly(from);
      closeQuietly(to);
    }
  }

  private void cut(Cut cut, Socket server, Socket client) {
    if (cut == Cut.EVERYTHING) {
      // Every other connection first, the one that carried the message last: its client reacts as soon as it sees
      // the cut (asking a pooled connection what became of its COMMIT), and must not find one still open.
      synchronized (lock) {
        closed = true;
      }
      closeQuietly(listener);
      for (Socket s : sockets) {
        if (s != server && s != client) {
          closeQuietly(s);
        }
      }
    }
    closeQuietly(client);
    closeQuietly(server);
  }

  private static byte[] commandComplete(String tag) {
    byte[] text = tag.getBytes(StandardCharsets.US_ASCII);
    int length = 4 + text.length + 1;
    byte[] m = new byte[1 + length];
    m[0] = 'C';
    m[1] = (byte) (length >>> 24);
    m[2] = (byte) (length >>> 16);
    m[3] = (byte) (length >>> 8);
    m[4] = (byte) length;
    System.arraycopy(text, 0, m, 5, text.length);
    return m;
  }

  private static byte[] concat(byte[] head, byte[] buffer, int n) {
    byte[] all = Arrays.copyOf(head, head.length + n);
    System.arraycopy(buffer, 0, all, head.length, n);
    return all;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static void start(String name, Runnable body) {
    Thread t = new Thread(body, name);
    t.setDaemon(true);
    t.start();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // already closed
    }
  }
}
