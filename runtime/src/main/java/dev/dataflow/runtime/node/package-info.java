/**
 * What a node is, to the engine and to an application that writes its own: {@link dev.dataflow.runtime.node.Node},
 * its declared parameters and their checks ({@link dev.dataflow.runtime.node.ParamSpec},
 * {@link dev.dataflow.runtime.node.ParamValues}), the model rows its output holds
 * ({@link dev.dataflow.runtime.node.ModelOutput}, for typed results), what it may use while running
 * ({@link dev.dataflow.runtime.node.NodeContext}, which also hears the rows it wrote), the exceptions a node raises,
 * the built-in {@link dev.dataflow.runtime.node.SwitchNode} and the {@link dev.dataflow.runtime.node.NodeRegistry}
 * with the {@link dev.dataflow.runtime.node.ModelProvider} service it loads. It may import {@code model},
 * {@code sql} (whose refusals it reports as {@link dev.dataflow.runtime.node.InvalidParameterException}) and
 * {@code scrub} (the context hands nodes the application's {@link dev.dataflow.runtime.scrub.PiiScrubber}), nothing
 * above.
 */
package dev.dataflow.runtime.node;
