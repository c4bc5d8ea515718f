package dev.dataflow.runtime.node.crud;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The last value one parameter of one node was converted to on this thread, remembered by the identity of the value
 * it came from. A workflow built per call converts {@code filters} and {@code fields} when it is built (their check)
 * and its run gets that very value; a prebuilt workflow gives every run the same frozen value: both convert once.
 *
 * <p>Remembered only for a value whose every part cannot change: maps and lists (frozen or not: a connected value is
 * checked again, and so remembered again, right before its node runs) of text, numbers, booleans, UUIDs, enums and
 * {@code java.time} values ({@link FilterHashes#literal}). The same identity then means the same content, so the same
 * conversion. A value of any other kind is converted each time.
 */
final class Converted<T> {
  private final ThreadLocal<Slot> last = new ThreadLocal<>();

  private record Slot(Object source, ZoneId zone, Object value) {}

  /**
   * Remembers what a check converted {@code source} to. A check always converts (it must find the value's problems),
   * so a connected value, checked right before its node runs, is remembered afresh each run.
   */
  T remember(Object source, ZoneId zone, T value) {
    if (source instanceof Map<?, ?> && FilterHashes.literal(source)) {
      last.set(new Slot(source, zone, value));
    }
    return value;
  }

  /** What {@code source} was converted to in {@code zone}, if it was the last one here; else {@code convert}'s. */
  @SuppressWarnings("unchecked")
  T of(Object source, ZoneId zone, Supplier<T> convert) {
    Slot slot = last.get();
    if (slot != null && slot.source() == source && slot.zone().equals(zone)) {
      return (T) slot.value();
    }
    return remember(source, zone, convert.get());
  }
}
