package dev.dataflow.runtime.workflow;

import dev.dataflow.runtime.node.Node;
import java.util.Map;

/**
 * One node of a workflow.
 *
 * @param id the node id, unique in its workflow
 * @param type the node type name
 * @param node the node implementation
 * @param params the literal parameters (deep, unmodifiable copy)
 */
public record NodeInstance(String id, String type, Node node, Map<String, Object> params) {}
