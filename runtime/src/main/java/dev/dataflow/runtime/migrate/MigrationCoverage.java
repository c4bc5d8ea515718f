package dev.dataflow.runtime.migrate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dataflow.runtime.DataFlowException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which tables the committed migrations create, read from the schema snapshots ({@code dataflow-schema.json}) the
 * processor writes next to them. Each snapshot describes the schema after all migrations of its location, so a
 * table it lists is one some migration there creates.
 *
 * <pre>{@code
 * MigrationCoverage coverage = MigrationCoverage.read(List.of("classpath:db/migration"), classLoader);
 * if (!coverage.covers("conversation_sessions")) { ... }
 * }</pre>
 *
 * <p>Only {@code tables[].name} is read; every other field of the snapshot is ignored, so the format may grow.
 */
public final class MigrationCoverage {
  /** The snapshot's file name in every migration location. */
  public static final String SNAPSHOT_FILE = "dataflow-schema.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, String> snapshotByTable;

  private MigrationCoverage(Map<String, String> snapshotByTable) {
    this.snapshotByTable = Collections.unmodifiableMap(snapshotByTable);
  }

  /**
   * Reads every snapshot in the locations: for {@code classpath:} (or unprefixed) locations every copy on the
   * class path, through {@link ClassLoader#getResources}; for {@code filesystem:} locations the file in that
   * directory. A location without a snapshot covers nothing.
   *
   * @throws DataFlowException when a snapshot cannot be read or has no {@code tables} array of named tables
   */
  public static MigrationCoverage read(List<String> locations, ClassLoader classLoader) {
    Map<String, String> snapshotByTable = new LinkedHashMap<>();
    for (String location : locations) {
      if (location.startsWith("filesystem:")) {
        Path file = Path.of(location.substring("filesystem:".length())).resolve(SNAPSHOT_FILE);
        if (Files.isRegularFile(file)) {
          try (InputStream in = Files.newInputStream(file)) {
            addTables(in, file.toString(), snapshotByTable);
          } catch (IOException e) {
            throw unreadable(file.toString(), e);
          }
        }
      } else {
        String directory = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
        String resource = trimSlashes(directory) + "/" + SNAPSHOT_FILE;
        try {
          Enumeration<URL> urls = classLoader.getResources(resource);
          while (urls.hasMoreElements()) {
            URL url = urls.nextElement();
            try (InputStream in = url.openStream()) {
              addTables(in, url.toString(), snapshotByTable);
            }
          }
        } catch (IOException e) {
          throw unreadable(resource, e);
        }
      }
    }
    return new MigrationCoverage(snapshotByTable);
  }

  /** Whether a committed migration creates this table. */
  public boolean covers(String table) {
    return snapshotByTable.containsKey(table);
  }

  /** The snapshot that lists this table, or null. */
  public String snapshotOf(String table) {
    return snapshotByTable.get(table);
  }

  /** Every covered table. */
  public Set<String> tables() {
    return snapshotByTable.keySet();
  }

  private static void addTables(InputStream in, String source, Map<String, String> snapshotByTable)
      throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(in);
    } catch (JsonProcessingException e) {
      throw new DataFlowException("The migration snapshot " + source + " is not valid JSON (" + e.getOriginalMessage()
          + "). Regenerate it with the migrations: " + GenerateCommand.ANY_BUILD, e);
    }
    JsonNode tables = root == null ? null : root.get("tables");
    if (tables == null || !tables.isArray()) {
      throw new DataFlowException("The migration snapshot " + source + " has no \"tables\" array. Regenerate it with "
          + "the migrations: " + GenerateCommand.ANY_BUILD);
    }
    for (JsonNode table : tables) {
      JsonNode name = table.get("name");
      if (name == null || !name.isTextual() || name.asText().isEmpty()) {
        throw new DataFlowException("The migration snapshot " + source + " lists a table without a \"name\". "
            + "Regenerate it with the migrations: " + GenerateCommand.ANY_BUILD);
      }
      snapshotByTable.putIfAbsent(name.asText(), source);
    }
  }

  private static DataFlowException unreadable(String source, IOException e) {
    return new DataFlowException("Could not read the migration snapshot " + source + ": " + e.getMessage(), e);
  }

  private static String trimSlashes(String path) {
    String p = path;
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }
}
