package dev.dataflow.processor.scan;

import java.util.ArrayList;
import java.util.List;
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
 * @param annotations the field's annotations; for a record component, those on the component and on its private
 *     field together, because a record compiled earlier keeps CLASS-retention annotations on the field
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
        List<AnnotationMirror> annotations = new ArrayList<>(component.getAnnotationMirrors());
        for (VariableElement field : declaredFields) {
          if (field.getSimpleName().contentEquals(component.getSimpleName())
              && !field.getModifiers().contains(Modifier.STATIC)) {
            for (AnnotationMirror mirror : field.getAnnotationMirrors()) {
              if (!containsType(annotations, mirror)) {
                annotations.add(mirror);
              }
            }
          }
        }
        fields.add(
            new ModelField(component, component.getSimpleName().toString(), component.asType(), annotations));
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
}
