package dev.dataflow.processor.scan;

import dev.dataflow.processor.schema.ColumnSchema;
import dev.dataflow.processor.schema.ModelSchema;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Finds again where a scanned model, or one of its columns, is declared, for a diagnostic raised after the scan (a
 * migration problem is found only when processing is over). Elements are not kept from one round to the next, so
 * they are looked up by the names the {@link ModelSchema} holds.
 */
public final class ModelElements {
  private final Elements elements;

  public ModelElements(Elements elements) {
    this.elements = elements;
  }

  /**
   * The field that declares {@code column} of {@code model}; the model's type for a column no field declares (the
   * implicit key, {@code created_at}, {@code updated_at}) or for a null column; null when the type is gone.
   */
  public Element columnOrModel(ModelSchema model, String column) {
    TypeElement type = elements.getTypeElement(model.qualifiedName());
    if (type == null || column == null) {
      return type;
    }
    ColumnSchema schema = model.column(column).orElse(null);
    // DataFlow's timestamps carry field names (createdAt) that a field mapped to another column may also have.
    if (schema == null || column.equals(ModelScanner.CREATED_AT) || column.equals(ModelScanner.UPDATED_AT)) {
      return type;
    }
    for (ModelField field : ModelField.of(type)) {
      if (field.name().equals(schema.fieldName())) {
        return field.element();
      }
    }
    return type;
  }
}
