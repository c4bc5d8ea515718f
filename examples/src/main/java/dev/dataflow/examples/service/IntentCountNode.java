package dev.dataflow.examples.service;

import dev.dataflow.runtime.node.InvalidParameterException;
import dev.dataflow.runtime.node.Node;
import dev.dataflow.runtime.node.NodeContext;
import dev.dataflow.runtime.node.ParamSpec;
import dev.dataflow.runtime.node.ParamType;
import java.sql.PreparedStatement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds one to an intent's count in a user's {@code user_interaction_summaries.intent_frequencies}, in the database:
 * the JSON counterpart of Update's {@code $inc}, which works on numeric columns only. One statement,
 *
 * <pre>
 * update user_interaction_summaries
 *    set intent_frequencies = jsonb_set(coalesce(intent_frequencies, '{}'), array[:intent],
 *            to_jsonb(coalesce((intent_frequencies -&gt;&gt; :intent)::numeric, 0) + 1)),
 *        updated_at = now()
 *  where user_id = :user_id
 * </pre>
 *
 * so concurrent messages of one user never lose a count: the row lock orders them and each adds to what the one
 * before it committed. The user's summary must exist (the handler upserts it first, in the same transaction); a
 * missing one fails the node. Output {@code {"updated": 1}}.
 */
final class IntentCountNode implements Node {
  static final String TYPE = "UserIntentCountNode";
  static final String USER_ID = "user_id";
  static final String INTENT = "intent";
  private static final String SQL = "update user_interaction_summaries set intent_frequencies = jsonb_set("
      + "coalesce(intent_frequencies, '{}'::jsonb), array[?]::text[], "
      + "to_jsonb(coalesce((intent_frequencies ->> ?)::numeric, 0) + 1)), updated_at = now() where user_id = ?";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public List<ParamSpec> parameters() {
    return List.of(
        ParamSpec.of(USER_ID, ParamType.ANY, true, "the user whose summary counts the intent; personal data")
            .withCheck(IntentCountNode::text),
        ParamSpec.of(INTENT, ParamType.ANY, true, "the intent to count, for example order_placement")
            .withCheck(IntentCountNode::text));
  }

  private static void text(Object value, String parameter) {
    if (!(value instanceof String) || ((String) value).isEmpty()) {
      throw new InvalidParameterException(parameter, "expected a non-empty String");
    }
  }

  @Override
  public Set<String> outputs() {
    return Set.of("updated");
  }

  @Override
  public Map<String, Object> execute(NodeContext context, Map<String, Object> params) throws Exception {
    String intent = (String) params.get(INTENT);
    int updated = context.transaction(connection -> {
      try (PreparedStatement ps = connection.prepareStatement(SQL)) {
        ps.setString(1, intent);
        ps.setString(2, intent);
        ps.setString(3, (String) params.get(USER_ID));
        return ps.executeUpdate();
      }
    });
    if (updated != 1) {
      throw new IllegalStateException("no user_interaction_summaries row for the user of parameter user_id; upsert"
          + " the summary (UserInteractionSummaryCreateNode with on_conflict \"ignore\") before " + TYPE);
    }
    context.addRowsAffected(updated);
    return Map.of("updated", updated);
  }

  @Override
  public Map<String, Object> loggableParameters(Map<String, Object> params) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(USER_ID, "<pii>");
    out.put(INTENT, params.get(INTENT));
    return out;
  }
}
