/**
 * What the processor computed about each model at build time: {@link dev.dataflow.runtime.model.ModelDescriptor},
 * its {@link dev.dataflow.runtime.model.ColumnDescriptor}s and {@link dev.dataflow.runtime.model.ForeignKeyDescriptor}s,
 * fixed-shape {@link dev.dataflow.runtime.model.Statements} and {@link dev.dataflow.runtime.model.Retention}, the
 * generated {@link dev.dataflow.runtime.model.RowMapper} between output rows and model instances,
 * plus {@link dev.dataflow.runtime.model.Suggestions} ("did you mean") for the names every layer reports and
 * {@link dev.dataflow.runtime.model.ErDiagram}, the models drawn from their descriptors alone (here, at the bottom, so
 * that the registry above can draw them). The bottom of the runtime: it imports no other runtime package.
 */
package dev.dataflow.runtime.model;
