package dev.dataflow.processor.migrate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How the old and new constraints (or indexes) of one kind on one table pair up: same name and definition is
 * unchanged; same definition under another name is a rename (the name followed a renamed table or column);
 * everything else is dropped or added.
 *
 * @param renamed the renames, in the order of the new constraints
 * @param dropped the old constraints that are gone, in their order
 * @param added the new constraints that are not renames, in their order
 */
record ConstraintMatch<T>(List<Rename> renamed, List<T> dropped, List<T> added) {

  /** An old constraint that lives on under a new name. */
  record Rename(String from, String to) {}

  ConstraintMatch {
    renamed = List.copyOf(renamed);
    dropped = List.copyOf(dropped);
    added = List.copyOf(added);
  }

  /**
   * @param nameOf the constraint's name
   * @param definitionOf what the constraint does, compared with {@code equals}
   */
  static <T> ConstraintMatch<T> of(
      List<T> olds, List<T> news, Function<T, String> nameOf, Function<T, Object> definitionOf) {
    Map<String, T> oldByName = new LinkedHashMap<>();
    olds.forEach(o -> oldByName.put(nameOf.apply(o), o));
    Set<String> newNames = new HashSet<>();
    news.forEach(n -> newNames.add(nameOf.apply(n)));
    Set<String> kept = new HashSet<>();
    List<T> unmatched = new ArrayList<>();
    for (T n : news) {
      T o = oldByName.get(nameOf.apply(n));
      if (o != null && definitionOf.apply(o).equals(definitionOf.apply(n))) {
        kept.add(nameOf.apply(o));
      } else {
        unmatched.add(n);
      }
    }
    List<Rename> renamed = new ArrayList<>();
    List<T> added = new ArrayList<>();
    for (T n : unmatched) {
      T renamedFrom = null;
      for (T o : olds) {
        String oldName = nameOf.apply(o);
        if (!kept.contains(oldName)
            && !newNames.contains(oldName)
            && definitionOf.apply(o).equals(definitionOf.apply(n))) {
          renamedFrom = o;
          break;
        }
      }
      if (renamedFrom == null) {
        added.add(n);
        continue;
      }
      String from = nameOf.apply(renamedFrom);
      kept.add(from);
      renamed.add(new Rename(from, nameOf.apply(n)));
    }
    List<T> dropped = new ArrayList<>();
    for (T o : olds) {
      if (!kept.contains(nameOf.apply(o))) {
        dropped.add(o);
      }
    }
    return new ConstraintMatch<>(renamed, dropped, added);
  }
}
