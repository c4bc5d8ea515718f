package dev.dataflow.embedded;

import com.google.auto.service.AutoService;
import dev.dataflow.runtime.embedded.EmbeddedDatabase;
import dev.dataflow.runtime.embedded.EmbeddedServerProvider;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded PostgreSQL (zonky's binaries, a real server) that {@code DataFlow.builder().build()} starts when no
 * database URL is given: registered with {@link java.util.ServiceLoader}, so having this artifact on the class path
 * is all it takes. Not for production: set {@code DATABASE_URL} there, and keep this artifact in the test scope.
 */
@AutoService(EmbeddedServerProvider.class)
public final class EmbeddedPostgresProvider implements EmbeddedServerProvider {

  /** For {@link java.util.ServiceLoader}. */
  public EmbeddedPostgresProvider() {}

  @Override
  public EmbeddedDatabase startTemporary() {
    return EmbeddedPostgresServer.startTemporary();
  }

  @Override
  public EmbeddedDatabase startIn(Path directory) {
    return EmbeddedPostgresServer.startIn(Objects.requireNonNull(directory, "directory"));
  }
}
