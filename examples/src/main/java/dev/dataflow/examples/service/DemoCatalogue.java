package dev.dataflow.examples.service;

import dev.dataflow.runtime.DataFlow;

/** The demo outlet and products the service starts with. Skeleton. */
public final class DemoCatalogue {
  private DemoCatalogue() {}

  /** Writes outlet 1 and the demo products when the tables are empty; does nothing otherwise. */
  public static void applyIfEmpty(DataFlow db) {}
}
