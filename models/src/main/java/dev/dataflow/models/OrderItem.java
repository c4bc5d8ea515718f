package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import java.math.BigDecimal;

/**
 * One line of an {@link Order}. Table {@code order_items}: indexes on {@code order_id} and {@code product_id};
 * deleting the order deletes its items, and a product that is on an order cannot be deleted.
 */
@Model
public record OrderItem(
    Long id,
    @Indexed @Column(nullable = false) @References(value = Order.class, onDelete = OnDelete.CASCADE) Long orderId,
    @Indexed @Column(nullable = false) @References(value = Product.class, onDelete = OnDelete.RESTRICT) Long productId,
    @Column(nullable = false) int quantity,
    /** The product's price when the order was placed. */
    @Column(nullable = false, precision = 12, scale = 2) BigDecimal unitPrice) {}
