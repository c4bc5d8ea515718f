package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Unique;
import java.math.BigDecimal;

/** A model for atomic increments and upserts: a unique name and counters of several numeric types. */
@Model
public record Counter(
    Long id,
    @Unique @Column(nullable = false, length = 40) String name,
    @Column(defaultValue = "0") int hits,
    @Column(defaultValue = "0") long total,
    Integer bonus,
    @Column(precision = 12, scale = 2) BigDecimal amount,
    String label) {}
