package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnType;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;

/**
 * Where {@code @Pii(scrub = true)} and {@code @PiiScrubbed} may go: scrubbing on a text field that does not identify a
 * row; the flag on one boolean field, in a model that has something to scrub.
 */
final class PiiRules {
  private final ErrorReporter errors;
  private final Annotations annotations;

  PiiRules(ErrorReporter errors, Annotations annotations) {
    this.errors = errors;
    this.annotations = annotations;
  }

  /** Whether {@code field} is {@code @Pii(scrub = true)}, however wrong that may be on it. */
  boolean scrubs(ModelField field) {
    AnnotationMirror pii = field.annotation(Annotations.PII);
    return pii != null && annotations.bool(pii, "scrub");
  }

  /** Whether {@code field} is {@code @PiiScrubbed}. */
  static boolean isScrubbedFlag(ModelField field) {
    return field.annotation(Annotations.PII_SCRUBBED) != null;
  }

  /** Whether this field's {@code @Pii(scrub = true)} and {@code @PiiScrubbed}, if any, fit it; reports what not. */
  boolean check(ModelField field, FieldTypeMapper.Mapping mapping, boolean isKey) {
    boolean fits = true;
    if (scrubs(field)) {
      fits = checkScrub(field, mapping, isKey);
    }
    AnnotationMirror flag = field.annotation(Annotations.PII_SCRUBBED);
    if (flag != null && mapping.type() != ColumnType.BOOLEAN) {
      errors.error(
          field.element(),
          flag,
          "@PiiScrubbed marks the boolean that records a write ran the PII scrubber over the row, but "
              + field.name()
              + " is "
              + field.type()
              + "; declare it boolean "
              + field.name()
              + " or remove @PiiScrubbed");
      fits = false;
    }
    return fits;
  }

  private boolean checkScrub(ModelField field, FieldTypeMapper.Mapping mapping, boolean isKey) {
    AnnotationMirror pii = field.annotation(Annotations.PII);
    if (mapping.type() != ColumnType.STRING) {
      errors.error(
          field.element(),
          pii,
          Annotations.explicitValue(pii, "scrub"),
          "@Pii(scrub = true) scrubs text, but "
              + field.name()
              + " is "
              + field.type()
              + "; write @Pii without scrub on it (its value still never appears in logs), or put scrub = true on a"
              + " String field");
      return false;
    }
    String identifies = isKey
        ? "the key"
        : field.annotation(Annotations.UNIQUE) != null
            ? "@Unique"
            : field.annotation(Annotations.REFERENCES) != null ? "@References" : null;
    if (identifies != null) {
      errors.error(
          field.element(),
          pii,
          Annotations.explicitValue(pii, "scrub"),
          "@Pii(scrub = true) cannot go on "
              + field.name()
              + ", which identifies a row ("
              + identifies
              + "): scrubbed values such as [EMAIL] would collide or point nowhere; write @Pii without scrub on it,"
              + " and keep the free text to scrub in a field of its own");
      return false;
    }
    return true;
  }

  /** At most one {@code @PiiScrubbed} per model, and only next to a {@code @Pii(scrub = true)} field. */
  void checkModel(String modelName, List<ModelField> fields) {
    ModelField.reportAllButFirst(fields, Annotations.PII_SCRUBBED, errors, (first, field) -> "more than one"
        + " @PiiScrubbed: " + first.name() + " is already the row's scrubbed flag; remove @PiiScrubbed from "
        + field.name());
    boolean anyScrubbed = fields.stream().anyMatch(this::scrubs);
    if (anyScrubbed) {
      return;
    }
    for (ModelField field : fields) {
      AnnotationMirror flag = field.annotation(Annotations.PII_SCRUBBED);
      if (flag != null) {
        // An error, not a warning: only a write that scrubs sets the flag and a caller may not, so the column
        // would stay false forever; most likely scrub = true was forgotten on the text it is about.
        errors.error(
            field.element(),
            flag,
            "@PiiScrubbed on "
                + field.name()
                + " would never be set: no field of "
                + modelName
                + " is @Pii(scrub = true); mark the text it records as scrubbed @Pii(scrub = true), or remove"
                + " @PiiScrubbed");
        return;
      }
    }
  }
}
