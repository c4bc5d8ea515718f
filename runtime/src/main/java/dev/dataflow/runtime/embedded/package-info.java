/**
 * The embedded PostgreSQL that {@link dev.dataflow.runtime.DataFlow} starts when no database URL is given (zonky's
 * binaries, a real server in a temporary directory). It may import {@link dev.dataflow.runtime.DataFlowException}
 * and nothing else of the runtime.
 */
package dev.dataflow.runtime.embedded;
