package dev.dataflow.models.testing;

import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.NodeRegistry;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Small application nodes for tests: they mix with the generated CRUD nodes in one registry. */
public final class TestNodes {
  private TestNodes() {}

  /** The classpath models plus the built-ins plus these test nodes. */
  public static NodeRegistry registry(Node... extra) {
    NodeRegistry.Builder builder = NodeRegistry.builder().addBuiltins().addClasspathModels()
        .add(new Fail()).add(new Sleep()).add(new Emit());
    for (Node node : extra) {
      builder.add(node);
    }
    return builder.build();
  }

  /** Throws an application exception. */
  public static final class Fail implements Node {
    @Override
    public String type() {
      return "FailNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("after", ParamType.ANY, false, "ignored; lets the node be ordered by a connection"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
      throw new IllegalStateException("injected failure in " + context.nodeId());
    }
  }

  /** Runs {@code SELECT pg_sleep(seconds)} on the run's database connection. */
  public static final class Sleep implements Node {
    @Override
    public String type() {
      return "SleepNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("seconds", ParamType.ANY, true, "how long to sleep"));
    }

    @Override
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
      double seconds = ((Number) params.get("seconds")).doubleValue();
      return context.autoCommit(c -> {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_sleep(?)")) {
          ps.setDouble(1, seconds);
          ps.execute();
        } catch (java.sql.SQLException e) {
          throw dev.dataflow.runtime.sql.DatabaseErrors.translate(e, "sleep");
        }
        return Map.of("slept", seconds);
      });
    }
  }

  /** Outputs its {@code values} parameter: a stand-in for an application computation. */
  public static final class Emit implements Node {
    @Override
    public String type() {
      return "EmitNode";
    }

    @Override
    public List<ParamSpec> parameters() {
      return List.of(ParamSpec.of("values", ParamType.ANY, true, "the map to output"),
          ParamSpec.of("after", ParamType.ANY, false, "ignored; lets the node be ordered by a connection"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
      return new LinkedHashMap<>((Map<String, Object>) params.get("values"));
    }
  }

  /** A node computed by a function of its parameters. */
  public static Node function(String type, List<ParamSpec> parameters,
      Function<Map<String, Object>, Map<String, Object>> body) {
    return new Node() {
      @Override
      public String type() {
        return type;
      }

      @Override
      public List<ParamSpec> parameters() {
        return parameters;
      }

      @Override
      public Map<String, Object> execute(NodeContext context, Map<String, Object> params) {
        return body.apply(params);
      }
    };
  }
}
