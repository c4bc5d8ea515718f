package dev.dataflow.runtime.sql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dataflow.runtime.DataFlowException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Map;

/**
 * The one Jackson {@link ObjectMapper} the runtime uses for JSONB columns. Dates are written as ISO-8601 strings, not
 * epoch numbers, so JSON stored by DataFlow reads the same from psql as from Java.
 *
 * <pre>{@code
 * String text = Json.write(Map.of("tags", List.of("a", "b")));   // {"tags":["a","b"]}
 * Object tree = Json.read(text);                                  // LinkedHashMap with an ArrayList
 * }</pre>
 *
 * <p>JSON nests at most {@value PostgresLimits#MAX_DEPTH} levels (maps and lists inside one another, the outermost
 * counting as one), written or read: {@link ValueConverter} refuses a deeper value with its parameter, found by a
 * walk without recursion ({@link #problem}), and the mapper itself refuses to write or read deeper, so Jackson's
 * recursion never runs deeper than that either.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(PostgresLimits.MAX_DEPTH).build())
      // One spare level: how Jackson counts the outermost container differs between writing and reading, and
      // problem() has already held every value this writes to MAX_DEPTH.
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(PostgresLimits.MAX_DEPTH + 1).build())
      .build())
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
  /** Stands for a JSON null on the walk's stack ({@link ArrayDeque} holds no nulls). */
  private static final Object NULL = new Object();

  private Json() {}

  /** The shared mapper. It is thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Serialises {@code value} to JSON text. The message of a failure never contains the value, nor Jackson's message
   * (its reference chain repeats every key on the way, thousands of them for a deep value).
   */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new DataFlowException("could not serialise a " + value.getClass().getName() + " to JSON"
          + (isTooDeep(e) ? ": it nests deeper than " + PostgresLimits.MAX_DEPTH + " levels" : " (Jackson's "
          + e.getClass().getSimpleName() + ")"));
    }
  }

  /**
   * A JSON tree read from a JSONB column ({@code Map}, {@code List}, scalars) as the field's declared type, for example
   * a record; null stays null.
   *
   * @throws DataFlowException when the tree does not fit the type; the message names the type, never a value
   */
  public static <T> T convert(Object tree, JsonType<T> type) {
    if (tree == null) {
      return null;
    }
    try {
      return MAPPER.convertValue(tree, MAPPER.getTypeFactory().constructType(type.type()));
    } catch (IllegalArgumentException e) {
      // Jackson's message quotes the value, which may be personal data.
      throw new DataFlowException("could not read a JSON value as " + type.type().getTypeName()
          + ": its shape does not match the type");
    }
  }

  /**
   * Parses JSON text into a tree of {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, null.
   *
   * @throws DataFlowException when the text is no JSON or nests deeper than {@value PostgresLimits#MAX_DEPTH}
   *     levels; the message never quotes the text
   */
  public static Object read(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      // Jackson's message and location quote the text, which may be personal data: keep neither.
      throw new DataFlowException("could not parse JSON text read from the database"
          + (isTooDeep(e) ? ": it nests deeper than " + PostgresLimits.MAX_DEPTH + " levels, the most DataFlow reads"
          : ""));
    }
  }

  /**
   * {@code value} as the tree of maps, lists and scalars Jackson writes it as, or null when Jackson cannot
   * serialise it or it nests too deep to try.
   */
  static Object toTree(Object value) {
    try {
      return MAPPER.convertValue(value, Object.class);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * What keeps {@code tree} from being stored in a JSONB column as given, or null: nesting deeper than {@value
   * PostgresLimits#MAX_DEPTH} levels, a null key, a key or string with a NUL character or an unpaired surrogate,
   * NaN or an infinity (JSON has neither; Jackson would write the string "NaN"), or a number beyond PostgreSQL's
   * NUMERIC. Objects other than maps, collections and scalars are looked at as Jackson writes them. The walk keeps
   * its own stack, so any depth is safe to look at; nothing of the value is in the result.
   */
  static String problem(Object tree) {
    Deque<Object> values = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    values.push(tree == null ? NULL : tree);
    depths.push(0);
    while (!values.isEmpty()) {
      Object value = values.pop();
      int depth = depths.pop();
      if (value instanceof Map<?, ?> || value instanceof Collection<?> || value instanceof Object[]) {
        if (depth + 1 > PostgresLimits.MAX_DEPTH) {
          return "nested more than " + PostgresLimits.MAX_DEPTH + " levels deep (maps and lists inside one another)";
        }
        Iterable<?> children;
        if (value instanceof Map<?, ?> map) {
          for (Object key : map.keySet()) {
            if (key == null) {
              return "with a null key in a map: a JSON object's keys are strings";
            }
            String keyProblem = PostgresLimits.textProblem(String.valueOf(key));
            if (keyProblem != null) {
              return "with a key " + keyProblem;
            }
          }
          children = map.values();
        } else {
          children = value instanceof Collection<?> c ? c : java.util.Arrays.asList((Object[]) value);
        }
        for (Object child : children) {
          values.push(child == null ? NULL : child);
          depths.push(depth + 1);
        }
      } else if (value instanceof CharSequence || value instanceof Character) {
        String textProblem = PostgresLimits.textProblem(value.toString());
        if (textProblem != null) {
          return "with a string " + textProblem;
        }
      } else if (value instanceof Number number) {
        String numberProblem = numberProblem(number);
        if (numberProblem != null) {
          return numberProblem;
        }
      } else if (value != NULL && !(value instanceof Boolean)) {
        Object converted = toTree(value);
        if (converted == null) {
          return "holding a " + value.getClass().getName() + " that Jackson cannot serialise, or that nests deeper"
              + " than " + PostgresLimits.MAX_DEPTH + " levels";
        }
        // Where the object sits: its own maps and lists are as deep as they are here, no deeper.
        values.push(converted);
        depths.push(depth);
      }
    }
    return null;
  }

  private static String numberProblem(Number number) {
    if ((number instanceof Double d && !Double.isFinite(d)) || (number instanceof Float f && !Float.isFinite(f))) {
      return "holding NaN or an infinity, which JSON has no number for";
    }
    BigDecimal decimal = number instanceof BigDecimal b ? b : number instanceof BigInteger i ? new BigDecimal(i) : null;
    // Written as it is, so a value that only fits with fewer trailing zeros does not fit either.
    BigDecimal fitted = decimal == null ? null : PostgresLimits.fit(decimal, PostgresLimits.NumericLimits.unconstrained());
    if (decimal != null && (fitted == null || fitted.scale() != decimal.scale())) {
      return "holding a number outside PostgreSQL's NUMERIC ("
          + PostgresLimits.NumericLimits.unconstrained().describe() + ")";
    }
    return null;
  }

  private static boolean isTooDeep(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException) {
        return true;
      }
    }
    return false;
  }
}
