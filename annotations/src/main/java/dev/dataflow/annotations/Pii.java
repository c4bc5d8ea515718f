package dev.dataflow.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The field holds personal data. DataFlow never writes its value to a message or a log line: even when parameter
 * values are logged ({@code ExecutionOptions.Builder.logParameterValues(true)}), this column's value appears as
 * {@code <pii>}. It does not change the schema.
 *
 * <pre>{@code
 * @Model
 * public record ConversationMessage(
 *     Long id,
 *     @Pii String userId,                      // never logged
 *     @Pii(scrub = true) String content) {}    // never logged, and scrubbed on every write
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Pii {
  /**
   * Whether the text is scrubbed: every write (Create, Update by id or filters, BulkCreate, BulkUpdate, upserts)
   * replaces the e-mail addresses, phone numbers, payment card numbers and NRIC/FIN numbers in it with
   * {@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]}, {@code [NRIC]} (and the application's own patterns with
   * {@code [NAME]}) before it is stored, with the scrubber set by {@code DataFlow.builder().piiScrubber(...)}
   * ({@code dev.dataflow.runtime.scrub.PiiScrubber.defaults()} unless set). The original is never stored, logged or
   * put in an exception. Only on a {@code String} field that does not identify a row (not the key, not
   * {@code @Unique}, not {@code @References}). Default false: {@code @Pii} alone only keeps the value out of messages
   * and logs, and stores it as given.
   */
  boolean scrub() default false;
}
