package dev.dataflow.examples.service;

/**
 * One line a message asks for, as {@link OrderParser} read it: a quantity and what it is of. At least one of
 * {@code sizeInches} and {@code product} says what, unless the message gave a quantity alone ("we need 400 boxes"),
 * which the handler answers by asking for the size.
 *
 * @param quantity how many, at least 1
 * @param sizeInches the pizza size the boxes are for, in inches ("10 inch", "10-inch", {@code 10"}, "10 inci",
 *     "10寸"), or null
 * @param product the words naming a product other than by size, lower case and singular ("napkin",
 *     "dipping cup"), or null
 */
public record OrderRequest(int quantity, Integer sizeInches, String product) {
  public OrderRequest {
    if (quantity < 1) {
      throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
    }
    if (product != null && product.isBlank()) {
      throw new IllegalArgumentException("product must be null or words naming a product, was blank");
    }
  }

  /** Whether the line says what is ordered (a size or a product), so that it can be matched to the catalogue. */
  public boolean isSpecific() {
    return sizeInches != null || product != null;
  }
}
