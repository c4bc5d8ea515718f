package dev.dataflow.models.testing;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.testing.TestPostgres;

/** A DataFlow on a fresh database of the shared embedded PostgreSQL, with every model's tables created. */
public final class TestDataFlow {
  private TestDataFlow() {}

  public static DataFlow fresh() {
    return fresh(4);
  }

  public static DataFlow fresh(int poolSize) {
    return DataFlow.builder().databaseUrl(TestPostgres.newDatabase()).maximumPoolSize(poolSize)
        .createMissingTables(true) // the test models (AllTypes, Team, Member) have no committed migration
        .build();
  }
}
