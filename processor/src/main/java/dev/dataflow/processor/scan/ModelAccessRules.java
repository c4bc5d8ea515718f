package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ModelAccess;
import dev.dataflow.processor.schema.ModelAccess.FieldAccess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;

/**
 * Works out how generated code (in the model's package) builds a model and reads its fields: a record by its canonical
 * constructor and accessors; a class by its no-argument constructor, then each field directly when it is not private,
 * else by JavaBeans getter and setter. A class generated code cannot build still compiles; its typed results say why.
 */
final class ModelAccessRules {
  private ModelAccessRules() {}

  /** The access of {@code model}, whose persistent fields (in declaration order) map to these columns. */
  static ModelAccess access(TypeElement model, List<ModelField> fields, Map<ModelField, String> columns) {
    List<FieldAccess> access = new ArrayList<>();
    if (model.getKind() == ElementKind.RECORD) {
      for (ModelField field : fields) {
        access.add(new FieldAccess(columns.get(field), field.name(), field.name(), null));
      }
      return new ModelAccess(ModelAccess.Kind.RECORD, access, null);
    }
    String name = model.getSimpleName().toString();
    if (!hasNoArgumentConstructor(model)) {
      return unsupported(access, name + " has no constructor without arguments that generated code in its package can"
          + " call; add one (it may be package-private) or make " + name + " a record");
    }
    List<ExecutableElement> methods = ElementFilter.methodsIn(model.getEnclosedElements());
    for (ModelField field : fields) {
      boolean reachable = !field.element().getModifiers().contains(Modifier.PRIVATE);
      boolean isFinal = field.element().getModifiers().contains(Modifier.FINAL);
      String capitalized = Character.toUpperCase(field.name().charAt(0)) + field.name().substring(1);
      String getter = reachable ? null : getter(methods, capitalized, field.type().getKind() == TypeKind.BOOLEAN);
      String setter = reachable && !isFinal ? null : setter(methods, "set" + capitalized);
      if ((!reachable && getter == null) || ((!reachable || isFinal) && setter == null)) {
        return unsupported(access, "field " + name + "." + field.name() + " is " + (isFinal ? "final" : "private")
            + " and has no " + (getter == null && !reachable ? "get" + capitalized + "() and " : "") + "set"
            + capitalized + "(...) that generated code can call; add them, make the field package-private, or make "
            + name + " a record");
      }
      access.add(new FieldAccess(columns.get(field), field.name(), getter, setter));
    }
    return new ModelAccess(ModelAccess.Kind.CLASS, access, null);
  }

  private static ModelAccess unsupported(List<FieldAccess> fields, String reason) {
    return new ModelAccess(ModelAccess.Kind.UNSUPPORTED, fields, reason);
  }

  private static boolean hasNoArgumentConstructor(TypeElement model) {
    for (ExecutableElement constructor : ElementFilter.constructorsIn(model.getEnclosedElements())) {
      if (constructor.getParameters().isEmpty() && !constructor.getModifiers().contains(Modifier.PRIVATE)) {
        return true;
      }
    }
    return false;
  }

  private static String getter(List<ExecutableElement> methods, String capitalized, boolean bool) {
    for (ExecutableElement method : methods) {
      String name = method.getSimpleName().toString();
      if (callable(method) && method.getParameters().isEmpty()
          && (name.equals("get" + capitalized) || (bool && name.equals("is" + capitalized)))) {
        return name;
      }
    }
    return null;
  }

  private static String setter(List<ExecutableElement> methods, String name) {
    for (ExecutableElement method : methods) {
      if (callable(method) && method.getParameters().size() == 1 && method.getSimpleName().contentEquals(name)) {
        return name;
      }
    }
    return null;
  }

  private static boolean callable(ExecutableElement method) {
    return !method.getModifiers().contains(Modifier.PRIVATE) && !method.getModifiers().contains(Modifier.STATIC);
  }
}
