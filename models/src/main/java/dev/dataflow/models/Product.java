package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Unique;
import java.math.BigDecimal;

/**
 * A product an outlet can order, for example a 10-inch pizza box (the seed system's {@code Product} model). Table
 * {@code products}: unique {@code sku}, index on {@code active}.
 */
@Model
public record Product(
    Long id,
    /** The stock-keeping unit, for example {@code BOX-10}. */
    @Unique @Column(nullable = false, length = 32) String sku,
    @Column(nullable = false, length = 200) String name,
    /** The pizza size the product fits, in inches; null for supplies that have no size. */
    Integer sizeInches,
    /** How the product is counted, for example {@code box} or {@code pack}. */
    @Column(nullable = false, length = 16, defaultValue = "'box'") String unit,
    /** The price of one unit. */
    @Column(nullable = false, precision = 12, scale = 2) BigDecimal price,
    /** Whether the product can be ordered now. */
    @Indexed @Column(defaultValue = "true") boolean active) {}
