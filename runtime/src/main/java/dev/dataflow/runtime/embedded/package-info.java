/**
 * The embedded PostgreSQL that {@link dev.dataflow.runtime.DataFlow} starts when no database URL is given (zonky's
 * binaries, a real server), its data in a temporary directory or in one kept across restarts, and its own output
 * logged at DEBUG. It may import {@link dev.dataflow.runtime.DataFlowException} and nothing else of the runtime.
 */
package dev.dataflow.runtime.embedded;
