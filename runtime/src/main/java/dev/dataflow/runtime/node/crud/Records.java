package dev.dataflow.runtime.node.crud;

import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.ParamValues;
import java.util.Iterator;
import java.util.stream.BaseStream;

/**
 * The {@code records} of a bulk node read once, in order: a {@code List}, any other {@code Iterable}, or a
 * {@code java.util.stream.Stream} (closed when done), so that a caller can stream a million records through a node
 * that holds one batch at a time.
 */
final class Records implements Iterator<Object>, AutoCloseable {
  private final Iterator<?> iterator;
  private final BaseStream<?, ?> stream;

  private Records(Iterator<?> iterator, BaseStream<?, ?> stream) {
    this.iterator = iterator;
    this.stream = stream;
  }

  /**
   * The records of {@code value}, from the start.
   *
   * @throws InvalidParameterException ({@code records}) when it is none of a list, an Iterable or a Stream, or is a
   *     Stream already read (a workflow holding a Stream runs once)
   */
  static Records of(Object value) {
    requireReadable(value, CrudNode.RECORDS);
    if (value instanceof Iterable<?> iterable) {
      return new Records(iterable.iterator(), null);
    }
    BaseStream<?, ?> stream = (BaseStream<?, ?>) value;
    try {
      return new Records(stream.iterator(), stream);
    } catch (IllegalStateException e) {
      throw new InvalidParameterException(CrudNode.RECORDS, "the Stream of records was read already: a Stream can be"
          + " read once, so a workflow holding one runs once; give a List or an Iterable to run it again");
    }
  }

  /** Refuses a value that is none of a list, an Iterable or a Stream, without reading it. */
  static void requireReadable(Object value, String parameter) {
    if (!(value instanceof Iterable<?>) && !(value instanceof BaseStream<?, ?>)) {
      throw new InvalidParameterException(parameter, "expected a list (or an Iterable or a Stream) of records, got "
          + ParamValues.typeOf(value));
    }
  }

  @Override
  public boolean hasNext() {
    return iterator.hasNext();
  }

  @Override
  public Object next() {
    return iterator.next();
  }

  /** Closes a Stream (its source, a file or a cursor, may need it); nothing for an Iterable. */
  @Override
  public void close() {
    if (stream != null) {
      stream.close();
    }
  }
}
