package dev.dataflow.processor.scan;

import static com.google.common.truth.Truth.assertThat;

import dev.dataflow.runtime.node.crud.CrudNode;
import org.junit.jupiter.api.Test;

/** The column names the scanner refuses are the runtime's own names, so a rename on either side shows here. */
class ReservedNamesTest {
  @Test
  void createParametersAreTheRuntimes() {
    assertThat(ModelScanner.CREATE_PARAMETERS).containsExactly(CrudNode.ON_CONFLICT, CrudNode.CONFLICT_COLUMNS);
  }
}
