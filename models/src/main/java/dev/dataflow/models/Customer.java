package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.References;
import dev.dataflow.annotations.References.OnDelete;
import dev.dataflow.annotations.Unique;

/**
 * A person who orders for an outlet over WhatsApp. Table {@code customers}: unique {@code whatsapp_user_id}, index on
 * {@code outlet_id}. Both the WhatsApp id (a phone number) and the name are personal data.
 */
@Model
public record Customer(
    Long id,
    /** The customer's WhatsApp id, a phone number such as {@code 6591234567}. Personal data. */
    @Unique @Pii @Column(nullable = false, length = 64) String whatsappUserId,
    /** The customer's name, when known. Personal data. */
    @Pii @Column(length = 200) String name,
    /** The outlet the customer orders for; deleting the outlet keeps the customer and clears this. */
    @Indexed @References(value = Outlet.class, onDelete = OnDelete.SET_NULL) Long outletId) {}
