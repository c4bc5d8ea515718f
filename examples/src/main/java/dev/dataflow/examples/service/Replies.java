package dev.dataflow.examples.service;

import dev.dataflow.examples.service.ConversationMemory.Catalogue;
import dev.dataflow.examples.service.ConversationMemory.Matched;
import dev.dataflow.examples.service.ConversationMemory.Matching;
import dev.dataflow.examples.service.ConversationMemory.State;
import dev.dataflow.models.OrderItem;
import dev.dataflow.models.Product;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The assistant's answers: English templates filled from the classification, the matched lines, the order and the
 * catalogue, never from the message text (so a reply holds no personal data the customer wrote). A team that wants
 * answers in the customer's language or from a model replaces this with the classifier.
 */
final class Replies {
  private Replies() {}

  static String reply(Classification c, Matching matching, MessageReply.PlacedOrder placed, boolean extended,
      State state, Catalogue catalogue) {
    switch (c.intent()) {
      case Classification.ORDER_PLACEMENT:
        return order(matching, placed, extended, catalogue);
      case Classification.ORDER_STATUS:
        if (state.openOrder == null) {
          return "There is no open order in this conversation. Please send your order number (ORD-...) and we will"
              + " check it for you.";
        }
        return "Order " + state.openOrder.orderNumber() + " is " + state.openOrder.status() + ": "
            + itemsOf(state.items, catalogue) + "; total " + money(state.openOrder.total()) + ".";
      case Classification.PRICING_INQUIRY:
        return "Our prices: " + catalogue.active().stream().map(p -> p.name() + " " + money(p.price()) + " per "
            + p.unit()).collect(Collectors.joining("; ")) + ". To order, send for example \"400 boxes for 10 inch"
            + " pizzas\".";
      case Classification.COMPLAINT:
        return "I'm sorry about that. I have noted it, and a member of our team will contact you shortly.";
      case Classification.GREETING:
        return "Hello! How can I help you today? You can order pizza boxes (" + sizes(catalogue) + " inch) and"
            + " supplies here.";
      default:
        return "Sorry, I didn't understand. To order, send for example \"400 boxes for 10 inch pizzas\".";
    }
  }

  private static String order(Matching m, MessageReply.PlacedOrder placed, boolean extended, Catalogue catalogue) {
    List<String> sentences = new ArrayList<>();
    if (placed != null) {
      String wanted = m.matched.stream().map(Replies::describe).collect(Collectors.joining(" and "));
      String items = placed.items().stream().map(l -> l.quantity() + " × " + l.sku())
          .collect(Collectors.joining(", "));
      if (extended) {
        sentences.add("I've added " + wanted + " to order " + placed.orderNumber() + ", which now has " + items
            + "; total " + money(placed.total()) + ".");
      } else {
        sentences.add("I understand you need " + wanted + ". I've opened order " + placed.orderNumber() + ": "
            + items + "; total " + money(placed.total()) + ".");
      }
    }
    for (OrderRequest line : m.noSize) {
      sentences.add("Which size are the " + line.quantity() + " boxes for? We have " + sizes(catalogue) + " inch.");
    }
    for (OrderRequest line : m.unknownSize) {
      sentences.add("We don't stock " + line.sizeInches() + "-inch boxes; we have " + sizes(catalogue) + " inch.");
    }
    for (OrderRequest line : m.unknownProduct) {
      sentences.add("I couldn't find a product for the " + line.quantity() + " you asked for; we have "
          + supplies(catalogue) + ".");
    }
    for (OrderRequest line : m.ambiguous) {
      sentences.add("Several products fit the " + line.quantity() + " you asked for; please name one of: "
          + catalogue.active().stream().map(Product::name).collect(Collectors.joining("; ")) + ".");
    }
    if (sentences.isEmpty()) {
      sentences.add("What would you like to order? For example \"400 boxes for 10 inch pizzas\". We have pizza boxes"
          + " in " + sizes(catalogue) + " inch, and " + supplies(catalogue) + ".");
    } else if (placed != null && !m.hasProblems()) {
      sentences.add("Anything else?");
    }
    return String.join(" ", sentences);
  }

  private static String describe(Matched m) {
    if (m.request().sizeInches() != null) {
      return m.request().quantity() + " boxes for " + m.request().sizeInches() + "-inch pizzas";
    }
    return m.request().quantity() + " × " + m.product().name();
  }

  private static String itemsOf(List<OrderItem> items, Catalogue catalogue) {
    if (items.isEmpty()) {
      return "no items yet";
    }
    return items.stream().map(i -> i.quantity() + " × " + catalogue.sku(i.productId()))
        .collect(Collectors.joining(", "));
  }

  private static String sizes(Catalogue catalogue) {
    List<String> sizes = catalogue.sizes().stream().map(String::valueOf).toList();
    if (sizes.isEmpty()) {
      return "no";
    }
    if (sizes.size() == 1) {
      return sizes.get(0);
    }
    return String.join(", ", sizes.subList(0, sizes.size() - 1)) + " and " + sizes.get(sizes.size() - 1);
  }

  private static String supplies(Catalogue catalogue) {
    String names = catalogue.active().stream().filter(p -> p.sizeInches() == null).map(Product::name)
        .collect(Collectors.joining("; "));
    return names.isEmpty() ? "pizza boxes only" : names;
  }

  static String money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
