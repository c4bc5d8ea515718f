package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Json;
import dev.dataflow.annotations.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A record model for typed results: every supported type that a record's {@code equals} compares by value (so not
 * {@code byte[]}, which {@link AllTypes} has), primitives and their boxes, an enum, and JSON columns holding a
 * record, a list of records and the plain map and list trees.
 */
@Model
public record Profile(
    Long id,
    @Column(nullable = false) String name,
    short level,
    int visits,
    long points,
    float ratio,
    double score,
    boolean active,
    Short shortBox,
    Integer intBox,
    Long longBox,
    Float floatBox,
    Double doubleBox,
    Boolean verified,
    BigDecimal balance,
    UUID reference,
    Instant seenAt,
    OffsetDateTime scheduledAt,
    LocalDateTime localTime,
    LocalDate birthday,
    Level tier,
    @Json Address home,
    @Json List<Address> previous,
    @Json Map<String, Object> attributes,
    @Json List<Object> tags) {

  /** This profile with another key, to compare a stored profile with the one given. */
  public Profile withId(Long newId) {
    return new Profile(newId, name, level, visits, points, ratio, score, active, shortBox, intBox, longBox, floatBox,
        doubleBox, verified, balance, reference, seenAt, scheduledAt, localTime, birthday, tier, home, previous,
        attributes, tags);
  }
}
