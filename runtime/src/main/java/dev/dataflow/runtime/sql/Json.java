package dev.dataflow.runtime.sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.dataflow.runtime.DataFlowException;

/**
 * The one Jackson {@link ObjectMapper} the runtime uses for JSONB columns. Dates are written as ISO-8601 strings, not
 * epoch numbers, so JSON stored by DataFlow reads the same from psql as from Java.
 *
 * <pre>{@code
 * String text = Json.write(Map.of("tags", List.of("a", "b")));   // {"tags":["a","b"]}
 * Object tree = Json.read(text);                                  // LinkedHashMap with an ArrayList
 * }</pre>
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private Json() {}

  /** The shared mapper. It is thread-safe; do not reconfigure it. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Serialises {@code value} to JSON text. The message of a failure never contains the value. */
  public static String write(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new DataFlowException("could not serialise a " + value.getClass().getName() + " to JSON", e);
    }
  }

  /** Parses JSON text into a tree of {@code Map}, {@code List}, {@code String}, {@code Number}, {@code Boolean}, null. */
  public static Object read(String text) {
    try {
      return MAPPER.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      // Jackson's message and location quote the text, which may be personal data: keep neither.
      throw new DataFlowException("could not parse JSON text read from the database");
    }
  }
}
