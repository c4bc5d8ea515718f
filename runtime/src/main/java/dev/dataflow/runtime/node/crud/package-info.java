/**
 * The nine model nodes the processor's generated classes extend. Every check of CRUD input lives here, once
 * ({@link dev.dataflow.runtime.node.crud.RowValues}, used by the parameter checks at build time and by the nodes at
 * run time); every write then runs the text of {@code @Pii(scrub = true)} columns through the context's scrubber and
 * sets the {@code @PiiScrubbed} flag ({@code Scrubbing}, the only place that does), and
 * hands the values to {@code sql} to render and bind. It may import {@code node}, {@code model}, {@code sql} and
 * {@code scrub}; nothing in the engine imports it.
 */
package dev.dataflow.runtime.node.crud;
