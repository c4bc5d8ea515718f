package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Index;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Partitioned;
import java.time.Instant;

/**
 * A partitioned model (by day of {@code taken_at}) with a unique index that includes the partition column, for
 * upserts on a partitioned table: one reading per sensor and instant.
 */
@Model
@Index(columns = {"sensor", "taken_at"}, unique = true)
@Partitioned(by = "takenAt", interval = Partitioned.Interval.DAY)
public record Reading(
    Long id,
    @Column(nullable = false, length = 40) String sensor,
    @Column(nullable = false) Instant takenAt,
    Double value) {}
