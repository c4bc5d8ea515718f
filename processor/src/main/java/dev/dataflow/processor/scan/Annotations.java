package dev.dataflow.processor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Reads DataFlow annotations through {@link AnnotationMirror}s rather than reflection, because {@code Class} values
 * ({@code @References(Outlet.class)}) are only available as mirrors, and classpath models only as mirrors too.
 */
final class Annotations {
  static final String MODEL = "dev.dataflow.annotations.Model";
  static final String ID = "dev.dataflow.annotations.Id";
  static final String COLUMN = "dev.dataflow.annotations.Column";
  static final String UNIQUE = "dev.dataflow.annotations.Unique";
  static final String INDEXED = "dev.dataflow.annotations.Indexed";
  static final String INDEX = "dev.dataflow.annotations.Index";
  static final String INDEXES = "dev.dataflow.annotations.Indexes";
  static final String JSON = "dev.dataflow.annotations.Json";
  static final String REFERENCES = "dev.dataflow.annotations.References";
  static final String VERSION = "dev.dataflow.annotations.Version";
  static final String PII = "dev.dataflow.annotations.Pii";
  static final String PII_SCRUBBED = "dev.dataflow.annotations.PiiScrubbed";
  static final String RETAIN = "dev.dataflow.annotations.Retain";
  static final String PARTITIONED = "dev.dataflow.annotations.Partitioned";
  static final String RENAMED_FROM = "dev.dataflow.annotations.RenamedFrom";
  static final String DROPPED_COLUMNS = "dev.dataflow.annotations.DroppedColumns";
  static final String DROPPED_TABLES = "dev.dataflow.annotations.DroppedTables";

  private final Elements elements;

  Annotations(Elements elements) {
    this.elements = elements;
  }

  /** The annotation of this type among {@code mirrors}, or null. */
  static AnnotationMirror find(List<? extends AnnotationMirror> mirrors, String annotationType) {
    for (AnnotationMirror mirror : mirrors) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(annotationType)) {
        return mirror;
      }
    }
    return null;
  }

  /** The value of {@code attribute}, or its default when the annotation does not set it. */
  AnnotationValue value(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " on " + mirror);
  }

  /** The value of {@code attribute} only when written explicitly, else null (for error positions). */
  static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
        mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(attribute)) {
        return entry.getValue();
      }
    }
    return null;
  }

  String string(AnnotationMirror mirror, String attribute) {
    return (String) value(mirror, attribute).getValue();
  }

  int integer(AnnotationMirror mirror, String attribute) {
    return (Integer) value(mirror, attribute).getValue();
  }

  boolean bool(AnnotationMirror mirror, String attribute) {
    return (Boolean) value(mirror, attribute).getValue();
  }

  /** The elements of an array-valued attribute. */
  List<AnnotationValue> list(AnnotationMirror mirror, String attribute) {
    Object value = value(mirror, attribute).getValue();
    List<AnnotationValue> out = new ArrayList<>();
    if (value instanceof List<?> values) {
      for (Object v : values) {
        out.add((AnnotationValue) v);
      }
    }
    return out;
  }
}
