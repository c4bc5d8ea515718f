package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Indexed;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Unique;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A test model with a column of every supported type. */
@Model(table = "all_types")
public record AllTypes(
    Long id,
    @Column(nullable = false) String text,
    @Unique @Column(length = 20) String code,
    @Column(defaultValue = "0") short smallNumber,
    Integer count,
    Long bigNumber,
    Float ratio,
    double score,
    @Column(precision = 10, scale = 2) BigDecimal price,
    Boolean active,
    UUID reference,
    @Indexed Instant happenedAt,
    OffsetDateTime scheduledAt,
    LocalDateTime localTime,
    LocalDate day,
    byte[] payload,
    Level level,
    @Json Map<String, Object> attributes,
    @Json List<Object> tags) {}
