package dev.dataflow.processor.scan;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports compile errors at the element (and annotation) they are about, so the IDE and javac point at the line to
 * fix. Counts errors so callers can tell whether a model scanned cleanly and keep going with the next one.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** An error about {@code element} itself. */
  public void error(Element element, String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** An error about one annotation on {@code element}. */
  public void error(Element element, AnnotationMirror annotation, String message) {
    if (annotation == null) {
      error(element, message);
      return;
    }
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
  }

  /** An error about one value of an annotation on {@code element}. */
  public void error(Element element, AnnotationMirror annotation, AnnotationValue value, String message) {
    if (value == null) {
      error(element, annotation, message);
      return;
    }
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation, value);
  }

  /** How many errors have been reported so far; compare before and after a model to see if it failed. */
  public int errorCount() {
    return errorCount;
  }
}
