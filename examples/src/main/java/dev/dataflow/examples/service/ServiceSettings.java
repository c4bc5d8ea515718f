package dev.dataflow.examples.service;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Function;

/**
 * How {@link ConversationService#main} is configured, read from the environment.
 *
 * <table>
 *   <caption>Environment variables</caption>
 *   <tr><th>variable</th><th>meaning</th><th>when unset</th></tr>
 *   <tr><td>{@code PORT}</td><td>the HTTP port</td><td>8080</td></tr>
 *   <tr><td>{@code DATABASE_URL}</td><td>the PostgreSQL server</td><td>an embedded PostgreSQL whose data is kept in
 *       {@value #DATA_DIRECTORY} under the working directory, so a restart finds it again</td></tr>
 *   <tr><td>{@code SERVICE_TOKEN}</td><td>the bearer token every {@code /api} route requires</td><td>a random token,
 *       printed once at start</td></tr>
 * </table>
 *
 * @param port the port to listen on (0: any free port)
 * @param databaseUrl the database URL, or null for the embedded PostgreSQL
 * @param dataDirectory where the embedded PostgreSQL keeps its data (unused when {@code databaseUrl} is set)
 * @param token the bearer token
 * @param tokenGenerated whether {@code token} was made up at start because {@code SERVICE_TOKEN} is not set
 */
public record ServiceSettings(int port, String databaseUrl, Path dataDirectory, String token, boolean tokenGenerated) {
  /** The port when {@code PORT} is not set. */
  public static final int DEFAULT_PORT = 8080;
  /** The embedded database's data directory, relative to the working directory. */
  public static final String DATA_DIRECTORY = "dataflow-service-data";

  private static final SecureRandom RANDOM = new SecureRandom();

  public ServiceSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
    }
    Objects.requireNonNull(dataDirectory, "dataDirectory");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("the service token must not be empty");
    }
  }

  /**
   * The settings the environment gives ({@code System::getenv} in {@code main}).
   *
   * @throws IllegalArgumentException naming the variable that holds an unusable value
   */
  public static ServiceSettings fromEnvironment(Function<String, String> environment) {
    int port = port(environment.apply("PORT"));
    String databaseUrl = blankToNull(environment.apply("DATABASE_URL"));
    String token = blankToNull(environment.apply("SERVICE_TOKEN"));
    boolean generated = token == null;
    if (generated) {
      token = randomToken();
    } else if (token.chars().anyMatch(c -> c <= ' ' || c > '~')) {
      // Sent in an HTTP header: spaces, control and non-ASCII characters would not arrive as written.
      throw new IllegalArgumentException(
          "SERVICE_TOKEN must be printable ASCII without spaces (for example a base64url string)");
    }
    return new ServiceSettings(port, databaseUrl, Path.of(DATA_DIRECTORY), token, generated);
  }

  /** A token of 32 random bytes, base64url without padding (43 characters). */
  public static String randomToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static int port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65_535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("PORT must be a port number from 0 to 65535 (0: any free port); it is '"
        + (value.length() > 16 ? value.substring(0, 16) + "..." : value) + "'");
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  @Override
  public String toString() {
    // Never the token nor the URL (which may hold a password).
    return "ServiceSettings[port=" + port + ", database=" + (databaseUrl == null ? "embedded in " + dataDirectory
        : "DATABASE_URL") + ", token=" + (tokenGenerated ? "generated" : "SERVICE_TOKEN") + "]";
  }
}
