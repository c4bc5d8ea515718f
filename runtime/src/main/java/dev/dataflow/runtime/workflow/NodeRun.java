package dev.dataflow.runtime.workflow;

import java.time.Duration;

/**
 * What became of one node in one run: identifiers, a status and a duration, never a parameter value.
 *
 * @param nodeId the node's id
 * @param nodeType the node's type
 * @param status whether it ran, was skipped, failed, or never started
 * @param duration how long it ran ({@link Duration#ZERO} when skipped or not run)
 */
public record NodeRun(String nodeId, String nodeType, Status status, Duration duration) {

  /** A node's fate in a run. */
  public enum Status {
    /** It ran and returned its output. */
    RAN,
    /** It is on a branch a routing node did not take, or downstream of such a node. */
    SKIPPED,
    /** It threw, or a connection into it could not be applied. */
    FAILED,
    /** It never started: the run stopped at another node's failure first. */
    NOT_RUN
  }
}
