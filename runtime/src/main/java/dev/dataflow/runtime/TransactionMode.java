package dev.dataflow.runtime;

/** How the database nodes of one workflow run commit. */
public enum TransactionMode {
  /**
   * Each node commits on its own: a single-row node is one statement, a bulk node one transaction. When a node
   * fails, the nodes before it stay committed. Independent branches may run in parallel.
   */
  PER_NODE,
  /**
   * Every node of the run shares one connection and one transaction, committed when the last node finishes and
   * rolled back entirely when any node fails (SQL error, constraint violation, conversion error, timeout, an
   * exception from a user node). Nodes run one at a time, in order.
   */
  WORKFLOW
}
