package dev.dataflow.runtime.node;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A typed parameter builder for one node type. Generated nodes expose one through a static {@code params()} method,
 * so Java callers get compiler-checked parameter names and types:
 *
 * <pre>{@code
 * workflow.addNode("create_session", ConversationSessionCreateNode.params()
 *     .sessionId(UUID.randomUUID())
 *     .userId("6591234567"));
 * }</pre>
 */
public abstract class NodeParams {
  private final String nodeType;
  private final Map<String, Object> values = new LinkedHashMap<>();

  protected NodeParams(String nodeType) {
    this.nodeType = nodeType;
  }

  /** The type of node these parameters are for. */
  public final String nodeType() {
    return nodeType;
  }

  /** Sets a parameter. */
  protected final void set(String name, Object value) {
    values.put(name, value);
  }

  /** Sets a parameter when {@code value} is not null; generated {@code params(model)} leaves null fields out. */
  protected final void setUnlessNull(String name, Object value) {
    if (value != null) {
      values.put(name, value);
    }
  }

  /** Sets one entry of a map-valued parameter such as {@code fields}. */
  @SuppressWarnings("unchecked")
  protected final void setIn(String mapName, String key, Object value) {
    Object existing = values.get(mapName);
    Map<String, Object> map;
    if (existing instanceof Map<?, ?> m) {
      map = new LinkedHashMap<>((Map<String, Object>) m);
    } else {
      map = new LinkedHashMap<>();
    }
    map.put(key, value);
    values.put(mapName, map);
  }

  /** The parameters set so far, as the map a workflow takes. */
  public final Map<String, Object> toMap() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  @Override
  public String toString() {
    // Keys only: values may be personal data.
    return nodeType + ".params" + values.keySet();
  }
}
