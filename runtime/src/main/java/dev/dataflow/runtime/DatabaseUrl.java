package dev.dataflow.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A database URL in either form DataFlow accepts: {@code postgresql://user:pass@host:port/db?params} (also
 * {@code postgres://}, as Heroku-style {@code DATABASE_URL}s are written) or {@code jdbc:postgresql://...}.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the user from the URL, or null
 * @param password the password from the URL, or null
 */
record DatabaseUrl(String jdbcUrl, String user, String password) {

  static DatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new DataFlowException("The database URL is empty. Give postgresql://user:password@host:port/database "
          + "or jdbc:postgresql://host:port/database");
    }
    String trimmed = url.trim();
    if (trimmed.startsWith("jdbc:postgresql:")) {
      return new DatabaseUrl(trimmed, null, null);
    }
    if (!trimmed.startsWith("postgresql://") && !trimmed.startsWith("postgres://")) {
      throw new DataFlowException("Unsupported database URL scheme (" + scheme(trimmed) + "). Give "
          + "postgresql://user:password@host:port/database or jdbc:postgresql://host:port/database");
    }
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      // The message would echo the URL, and with it the password.
      throw new DataFlowException("The database URL is not a valid URI at index " + e.getIndex()
          + ". Percent-encode special characters in the user name and password.");
    }
    if (uri.getHost() == null) {
      throw new DataFlowException("The database URL has no host. Give postgresql://user:password@host:port/database");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
    if (uri.getPort() > 0) {
      jdbc.append(':').append(uri.getPort());
    }
    String path = uri.getRawPath();
    jdbc.append(path == null || path.isEmpty() ? "/" : path);
    if (uri.getRawQuery() != null) {
      jdbc.append('?').append(uri.getRawQuery());
    }
    return new DatabaseUrl(jdbc.toString(), user, password);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String scheme(String url) {
    int colon = url.indexOf(':');
    return colon < 0 ? "none" : url.substring(0, Math.min(colon, 20));
  }

  /**
   * Says which server this is, for the start-up line: {@code PostgreSQL 16.4 at host:5432/db as user app}. Never the
   * password, nor the URL's parameters (they may carry one).
   */
  String describe(String serverVersion) {
    return "PostgreSQL " + serverVersion + " at " + location() + (user != null ? " as user " + user : "");
  }

  /** Where the database is, {@code host:5432/db}: never a password nor the URL's parameters. */
  String location() {
    String location = jdbcUrl.substring("jdbc:postgresql:".length());
    if (location.startsWith("//")) {
      location = location.substring(2);
    }
    int query = location.indexOf('?');
    if (query >= 0) {
      location = location.substring(0, query);
    }
    return location;
  }

  @Override
  public String toString() {
    int query = jdbcUrl.indexOf('?');
    // The query may carry a password; show only where the database is.
    return "DatabaseUrl[" + (query < 0 ? jdbcUrl : jdbcUrl.substring(0, query) + "?...") + ", user=" + user + "]";
  }
}
