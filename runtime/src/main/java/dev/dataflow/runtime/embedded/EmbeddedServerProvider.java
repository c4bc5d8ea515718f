package dev.dataflow.runtime.embedded;

import dev.dataflow.runtime.DataFlowException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Starts embedded PostgreSQL servers. {@code DataFlow.builder().build()} looks one up with
 * {@link ServiceLoader} when neither {@code databaseUrl(...)} nor {@code DATABASE_URL} is set; the artifact
 * {@code dev.dataflow:dataflow-embedded} provides it. Without that artifact on the class path a missing URL fails the
 * start, naming the dependency to add and the variable to set.
 */
public interface EmbeddedServerProvider {

  /** The artifact that provides this service, as {@code groupId:artifactId}. */
  String ARTIFACT = "dev.dataflow:dataflow-embedded";

  /**
   * Starts a server whose data lives in a new temporary directory, deleted when the server is closed.
   *
   * @throws DataFlowException when the server cannot start, with its reason
   */
  EmbeddedDatabase startTemporary();

  /**
   * Starts a server on the data in {@code directory}, which it keeps: a new or empty directory is initialised, one
   * initialised before is reused.
   *
   * @throws DataFlowException when the directory cannot be used (a file, other files than PostgreSQL's, in use by a
   *     running server) or the server cannot start, with the reason and the fix
   */
  EmbeddedDatabase startIn(Path directory);

  /**
   * The first provider registered in {@code META-INF/services} that {@code loader} sees, if any.
   *
   * @throws DataFlowException when a registered provider cannot be loaded
   */
  static Optional<EmbeddedServerProvider> find(ClassLoader loader) {
    try {
      Iterator<EmbeddedServerProvider> providers = ServiceLoader.load(EmbeddedServerProvider.class, loader).iterator();
      return providers.hasNext() ? Optional.of(providers.next()) : Optional.empty();
    } catch (ServiceConfigurationError e) {
      throw new DataFlowException("Could not load the embedded PostgreSQL (" + ARTIFACT + ") registered in "
          + "META-INF/services/" + EmbeddedServerProvider.class.getName() + ": " + e.getMessage() + ". Check that "
          + ARTIFACT + " has the same version as dataflow-runtime, or set DATABASE_URL to use a running server.", e);
    }
  }
}
