/**
 * The nine model nodes the processor's generated classes extend. Every check of CRUD input lives here, once
 * ({@link dev.dataflow.runtime.node.crud.RowValues}, used by the parameter checks at build time and by the nodes at
 * run time); the nodes then hand converted values to {@code sql} to render and bind. It may import {@code node},
 * {@code model} and {@code sql}; nothing in the engine imports it.
 */
package dev.dataflow.runtime.node.crud;
