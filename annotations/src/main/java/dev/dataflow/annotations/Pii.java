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
 *     @Pii(scrub = true) String content) {}    // never logged, and marked for scrubbing
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT})
public @interface Pii {
  /**
   * Whether the text is scrubbed: e-mail addresses, phone numbers, payment card numbers and NRIC/FIN numbers in it
   * are to be replaced by {@code [EMAIL]}, {@code [PHONE]}, {@code [CARD]}, {@code [NRIC]} before it is stored
   * ({@code dev.dataflow.runtime.scrub.PiiScrubber}). Only on a {@code String} field that does not identify a row
   * (not the key, not {@code @Unique}, not {@code @References}). Default false: {@code @Pii} alone only keeps the
   * value out of messages and logs.
   *
   * <p>The flag is recorded in the model's descriptor ({@code ColumnDescriptor.scrub()}) and the scrubber exists, but
   * in this version no write path calls it yet: the text is still stored as given.
   */
  boolean scrub() default false;
}
