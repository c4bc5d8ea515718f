package dev.dataflow.runtime.node;

import java.util.Map;
import java.util.Set;

/**
 * A node that chooses among branches. Its output holds a key for the branch it took; a connection whose output path
 * starts with a branch it did not take makes the target node (and everything downstream of it) skipped instead of
 * failed.
 */
public interface RoutingNode extends Node {
  /** Every branch name this node may take with these parameters, for validating connections before a run. */
  Set<String> branches(Map<String, Object> params);
}
