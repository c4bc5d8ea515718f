package dev.dataflow.processor.scan;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * The processor's one way to javac's {@link Messager}. Reports compile errors at the element (and annotation) they
 * are about, so the IDE and javac point at the line to fix; an error about no element (a file that could not be
 * written, a bad option, a table no model maps to any more) is the exception. Counts errors so callers can tell
 * whether a model scanned cleanly and keep going with the next one.
 */
public final class ErrorReporter {
  private final Messager messager;
  private int errorCount;

  public ErrorReporter(Messager messager) {
    this.messager = messager;
  }

  /** An error that no element of the compilation is the cause of, such as an I/O failure or a bad option. */
  public void error(String message) {
    errorCount++;
    messager.printMessage(Diagnostic.Kind.ERROR, message);
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

  /** Information for whoever runs the build, such as which migration was written. */
  public void note(String message) {
    messager.printMessage(Diagnostic.Kind.NOTE, message);
  }

  /** How many errors have been reported so far; compare before and after a model to see if it failed. */
  public int errorCount() {
    return errorCount;
  }
}
