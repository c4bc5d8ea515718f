/**
 * The service interface through which {@link dev.dataflow.runtime.DataFlow} starts an embedded PostgreSQL when no
 * database URL is given. The runtime holds no server: the artifact {@code dev.dataflow:dataflow-embedded} (a real
 * PostgreSQL, about 14 MB of binaries) registers an {@link dev.dataflow.runtime.embedded.EmbeddedServerProvider}
 * with {@link java.util.ServiceLoader}, and is meant for examples, tests and development, not for production.
 * It may import {@link dev.dataflow.runtime.DataFlowException} and nothing else of the runtime.
 */
package dev.dataflow.runtime.embedded;
