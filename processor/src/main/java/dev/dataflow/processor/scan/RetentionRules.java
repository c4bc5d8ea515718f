package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.RetentionSchema;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;

/**
 * A model's {@code @Retain}: at least one day, counted from one of its date/time columns, named by column or field
 * name like {@code @Index} names them.
 */
final class RetentionRules {
  private final ErrorReporter errors;
  private final Annotations annotations;

  RetentionRules(ErrorReporter errors, Annotations annotations) {
    this.errors = errors;
    this.annotations = annotations;
  }

  /**
   * The retention {@code model} declares, or null when it declares none or it is wrong (reported).
   *
   * @param columns all the model's columns, {@code created_at} and {@code updated_at} included
   * @param columnsComplete whether every field got its column; when one did not (an error already reported), an
   *     unknown {@code after} may be that field, so it is not reported again
   */
  RetentionSchema retention(TypeElement model, List<ColumnSchema> columns, boolean columnsComplete) {
    AnnotationMirror retain = Annotations.find(model.getAnnotationMirrors(), Annotations.RETAIN);
    if (retain == null) {
      return null;
    }
    int days = annotations.integer(retain, "days");
    String after = annotations.string(retain, "after");
    AnnotationValue afterValue = Annotations.explicitValue(retain, "after");
    List<ColumnSchema> temporal = columns.stream().filter(c -> c.javaType().isTemporal()).toList();
    String temporalNames = String.join(", ", temporal.stream().map(ColumnSchema::name).toList());
    boolean valid = true;
    if (days < 1) {
      errors.error(
          model,
          retain,
          Annotations.explicitValue(retain, "days"),
          "@Retain(days = "
              + days
              + ") would keep rows less than a day; give the number of days to keep them, at least 1, for example"
              + " @Retain(days = 90, after = \""
              + after
              + "\")");
      valid = false;
    }
    ColumnSchema column = null;
    for (ColumnSchema candidate : columns) {
      if (candidate.name().equals(after) || candidate.fieldName().equals(after)) {
        column = candidate;
        break;
      }
    }
    if (column == null) {
      if (columnsComplete) {
        String suggestion = suggestion(after, temporal);
        errors.error(
            model,
            retain,
            afterValue,
            "@Retain(after = \""
                + after
                + "\") names no column or field of "
                + model.getSimpleName()
                + ";"
                + (suggestion == null ? "" : " did you mean \"" + suggestion + "\"?")
                + " name one of its date/time columns: "
                + temporalNames);
      }
      return null;
    }
    if (!column.javaType().isTemporal()) {
      errors.error(
          model,
          retain,
          afterValue,
          "@Retain(after = \""
              + after
              + "\") names column "
              + column.name()
              + " ("
              + column.sqlType()
              + "), which holds no date or time; name one of "
              + model.getSimpleName()
              + "'s date/time columns (Instant, OffsetDateTime, LocalDateTime, LocalDate): "
              + temporalNames);
      return null;
    }
    return valid ? new RetentionSchema(days, column.name()) : null;
  }

  /** The temporal column whose column or field name is closest to {@code written}, by its column name. */
  private static String suggestion(String written, List<ColumnSchema> temporal) {
    List<String> names = new ArrayList<>();
    for (ColumnSchema column : temporal) {
      names.add(column.name());
      names.add(column.fieldName());
    }
    String closest = Spelling.closest(written, names);
    if (closest == null) {
      return null;
    }
    for (ColumnSchema column : temporal) {
      if (column.fieldName().equals(closest)) {
        return column.name();
      }
    }
    return closest;
  }
}
