package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The row's "personal data removed" flag: a {@code boolean} or {@code Boolean} field that DataFlow sets to true when
 * a write has run the PII scrubber over the row's {@link Pii#scrub() @Pii(scrub = true)} fields. At most one per
 * model, and only in a model with at least one {@code @Pii(scrub = true)} field (otherwise nothing would ever set
 * it). It does not change the schema.
 *
 * <p>True means every {@code @Pii(scrub = true)} field of the stored row holds scrubbed text. Every create sets it
 * (Create, BulkCreate, the insert of an upsert); an update sets it when it writes every such field, and otherwise
 * leaves it as it was. A caller may not set it: a create or update that gives it is refused, naming the column,
 * and writes nothing. So a row with the flag false holds text stored before writes scrubbed, or written outside
 * DataFlow.
 *
 * <pre>{@code
 * @Model
 * public record ConversationMessage(
 *     Long id,
 *     @Pii(scrub = true) String content,
 *     @PiiScrubbed @Column(defaultValue = "false") boolean piiScrubbed) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface PiiScrubbed {}
