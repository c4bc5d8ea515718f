package dev.dataflow.models.testing;

import java.util.List;

/** A value stored inside a JSONB column ({@code @Json}), not a model of its own. */
public record Address(String street, String city, int floor, List<String> notes) {}
