package dev.dataflow.models.testing;

import dev.dataflow.annotations.Column;
import dev.dataflow.annotations.Model;
import dev.dataflow.annotations.Pii;
import dev.dataflow.annotations.PiiScrubbed;
import dev.dataflow.annotations.Unique;

/**
 * A model with two scrubbed text columns (one of them short, so only its scrubbed text fits), a unique code that makes
 * a write fail on demand, and the scrubbed flag.
 */
@Model
public record Ticket(
    Long id,
    @Unique @Column(nullable = false, length = 32) String code,
    @Pii(scrub = true) @Column(nullable = false) String body,
    @Pii(scrub = true) @Column(length = 24) String note,
    @Column(length = 32) String status,
    @PiiScrubbed @Column(defaultValue = "false") boolean piiScrubbed) {}
