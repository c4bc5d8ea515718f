package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;

/** A referenced model. */
@Model
public record Team(Long id, @Column(nullable = false) String name) {}
