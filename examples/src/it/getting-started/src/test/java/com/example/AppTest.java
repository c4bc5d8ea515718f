package com.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.dataflow.runtime.DataFlow;
import java.util.List;
import org.junit.jupiter.api.Test;

class AppTest {

  @Test
  void createsANoteAndListsIt() {
    try (DataFlow db = DataFlow.builder().build()) {   // no DATABASE_URL: an embedded PostgreSQL, deleted at close
      List<Note> notes = App.addAndList(db, "Buy milk");

      assertEquals(1, notes.size());
      assertEquals("Buy milk", notes.get(0).title());
      assertNotNull(notes.get(0).id());
    }
  }
}
