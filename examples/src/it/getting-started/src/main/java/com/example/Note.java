package com.example;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;

/** A note: the table {@code notes}, and nine nodes (NoteCreateNode, NoteListNode, ...) written by the processor. */
@Model
public record Note(
    Long id,
    @Column(nullable = false, length = 200) String title,
    String body) {}
