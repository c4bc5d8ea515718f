package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import java.math.BigDecimal;

/**
 * A model for the limits of numbers: an unconstrained NUMERIC (PostgreSQL's own limits), a NUMERIC(5,2), and
 * floating point that may hold NaN and the infinities.
 */
@Model
public record Measurement(
    Long id,
    @Column(nullable = false) String label,
    BigDecimal quantity,
    @Column(precision = 5, scale = 2) BigDecimal rate,
    Double reading,
    Float ratio,
    @Column(defaultValue = "0") double total) {}
