package dev.dataflow.runtime.node;

/** The kinds of node parameters, for validation before a workflow runs. */
public enum ParamType {
  /** A value of one column, converted to the column's Java type. */
  COLUMN,
  /** The model's key value. */
  KEY,
  /** A MongoDB-style filter map. */
  FILTERS,
  /** A map of column names to new values. */
  FIELDS,
  /** A list of maps of column names to values. */
  RECORDS,
  /** A list of column names, each optionally prefixed with {@code -} for descending order. */
  ORDER_BY,
  /** How an insert treats a row that already exists: {@code "error"}, {@code "ignore"} or {@code "update"}. */
  ON_CONFLICT,
  /** A list of column names of the node's model. */
  COLUMN_NAMES,
  /** A non-negative integer. */
  INTEGER,
  /** A boolean. */
  BOOLEAN,
  /** Anything; the node checks it. */
  ANY
}
