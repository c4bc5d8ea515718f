/**
 * The embedded PostgreSQL that {@link dev.dataflow.runtime.DataFlow} starts when no database URL is given (zonky's
 * binaries, a real server), its data in a temporary directory or in one kept across restarts, and its own output
 * logged at DEBUG on {@code dev.dataflow.embedded.postgres}. Found by the runtime through
 * {@link dev.dataflow.runtime.embedded.EmbeddedServerProvider}; for examples, tests and development only.
 */
package dev.dataflow.embedded;
