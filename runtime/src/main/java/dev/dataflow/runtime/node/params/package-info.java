/**
 * The shared part of the typed {@code Params} of generated CRUD nodes: each generated {@code <Model><Kind>Node.Params}
 * extends one of these and adds only what depends on the model (the key's type, the column setters), so the
 * generated sources stay small.
 */
package dev.dataflow.runtime.node.params;
