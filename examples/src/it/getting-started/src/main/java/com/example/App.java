package com.example;

import dev.dataflow.runtime.DataFlow;
import dev.dataflow.runtime.LocalRuntime;
import dev.dataflow.runtime.WorkflowBuilder;
import dev.dataflow.runtime.WorkflowResult;
import java.util.List;

public final class App {
  private App() {}

  public static void main(String[] args) {
    try (DataFlow db = DataFlow.builder().build()) {   // DATABASE_URL, else the embedded PostgreSQL
      for (Note note : addAndList(db, "Buy milk")) {
        System.out.println("Note " + note.id() + ": " + note.title());
      }
    }
  }

  /** One workflow: create a note, then list the notes with its title. */
  static List<Note> addAndList(DataFlow db, String title) {
    WorkflowResult result = new LocalRuntime(db).execute(new WorkflowBuilder()
        .addNode("note", NoteCreateNode.params().title(title))
        .addNode("notes", NoteListNode.params().orderBy("id"))
        .addConnection("note", "title", "notes", "filters.title")
        .build());
    return result.records("notes", Note.class);
  }
}
