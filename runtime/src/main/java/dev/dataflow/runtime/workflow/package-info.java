/**
 * The workflow engine's parts below its public types: the graph's edges and node instances, dotted output paths,
 * applying connections at run time, {@link dev.dataflow.runtime.workflow.ParamChecker}, which checks a node's
 * parameters against its {@link dev.dataflow.runtime.node.ParamSpec}s, what became of a node in a run
 * ({@link dev.dataflow.runtime.workflow.NodeRun}), and {@link dev.dataflow.runtime.workflow.WorkflowDiagram}, which
 * draws a workflow or a run as Mermaid (ids, types, paths, branches, statuses and durations; never a value). The
 * engine knows any node only through {@link dev.dataflow.runtime.node.Node}: it may import {@code node} and
 * {@code model}, never {@code node.crud} or {@code sql}.
 */
package dev.dataflow.runtime.workflow;
