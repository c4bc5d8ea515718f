package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.Unique;

/** A model with personal data: its {@code @Pii} values must never reach a message or a log line. */
@Model
public record Patient(
    Long id,
    @Unique @Pii @Column(nullable = false) String email,
    @Pii String fullName,
    @Column(length = 20) String ward) {}
