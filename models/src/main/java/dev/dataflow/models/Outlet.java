package dev.dataflow.models;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Unique;

/**
 * A shop or restaurant outlet. Conversations and user summaries reference it, so their {@code outlet_id} foreign keys
 * point at a real table (the seed system's {@code Outlet} model).
 */
@Model
public record Outlet(
    Long id,
    @Column(nullable = false, length = 200) String name,
    @Unique @Column(length = 32) String code,
    String address) {}
