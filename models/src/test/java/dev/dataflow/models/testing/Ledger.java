package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Unique;
import dev.dataflow.annotations.Version;

/** A model with optimistic locking: a balance that concurrent writers must not overwrite blindly. */
@Model
public record Ledger(
    Long id,
    @Unique @Column(nullable = false, length = 40) String owner,
    @Column(defaultValue = "0") long balance,
    String note,
    @Version int version) {}
