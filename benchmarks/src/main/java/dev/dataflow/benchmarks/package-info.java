/**
 * JMH benchmarks: every DataFlow operation (through {@link dev.dataflow.runtime.LocalRuntime#execute}) next to its
 * hand-written JDBC twin on the same pool and table, in the same run. Each benchmark class measures one operation; its
 * {@code jdbc} method is the baseline the others are divided by ({@link dev.dataflow.benchmarks.RatioReport}).
 */
package dev.dataflow.benchmarks;
