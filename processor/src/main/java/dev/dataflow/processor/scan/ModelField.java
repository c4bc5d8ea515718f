package dev.dataflow.processor.scan;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * One persistent field of a model: a record component, or a non-static, non-transient instance field of a class.
 *
 * @param element where errors about the field are reported
 * @param annotations the field's annotations; for a record component, those on its private field (which the
 *     messager can locate, and which a record compiled earlier keeps) plus any only on the component
 */
record ModelField(Element element, String name, TypeMirror type, List<AnnotationMirror> annotations) {

  AnnotationMirror annotation(String annotationType) {
    return Annotations.find(annotations, annotationType);
  }

  /** The persistent fields of {@code model}, in declaration order. */
  static List<ModelField> of(TypeElement model) {
    List<ModelField> fields = new ArrayList<>();
    List<VariableElement> declaredFields = ElementFilter.fieldsIn(model.getEnclosedElements());
    if (model.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement component : model.getRecordComponents()) {
        VariableElement field = null;
        for (VariableElement candidate : declaredFields) {
          if (candidate.getSimpleName().contentEquals(component.getSimpleName())
              && !candidate.getModifiers().contains(Modifier.STATIC)) {
            field = candidate;
          }
        }
        // Errors go on the component's private field: javac 17 cannot locate the source of a record component
        // element, but the field shares the component's position in the record header.
        List<AnnotationMirror> annotations =
            new ArrayList<>(field == null ? List.of() : field.getAnnotationMirrors());
        for (AnnotationMirror mirror : component.getAnnotationMirrors()) {
          if (!containsType(annotations, mirror)) {
            annotations.add(mirror);
          }
        }
        Element reportAt = field == null ? component : field;
        fields.add(new ModelField(reportAt, component.getSimpleName().toString(), component.asType(), annotations));
      }
      return fields;
    }
    for (VariableElement field : declaredFields) {
      if (field.getModifiers().contains(Modifier.STATIC) || field.getModifiers().contains(Modifier.TRANSIENT)) {
        continue;
      }
      fields.add(
          new ModelField(
              field, field.getSimpleName().toString(), field.asType(), List.copyOf(field.getAnnotationMirrors())));
    }
    return fields;
  }

  private static boolean containsType(List<AnnotationMirror> mirrors, AnnotationMirror candidate) {
    for (AnnotationMirror mirror : mirrors) {
      if (mirror.getAnnotationType().toString().equals(candidate.getAnnotationType().toString())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reports every field after the first that carries {@code annotation}, on that annotation, with the message
   * {@code message(first, field)}: for annotations a model may have at most once.
   */
  static void reportAllButFirst(List<ModelField> fields, String annotation, ErrorReporter errors,
      BiFunction<ModelField, ModelField, String> message) {
    ModelField first = null;
    for (ModelField field : fields) {
      AnnotationMirror mirror = field.annotation(annotation);
      if (mirror == null) {
        continue;
      }
      if (first == null) {
        first = field;
      } else {
        errors.error(field.element(), mirror, message.apply(first, field));
      }
    }
  }
}
