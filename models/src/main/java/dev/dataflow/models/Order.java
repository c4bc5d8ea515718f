package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import dev.dataflow.annotations.Unique;
import dev.dataflow.annotations.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An order placed by a customer for an outlet, usually from a conversation. Table {@code orders}: unique
 * {@code order_number}, indexes on {@code outlet_id}, {@code customer_id}, {@code session_id} and {@code status}.
 * Updates by id check {@code version} (optimistic locking).
 */
@Model
public record Order(
    Long id,
    /** The public order number, for example {@code ORD-20261130-0001}. */
    @Unique @Column(nullable = false, length = 32) String orderNumber,
    @Indexed @Column(nullable = false) @References(value = Outlet.class, onDelete = OnDelete.RESTRICT) Long outletId,
    @Indexed @References(value = Customer.class, onDelete = OnDelete.SET_NULL) Long customerId,
    /** The {@code session_id} of the conversation the order came from; null for orders placed elsewhere. */
    @Indexed
    @References(value = ConversationSession.class, column = "session_id", onDelete = OnDelete.SET_NULL)
    UUID sessionId,
    @Indexed @Column(nullable = false, defaultValue = "'received'") OrderStatus status,
    /** The sum of the items' {@code quantity × unit_price}. */
    @Column(nullable = false, precision = 12, scale = 2, defaultValue = "0") BigDecimal total,
    LocalDate deliveryDate,
    @Version long version) {}
