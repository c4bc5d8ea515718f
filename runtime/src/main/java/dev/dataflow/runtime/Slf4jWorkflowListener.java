package dev.dataflow.runtime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logging every run gets unless {@link ExecutionOptions.Builder#logging(boolean)} turns it off: node events on
 * logger {@code dev.dataflow.runtime.workflow}, started/finished/skipped and bulk progress at DEBUG and failed at WARN. Lines carry run
 * id, node id, node type, duration, rows affected and the error's message (which never holds a value).
 */
public final class Slf4jWorkflowListener implements WorkflowListener {
  static final Slf4jWorkflowListener INSTANCE = new Slf4jWorkflowListener();
  private static final Logger LOG = LoggerFactory.getLogger("dev.dataflow.runtime.workflow");

  private Slf4jWorkflowListener() {}

  @Override
  public void nodeStarted(NodeEvent e) {
    LOG.debug("run {} node {} ({}) started", e.runId(), e.nodeId(), e.nodeType());
  }

  @Override
  public void nodeFinished(NodeEvent e) {
    LOG.debug("run {} node {} ({}) finished in {} µs, {} rows affected", e.runId(), e.nodeId(), e.nodeType(),
        e.duration().toNanos() / 1000, e.rowsAffected());
  }

  @Override
  public void nodeFailed(NodeEvent e, Throwable error) {
    LOG.warn("run {} node {} ({}) failed after {} µs: {}", e.runId(), e.nodeId(), e.nodeType(),
        e.duration().toNanos() / 1000, error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage());
  }

  @Override
  public void nodeProgress(NodeProgress p) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("run {} node {} ({}) {} of {} records in {} ms", p.runId(), p.nodeId(), p.nodeType(), p.done(),
          p.totalKnown() ? String.valueOf(p.total()) : "?", p.elapsed().toMillis());
    }
  }

  @Override
  public void nodeSkipped(NodeEvent e) {
    LOG.debug("run {} node {} ({}) skipped: on a branch not taken", e.runId(), e.nodeId(), e.nodeType());
  }
}
