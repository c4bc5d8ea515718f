package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;

/** A model with a NOT NULL foreign key, deleted with its team. */
@Model
public record Member(
    Long id,
    @References(value = Team.class, onDelete = OnDelete.CASCADE) @Column(nullable = false) Long teamId,
    @Column(nullable = false) String name) {}
