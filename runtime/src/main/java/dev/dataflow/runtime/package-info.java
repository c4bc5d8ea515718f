/**
 * What an application uses: {@link dev.dataflow.runtime.DataFlow} (connection, pool, registry, migrations at start),
 * {@link dev.dataflow.runtime.WorkflowBuilder} → {@link dev.dataflow.runtime.Workflow} →
 * {@link dev.dataflow.runtime.LocalRuntime} → {@link dev.dataflow.runtime.WorkflowResult}, the options, listeners and
 * the run's exceptions. It is the top of the runtime and may import every package below it.
 *
 * <p>The engine's public types live here rather than in {@code workflow}, so that an application imports one package;
 * {@code WorkflowRun} and {@code ConnectionContexts} (how a run orders nodes and gives them connections), with
 * {@code ConnectionPool} (borrowing, typed failures) and {@code Commit} (a COMMIT whose connection breaks is settled
 * by asking the database), stay beside them because they build those public results. {@link dev.dataflow.runtime.DataFlowException}, the base of every
 * error, is the one type of this package that lower packages may use.
 */
package dev.dataflow.runtime;
