/**
 * Finding personal data in free text and replacing it with a placeholder: {@link
 * dev.dataflow.runtime.scrub.PiiScrubber}, its built-in detectors ({@code [EMAIL]}, {@code [CARD]}, {@code [NRIC]},
 * {@code [PHONE]}) and the named patterns an application adds. It owns the patterns, their order and the checksums
 * (Luhn, the NRIC/FIN check letter) that keep them precise.
 *
 * <p>It imports no other package of the runtime, only {@code java.util.regex}, so that every layer that writes rows
 * may use it. It never logs and never puts the text it scrubs into an exception.
 *
 * <pre>{@code
 * PiiScrubber scrubber = PiiScrubber.builder().add("ORDER_REF", Pattern.compile("\\bORD-\\d{6}\\b")).build();
 * scrubber.scrub("ORD-123456 for jane@example.com");   // "[ORDER_REF] for [EMAIL]"
 * }</pre>
 */
package dev.dataflow.runtime.scrub;
