package dev.dataflow.runtime;

import java.time.Duration;

/**
 * What a {@link WorkflowListener} hears about one node. Carries identifiers and figures, never parameter values.
 *
 * @param runId the run
 * @param nodeId the node's id
 * @param nodeType the node's type
 * @param duration how long the node ran ({@link Duration#ZERO} for started and skipped)
 * @param rowsAffected rows inserted, updated or deleted by the node (0 for reads, unknown nodes and failures)
 */
public record NodeEvent(String runId, String nodeId, String nodeType, Duration duration, long rowsAffected) {}
